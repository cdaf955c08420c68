/// A markdown link kept from a report: its text and where it points.
public struct Link: Codable, Hashable, Sendable {
  public var text: String
  public var url: String
}

/// Inline markdown and HTML reduced to plain text.
///
/// `**Keynote** by [Jane](https://x) <br>` gives `Keynote by Jane`, with the link and the bold
/// text kept aside (bold and link text can be talk titles).
public struct InlineText: Sendable, Equatable {
  public var text: String
  public var links: [Link]
  public var strong: [String]

  public init(_ raw: String) {
    // Most paragraphs have no markup: nothing to read character by character.
    if !raw.utf8.contains(where: InlineText.isMarkup) {
      self.text = raw.trimmingSpaces()
      self.links = []
      self.strong = []
      return
    }
    var out = ""
    var links: [Link] = []
    var strong: [String] = []
    let chars = Array(raw)
    var i = 0
    var strongStart: String.Index? = nil
    func find(_ c: Character, from: Int) -> Int? {
      var j = from
      while j < chars.count {
        if chars[j] == c { return j }
        j += 1
      }
      return nil
    }
    while i < chars.count {
      let c = chars[i]
      // Images: ![alt](src) are not content.
      if c == "!", i + 1 < chars.count, chars[i + 1] == "[",
        let close = find("]", from: i + 2), close + 1 < chars.count, chars[close + 1] == "(",
        let end = find(")", from: close + 2)
      {
        i = end + 1
        continue
      }
      // Links: [text](url) keep the text and the URL.
      if c == "[", let close = find("]", from: i + 1), close + 1 < chars.count, chars[close + 1] == "(",
        let end = find(")", from: close + 2)
      {
        let text = InlineText(String(chars[(i + 1)..<close]))
        let url = String(chars[(close + 2)..<end]).split(separator: " ").first.map(String.init) ?? ""
        out += text.text
        links.append(Link(text: text.text, url: url))
        strong += text.strong
        i = end + 1
        continue
      }
      // HTML tags and autolinks.
      if c == "<", i + 1 < chars.count, chars[i + 1].isLetter || chars[i + 1] == "/" || chars[i + 1] == "!",
        let end = find(">", from: i + 1)
      {
        let inner = String(chars[(i + 1)..<end])
        if inner.hasPrefix("http://") || inner.hasPrefix("https://") { out += inner }
        i = end + 1
        continue
      }
      // Bold: **x** or __x__.
      if (c == "*" || c == "_"), i + 1 < chars.count, chars[i + 1] == c {
        if let start = strongStart {
          let s = String(out[start...]).trimmingSpaces()
          if !s.isEmpty { strong.append(s) }
          strongStart = nil
        } else {
          strongStart = out.endIndex
        }
        i += 2
        continue
      }
      // Emphasis markers and code ticks around words.
      if c == "`" {
        i += 1
        continue
      }
      if c == "*" || c == "_" {
        let prev = i > 0 ? chars[i - 1] : " "
        let next = i + 1 < chars.count ? chars[i + 1] : " "
        if !(prev.isLetter || prev.isNumber) || !(next.isLetter || next.isNumber) {
          i += 1
          continue
        }
      }
      if c == "&", let semi = find(";", from: i + 1), semi - i <= 8 {
        let name = String(chars[(i + 1)..<semi])
        if let replacement = InlineText.entities[name] {
          out += replacement
          i = semi + 1
          continue
        }
      }
      out.append(c)
      i += 1
    }
    self.text = out.trimmingSpaces()
    self.links = links
    self.strong = strong
  }

  /// The bytes that start markup: `[` `<` `*` `_` `` ` `` `&` (an image's `!` comes before `[`).
  static func isMarkup(_ b: UInt8) -> Bool {
    b == 0x5B || b == 0x3C || b == 0x2A || b == 0x5F || b == 0x60 || b == 0x26
  }

  static let entities: [String: String] = [
    "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "#39": "'", "apos": "'", "nbsp": " ",
    "rsquo": "’", "lsquo": "‘", "ldquo": "“", "rdquo": "”", "laquo": "«", "raquo": "»",
    "hellip": "…", "mdash": "—", "ndash": "–", "eacute": "é", "egrave": "è", "agrave": "à",
  ]
}

extension StringProtocol {
  /// The text without leading and trailing spaces, tabs and no-break spaces.
  func trimmingSpaces() -> String {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{00A0}" || $0 == "\u{202F}" }
    guard let start = firstIndex(where: { !isSpace($0) }) else { return "" }
    let end = lastIndex(where: { !isSpace($0) }) ?? start
    return String(self[start...end])
  }
}
