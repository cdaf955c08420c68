import Foundation

/// A web page saved from the browser, read as a report: the article's text becomes markdown and
/// the page's title, date, author and language become front matter, so the rest of the reading
/// pipeline treats it like any markdown report.
///
/// Scripts, styles, navigation, headers, footers, asides, forms and comments are dropped; the
/// article is the largest `<article>`, else `<main>`, else the `<body>`. Each block is placed on
/// the line where it starts in the page when it can be, so warnings name real lines.
public enum HTMLPage {
  /// By extension, or a text that starts with a doctype or an `<html>` tag.
  public static func isHTML(_ text: String, file: String) -> Bool {
    let ext = FileReading.fileExtension(file)
    if ext == "html" || ext == "htm" || ext == "xhtml" { return true }
    // What follows the spaces in the first 512 characters; only its start is compared (cutting
    // 512 characters and lowercasing them cost as much as reading a report's blocks).
    // Lowercasing maps each scalar on its own: the start of the lowercased is the lowercased start.
    let rest = text.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
    let skipped = text.distance(from: text.startIndex, to: rest.startIndex)
    let start = rest.prefix(max(0, min(32, 512 - skipped))).lowercased()
    return start.hasPrefix("<!doctype html") || start.hasPrefix("<html")
  }

  /// The page as markdown with YAML front matter.
  public static func markdown(from html: String) -> String {
    let root = HTMLTree.parse(html)
    let meta = Metadata(root)
    var out = MarkdownWriter()
    var fields: [(String, String)] = []
    if let t = meta.title { fields.append(("title", t)) }
    if let d = meta.date { fields.append(("date", d)) }
    if let a = meta.author { fields.append(("author", a)) }
    if let l = meta.language { fields.append(("lang", l)) }
    if !fields.isEmpty {
      out.lines.append("---")
      for (k, v) in fields { out.lines.append("\(k): \"\(v.replacingOccurrences(of: "\"", with: "\\\""))\"") }
      out.lines.append("---")
    }
    out.write(contentRoot(root))
    return out.lines.joined(separator: "\n") + "\n"
  }

  // MARK: - Choosing the article

  static func contentRoot(_ root: HTMLNode) -> HTMLNode {
    let articles = root.all { $0.name == "article" && !isBoilerplate($0, within: nil) }
    if let best = articles.max(by: { textLength($0) < textLength($1) }), textLength(best) > 0 { return best }
    if let main = root.first(where: { $0.name == "main" || $0.attributes["role"] == "main" }) { return main }
    return root.first { $0.name == "body" } ?? root
  }

  static func textLength(_ node: HTMLNode) -> Int {
    var n = 0
    for child in node.children {
      switch child {
      case .text(let t, _): n += t.utf8.count
      case .element(let e): if !skipped.contains(e.name) { n += textLength(e) }
      }
    }
    return n
  }

  /// Elements that never hold the article's text.
  static let skipped: Set<String> = [
    "script", "style", "noscript", "template", "svg", "nav", "header", "footer", "aside", "form", "button",
    "iframe", "select", "dialog", "figure", "head", "title", "meta", "link", "img", "video", "audio", "canvas", "object",
  ]
  static let boilerplateRoles: Set<String> = ["navigation", "banner", "contentinfo", "complementary", "search", "dialog"]
  /// Words of class and id values that mark page furniture.
  static let boilerplateWords: Set<String> = [
    "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "sidebar", "footer", "header", "masthead",
    "comment", "comments", "share", "sharing", "social", "related", "newsletter", "subscribe", "cookie", "cookies",
    "consent", "popup", "modal", "promo", "advert", "advertisement", "ads", "widget", "pagination", "toc",
  ]

  /// Page furniture by tag, role, visibility or class/id words; never a block that holds most of
  /// the article (a wrapper whose class happens to say "has-sidebar").
  static func isBoilerplate(_ node: HTMLNode, within total: Int?) -> Bool {
    if skipped.contains(node.name) { return true }
    if let role = node.attributes["role"], boilerplateRoles.contains(role) { return true }
    if node.attributes["hidden"] != nil || node.attributes["aria-hidden"] == "true" { return true }
    let names = ((node.attributes["class"] ?? "") + " " + (node.attributes["id"] ?? "")).lowercased()
    let words = names.split { !($0.isLetter || $0.isNumber) }
    guard words.contains(where: { boilerplateWords.contains(String($0)) }) else { return false }
    guard let total, total > 0 else { return true }
    return textLength(node) * 2 < total
  }

  // MARK: - Metadata

  struct Metadata {
    var title: String?
    var date: String?
    var author: String?
    var language: String?

    init(_ root: HTMLNode) {
      var metas: [String: String] = [:]
      var pageTitle: String?
      var firstH1: String?
      var firstTime: String?
      var ld: [Any] = []
      root.visit { node in
        switch node.name {
        case "meta":
          let key = (node.attributes["property"] ?? node.attributes["name"] ?? node.attributes["itemprop"]
            ?? node.attributes["http-equiv"])?.lowercased()
          if let key, let content = node.attributes["content"], metas[key] == nil { metas[key] = content }
        case "title": if pageTitle == nil { pageTitle = HTMLNode.collapse(node.rawText) }
        case "h1": if firstH1 == nil { firstH1 = HTMLNode.collapse(node.text) }
        case "time": if firstTime == nil { firstTime = node.attributes["datetime"] }
        case "script":
          if node.attributes["type"]?.lowercased() == "application/ld+json",
            let object = try? JSONSerialization.jsonObject(with: Data(node.rawText.utf8), options: [.fragmentsAllowed])
          {
            ld.append(object)
          }
        default: break
        }
      }
      let linked = LinkedData(ld)
      let site = metas["og:site_name"]
      title = [metas["og:title"], metas["twitter:title"], linked.string("headline"), pageTitle.map { HTMLPage.withoutSiteName($0, site: site) }, firstH1]
        .compactMap { $0.map(HTMLNode.collapse) }.first { !$0.isEmpty }
      let dates = [
        metas["article:published_time"], linked.string("datePublished"), metas["datepublished"], metas["date"],
        metas["dc.date"], metas["dc.date.issued"], metas["pubdate"], metas["publish-date"], firstTime,
        metas["article:modified_time"], linked.string("dateModified"),
      ]
      date = dates.compactMap { $0.flatMap(HTMLPage.isoDay) }.first
      let authors = [metas["author"], linked.author, metas["article:author"], metas["twitter:creator"]]
      author = authors.compactMap { $0.map(HTMLNode.collapse) }.first { !$0.isEmpty && !$0.contains("://") && !$0.hasPrefix("@") }
      let languages = [root.first { $0.name == "html" }?.attributes["lang"], metas["content-language"], metas["og:locale"], linked.string("inLanguage")]
      language = languages.compactMap { $0.flatMap(HTMLPage.languageCode) }.first
    }
  }

  /// JSON-LD objects, `@graph` included.
  struct LinkedData {
    var objects: [[String: Any]] = []

    init(_ roots: [Any]) {
      var stack = roots
      while let next = stack.popLast() {
        if let array = next as? [Any] {
          stack += array.reversed()
        } else if let object = next as? [String: Any] {
          objects.append(object)
          if let graph = object["@graph"] { stack.append(graph) }
        }
      }
    }

    func string(_ key: String) -> String? {
      objects.lazy.compactMap { $0[key] as? String }.first
    }

    var author: String? {
      for object in objects {
        let value = object["author"] ?? object["creator"]
        if let s = value as? String { return s }
        if let o = value as? [String: Any], let name = o["name"] as? String { return name }
        if let list = value as? [Any] {
          let names = list.compactMap { ($0 as? [String: Any])?["name"] as? String ?? $0 as? String }
          if !names.isEmpty { return names.joined(separator: ", ") }
        }
      }
      return nil
    }
  }

  /// "2025-04-10T08:00:00+02:00" gives "2025-04-10".
  static func isoDay(_ value: String) -> String? {
    let v = value.trimmingCharacters(in: .whitespaces)
    let day = v.prefix(10)
    let parts = day.split(separator: "-")
    guard day.count == 10, parts.count == 3, parts[0].count == 4, parts.allSatisfy({ $0.allSatisfy(\.isNumber) }) else { return nil }
    return String(day)
  }

  /// "fr-FR", "fr_FR", "en" give "fr", "fr", "en".
  static func languageCode(_ value: String) -> String? {
    let code = value.trimmingCharacters(in: .whitespaces).prefix { $0.isLetter }.lowercased()
    return code.count == 2 ? code : nil
  }

  /// "My recap | Acme Blog" without " | Acme Blog" when the page names its site so.
  static func withoutSiteName(_ title: String, site: String?) -> String {
    guard let site, !site.isEmpty else { return title }
    for separator in [" | ", " - ", " – ", " — ", " · "] where title.hasSuffix(separator + site) {
      return String(title.dropLast(separator.count + site.count))
    }
    return title
  }

  // MARK: - Writing markdown

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

/// An element of a parsed page.
final class HTMLNode {
  enum Child {
    case element(HTMLNode)
    case text(String, line: Int)
  }

  let name: String
  var attributes: [String: String]
  var children: [Child] = []
  /// The text of `script`, `style`, `title`, `textarea` and `pre`, as written.
  var rawText = ""
  let line: Int

  init(name: String, attributes: [String: String] = [:], line: Int) {
    self.name = name
    self.attributes = attributes
    self.line = line
  }

  static let blockNames: Set<String> = [
    "p", "div", "section", "article", "main", "blockquote", "ul", "ol", "dl", "table", "tbody", "thead", "tfoot",
    "center", "details", "summary", "figcaption", "address", "body", "html", "td", "th", "caption",
  ]

  var text: String {
    var s = rawText
    for child in children {
      switch child {
      case .text(let t, _): s += t
      case .element(let e): s += " " + e.text
      }
    }
    return s
  }

  /// Runs of white space as one space, trimmed.
  static func collapse(_ s: String) -> String {
    s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
  }

  func visit(_ body: (HTMLNode) -> Void) {
    var stack = [self]
    while let node = stack.popLast() {
      body(node)
      for child in node.children.reversed() { if case .element(let e) = child { stack.append(e) } }
    }
  }

  func all(_ predicate: (HTMLNode) -> Bool) -> [HTMLNode] {
    var found: [HTMLNode] = []
    visit { if predicate($0) { found.append($0) } }
    return found
  }

  func first(where predicate: (HTMLNode) -> Bool) -> HTMLNode? {
    var stack = [self]
    while let node = stack.popLast() {
      if predicate(node) { return node }
      for child in node.children.reversed() { if case .element(let e) = child { stack.append(e) } }
    }
    return nil
  }
}

/// A forgiving HTML parser: tags, attributes, comments, raw-text elements, entities, implied
/// closing of paragraphs and list items. Linear in the size of the page; never fails.
enum HTMLTree {
  static let void: Set<String> = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"]
  static let rawText: Set<String> = ["script", "style", "title", "textarea", "xmp", "pre", "noscript"]
  /// Opening one of these closes an open `<p>`.
  static let closesParagraph: Set<String> = [
    "p", "div", "ul", "ol", "dl", "table", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote", "section",
    "article", "aside", "header", "footer", "nav", "form", "hr", "figure", "main", "address", "details",
  ]

  static func parse(_ html: String) -> HTMLNode {
    let bytes = Array(html.utf8)
    let root = HTMLNode(name: "#document", line: 1)
    var stack = [root]
    var i = 0
    var line = 1
    var counted = 0
    func lineAt(_ offset: Int) -> Int {
      while counted < offset {
        if bytes[counted] == 0x0A { line += 1 }
        counted += 1
      }
      return line
    }
    func appendText(_ start: Int, _ end: Int) {
      guard end > start else { return }
      let text = decodeEntities(String(decoding: bytes[start..<end], as: UTF8.self))
      stack[stack.count - 1].children.append(.text(text, line: lineAt(start)))
    }
    var textStart = 0
    while i < bytes.count {
      guard bytes[i] == UInt8(ascii: "<"), i + 1 < bytes.count else {
        i += 1
        continue
      }
      let next = bytes[i + 1]
      if next == UInt8(ascii: "!") || next == UInt8(ascii: "?") {
        appendText(textStart, i)
        if match(bytes, at: i, "<!--") {
          i = find(bytes, "-->", from: i + 4).map { $0 + 3 } ?? bytes.count
        } else {
          i = (bytes[i...].firstIndex(of: UInt8(ascii: ">")) ?? (bytes.count - 1)) + 1
        }
        textStart = i
        continue
      }
      let closing = next == UInt8(ascii: "/")
      let nameStart = closing ? i + 2 : i + 1
      guard nameStart < bytes.count, isLetter(bytes[nameStart]) else {
        i += 1
        continue
      }
      appendText(textStart, i)
      var j = nameStart
      while j < bytes.count, isNameByte(bytes[j]) { j += 1 }
      let name = String(decoding: bytes[nameStart..<j], as: UTF8.self).lowercased()
      let tagLine = lineAt(i)
      var attributes: [String: String] = [:]
      var selfClosing = false
      // Attributes up to '>'.
      while j < bytes.count, bytes[j] != UInt8(ascii: ">") {
        let b = bytes[j]
        if b == UInt8(ascii: "/") {
          selfClosing = true
          j += 1
          continue
        }
        if isSpace(b) {
          j += 1
          continue
        }
        let keyStart = j
        while j < bytes.count, !isSpace(bytes[j]), bytes[j] != UInt8(ascii: "="), bytes[j] != UInt8(ascii: ">"),
          !(bytes[j] == UInt8(ascii: "/") && j + 1 < bytes.count && bytes[j + 1] == UInt8(ascii: ">"))
        {
          j += 1
        }
        let key = String(decoding: bytes[keyStart..<j], as: UTF8.self).lowercased()
        if j == keyStart {
          j += 1
          continue
        }
        selfClosing = false
        while j < bytes.count, isSpace(bytes[j]) { j += 1 }
        var value = ""
        if j < bytes.count, bytes[j] == UInt8(ascii: "=") {
          j += 1
          while j < bytes.count, isSpace(bytes[j]) { j += 1 }
          if j < bytes.count, bytes[j] == UInt8(ascii: "\"") || bytes[j] == UInt8(ascii: "'") {
            let quote = bytes[j]
            let end = bytes[(j + 1)...].firstIndex(of: quote) ?? bytes.count
            value = String(decoding: bytes[(j + 1)..<end], as: UTF8.self)
            j = min(end + 1, bytes.count)
          } else {
            let start = j
            while j < bytes.count, !isSpace(bytes[j]), bytes[j] != UInt8(ascii: ">") { j += 1 }
            value = String(decoding: bytes[start..<j], as: UTF8.self)
          }
        }
        if attributes[key] == nil { attributes[key] = decodeEntities(value) }
      }
      i = min(j + 1, bytes.count)
      textStart = i
      if closing {
        if let k = stack.lastIndex(where: { $0.name == name }), k > 0 { stack.removeSubrange(k...) }
        continue
      }
      if closesParagraph.contains(name), let k = stack.lastIndex(where: { $0.name == "p" }), k > 0,
        !stack[k...].contains(where: { $0.name == "div" || $0.name == "td" || $0.name == "li" })
      {
        stack.removeSubrange(k...)
      }
      if name == "li" || name == "dt" || name == "dd" || name == "tr" || name == "td" || name == "th" || name == "option" {
        let container: Set<String> = name == "li" ? ["ul", "ol"] : name == "tr" ? ["table", "tbody", "thead", "tfoot"] : name == "option" ? ["select"] : ["dl", "tr"]
        let limit = stack.lastIndex { container.contains($0.name) } ?? 0
        let siblings: Set<String> = name == "li" ? ["li"] : name == "tr" ? ["tr", "td", "th"] : name == "td" || name == "th" ? ["td", "th"] : name == "option" ? ["option"] : ["dt", "dd"]
        if let k = stack.lastIndex(where: { siblings.contains($0.name) }), k > limit { stack.removeSubrange(k...) }
      }
      let node = HTMLNode(name: name, attributes: attributes, line: tagLine)
      stack[stack.count - 1].children.append(.element(node))
      if rawText.contains(name) {
        let end = findClosing(bytes, name: name, from: i) ?? bytes.count
        let raw = String(decoding: bytes[i..<end], as: UTF8.self)
        node.rawText = name == "script" || name == "style" ? raw : decodeEntities(stripTags(raw))
        i = end
        if end < bytes.count { i = (bytes[end...].firstIndex(of: UInt8(ascii: ">")) ?? (bytes.count - 1)) + 1 }
        textStart = i
        continue
      }
      if !selfClosing && !void.contains(name) { stack.append(node) }
    }
    appendText(textStart, bytes.count)
    return root
  }

  static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") }
  static func isNameByte(_ b: UInt8) -> Bool { isLetter(b) || (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: "-") || b == UInt8(ascii: ":") }
  static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C }

  static func match(_ bytes: [UInt8], at i: Int, _ s: String) -> Bool {
    let u = Array(s.utf8)
    return i + u.count <= bytes.count && Array(bytes[i..<(i + u.count)]) == u
  }

  static func find(_ bytes: [UInt8], _ s: String, from: Int) -> Int? {
    let u = Array(s.utf8)
    guard let first = u.first, bytes.count >= u.count else { return nil }
    var i = from
    while i <= bytes.count - u.count {
      if bytes[i] == first && Array(bytes[i..<(i + u.count)]) == u { return i }
      i += 1
    }
    return nil
  }

  /// The offset of `</name` (any case) from `from`.
  static func findClosing(_ bytes: [UInt8], name: String, from: Int) -> Int? {
    let n = Array(name.utf8)
    var i = from
    while i + 2 + n.count <= bytes.count {
      if bytes[i] == UInt8(ascii: "<"), bytes[i + 1] == UInt8(ascii: "/") {
        var same = true
        for k in 0..<n.count where bytes[i + 2 + k] | 0x20 != n[k] | 0x20 {
          same = false
          break
        }
        if same { return i }
      }
      i += 1
    }
    return nil
  }

  /// Tags inside a raw block (`<pre>` with `<code>` and `<span>`s) removed.
  static func stripTags(_ s: String) -> String {
    guard s.contains("<") else { return s }
    var out = ""
    var inTag = false
    for c in s {
      if c == "<" { inTag = true } else if c == ">" && inTag { inTag = false } else if !inTag { out.append(c) }
    }
    return out
  }

  static let named: [String: String] = [
    "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "rsquo": "’", "lsquo": "‘",
    "ldquo": "“", "rdquo": "”", "laquo": "«", "raquo": "»", "hellip": "…", "mdash": "—", "ndash": "–",
    "eacute": "é", "egrave": "è", "ecirc": "ê", "euml": "ë", "agrave": "à", "acirc": "â", "auml": "ä",
    "ccedil": "ç", "icirc": "î", "iuml": "ï", "ocirc": "ô", "ouml": "ö", "ugrave": "ù", "ucirc": "û",
    "uuml": "ü", "Eacute": "É", "Egrave": "È", "Agrave": "À", "Ccedil": "Ç", "oelig": "œ", "OElig": "Œ",
    "aelig": "æ", "copy": "©", "reg": "®", "trade": "™", "euro": "€", "middot": "·", "bull": "•",
    "thinsp": " ", "ensp": " ", "emsp": " ", "zwnj": "", "zwj": "", "shy": "", "times": "×", "deg": "°",
    "rarr": "→", "larr": "←",
  ]

  /// `&amp;`, `&#233;`, `&#x2019;` and the common named entities.
  static func decodeEntities(_ s: String) -> String {
    guard s.contains("&") else { return s }
    var out = ""
    var rest = Substring(s)
    while let amp = rest.firstIndex(of: "&") {
      out += rest[..<amp]
      let after = rest[rest.index(after: amp)...]
      if let semi = after.prefix(10).firstIndex(of: ";") {
        let name = after[..<semi]
        var replacement: String?
        if name.hasPrefix("#x") || name.hasPrefix("#X") {
          replacement = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
        } else if name.hasPrefix("#") {
          replacement = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
        } else {
          replacement = named[String(name)]
        }
        if let r = replacement {
          out += r
          rest = after[after.index(after: semi)...]
          continue
        }
      }
      out += "&"
      rest = after
    }
    return out + rest
  }
}
