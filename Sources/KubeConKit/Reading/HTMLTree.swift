import Foundation

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
