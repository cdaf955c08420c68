import Foundation

/// A page's article written as markdown.
extension HTMLPage {
  struct MarkdownWriter {
    var lines: [String] = []
    var inline = ""
    var inlineLine = 0
    var total = 0

    /// Starts a block on the page's line `line` when the output has not gone past it. A blank
    /// line separates paragraphs; headings and list items need none (they interrupt a paragraph).
    mutating func emit(_ text: String, line: Int) {
      func structural(_ s: String) -> Bool { s.hasPrefix("#") || s.hasPrefix("- ") || s.hasPrefix("  - ") }
      while lines.count + 1 < line { lines.append("") }
      if let last = lines.last, !last.isEmpty {
        let fence = text.hasPrefix("```") || last.hasPrefix("```")
        if fence || (!structural(text) && !last.hasPrefix("#")) { lines.append("") }
      }
      lines.append(text)
    }

    mutating func flush() {
      let text = HTMLNode.collapse(inline)
      if !text.isEmpty { emit(text, line: inlineLine) }
      inline = ""
    }

    mutating func write(_ root: HTMLNode) {
      total = HTMLPage.textLength(root)
      block(root)
      flush()
    }

    mutating func block(_ node: HTMLNode) {
      for child in node.children {
        switch child {
        case .text(let t, let line):
          if inline.isEmpty { inlineLine = line }
          inline += t
        case .element(let e):
          element(e)
        }
      }
    }

    mutating func element(_ e: HTMLNode) {
      if HTMLPage.isBoilerplate(e, within: total) { return }
      switch e.name {
      case "h1", "h2", "h3", "h4", "h5", "h6":
        flush()
        let text = HTMLNode.collapse(inlineText(e))
        if !text.isEmpty { emit(String(repeating: "#", count: Int(String(e.name.dropFirst())) ?? 2) + " " + text, line: e.line) }
      case "li", "dt", "dd":
        flush()
        var item = MarkdownWriter(lines: [], inline: "", inlineLine: e.line, total: total)
        item.block(e)
        item.flush()
        let parts = item.lines.filter { !$0.isEmpty }
        if let first = parts.first {
          emit("- " + (first.hasPrefix("- ") ? String(first.dropFirst(2)) : first), line: e.line)
          for rest in parts.dropFirst() { lines.append(rest.hasPrefix("- ") ? "  " + rest : "  - " + rest) }
        }
      case "pre":
        flush()
        emit("```", line: e.line)
        lines += e.rawText.split(separator: "\n", omittingEmptySubsequences: false).map { String($0).replacingOccurrences(of: "```", with: "'''") }
        lines.append("```")
      case "tr":
        flush()
        let cells = e.children.compactMap { child -> String? in
          guard case .element(let cell) = child, cell.name == "td" || cell.name == "th" else { return nil }
          return HTMLNode.collapse(inlineText(cell))
        }.filter { !$0.isEmpty }
        if !cells.isEmpty { emit(cells.joined(separator: " | "), line: e.line) }
      case "br":
        flush()
      case "hr":
        flush()
      case "a", "strong", "b", "em", "i", "span", "code", "small", "sup", "sub", "mark", "abbr", "cite", "q", "time", "u", "s", "del", "ins", "kbd", "label", "font":
        if inline.isEmpty { inlineLine = e.line }
        inline += self.inline(e)
      default:
        if HTMLNode.blockNames.contains(e.name) {
          flush()
          block(e)
          flush()
        } else {
          block(e)
        }
      }
    }

    /// An inline element as markdown: links keep their URL, bold stays bold; a link to a place on
    /// the same page that shows only a symbol (a heading's "#" or "¶") is dropped.
    func inline(_ c: HTMLNode) -> String {
      if HTMLPage.skipped.contains(c.name) { return "" }
      if c.name == "br" { return " " }
      let inner = inlineText(c)
      switch c.name {
      case "a":
        let text = HTMLNode.collapse(inner)
        let href = c.attributes["href"] ?? ""
        if href.hasPrefix("#") && !text.contains(where: { $0.isLetter || $0.isNumber }) { return "" }
        if (href.hasPrefix("http://") || href.hasPrefix("https://")) && !text.isEmpty && !text.contains("](") {
          return "[\(text.replacingOccurrences(of: "]", with: ")"))](\(href.replacingOccurrences(of: ")", with: "%29").replacingOccurrences(of: " ", with: "%20")))"
        }
        return inner
      case "strong", "b":
        let text = HTMLNode.collapse(inner)
        return text.isEmpty || text.contains("**") ? inner : " **\(text)** "
      default:
        return HTMLNode.blockNames.contains(c.name) ? " " + inner + " " : inner
      }
    }

    /// The children of an element as inline markdown.
    func inlineText(_ e: HTMLNode) -> String {
      var s = ""
      for child in e.children {
        switch child {
        case .text(let t, _): s += t
        case .element(let c): s += inline(c)
        }
      }
      return s
    }
  }
}
