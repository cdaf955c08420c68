/// A markdown link kept from a report: its text and where it points.
struct Link: Codable, Hashable, Sendable {
  var text: String
  var url: String
}

/// Inline markdown and HTML reduced to plain text.
///
/// `**Keynote** by [Jane](https://x) <br>` gives `Keynote by Jane`, with the link and the bold
/// text kept aside (bold and link text can be talk titles).
struct InlineText: Sendable, Equatable {
  var text: String
  var links: [Link]
  var strong: [String]
  /// Code spans (`` `kubectl` ``), their ticks dropped from ``text``.
  var code: [String] = []

  init(_ raw: String) {
    // Most paragraphs have no markup: nothing to read character by character.
    if !raw.containsByte(where: InlineText.isMarkup) {
      self.text = raw.trimmingSpaces()
      self.links = []
      self.strong = []
      return
    }
    // Where each scalar is a character of its own (no accent or joiner to combine with the one
    // before), scalars are read: the same reading as characters, without grapheme breaking.
    // (Read as bytes then: markup is ASCII, and a scalar is decoded only next to `*`, `_` or `<`.)
    self = Graphemes.eachScalarIsACharacter(raw) ? InlineText(units: raw.utf8.map(InlineByte.init)) : InlineText(units: Array(raw))
  }

  /// Reads markup from a text's characters, or from its scalars when each is a character.
  init<Unit: InlineUnit>(units chars: [Unit]) {
    var out: [UInt8] = []
    out.reserveCapacity(chars.count)
    var links: [Link] = []
    var strong: [String] = []
    var code: [String] = []
    var i = 0
    var strongStart: Int? = nil
    var codeStart: Int? = nil
    func find(_ c: Unit, from: Int) -> Int? {
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
        let text = InlineText(Unit.string(chars[(i + 1)..<close]))
        let url = Unit.string(chars[(close + 2)..<end]).split(separator: " ").first.map(String.init) ?? ""
        out += text.text.utf8
        links.append(Link(text: text.text, url: url))
        strong += text.strong
        i = end + 1
        continue
      }
      // HTML tags and autolinks.
      if c == "<", i + 1 < chars.count, Unit.isLetter(chars, at: i + 1) || chars[i + 1] == "/" || chars[i + 1] == "!",
        let end = find(">", from: i + 1)
      {
        let inner = Unit.string(chars[(i + 1)..<end])
        if inner.hasPrefix("http://") || inner.hasPrefix("https://") { out += inner.utf8 }
        i = end + 1
        continue
      }
      // Bold: **x** or __x__.
      if c == "*" || c == "_", i + 1 < chars.count, chars[i + 1] == c {
        if let start = strongStart {
          let s = String(decoding: out[start...], as: UTF8.self).trimmingSpaces()
          if !s.isEmpty { strong.append(s) }
          strongStart = nil
        } else {
          strongStart = out.count
        }
        i += 2
        continue
      }
      // Emphasis markers and code ticks around words.
      if c == "`" {
        if let start = codeStart {
          let s = String(decoding: out[start...], as: UTF8.self).trimmingSpaces()
          if !s.isEmpty { code.append(s) }
          codeStart = nil
        } else {
          codeStart = out.count
        }
        i += 1
        continue
      }
      if c == "*" || c == "_" {
        if !(i > 0 && Unit.isLetterOrNumber(chars, endingAt: i - 1)) || !(i + 1 < chars.count && Unit.isLetterOrNumber(chars, at: i + 1)) {
          i += 1
          continue
        }
      }
      if c == "&", let semi = find(";", from: i + 1), semi - i <= 8 {
        if let replacement = InlineText.entities[Unit.string(chars[(i + 1)..<semi])] {
          out += replacement.utf8
          i = semi + 1
          continue
        }
      }
      c.append(to: &out)
      i += 1
    }
    self.text = String(decoding: out, as: UTF8.self).trimmingSpaces()
    self.links = links
    self.strong = strong
    self.code = code
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

/// What ``InlineText`` reads markup from: a text's characters, or its scalars, or the bytes of a
/// text whose scalars are characters of their own.
protocol InlineUnit: Equatable, ExpressibleByUnicodeScalarLiteral {
  /// Whether the character that starts at unit `i` is a letter.
  static func isLetter(_ units: [Self], at i: Int) -> Bool
  /// Whether the character that starts at unit `i` is a letter or a number.
  static func isLetterOrNumber(_ units: [Self], at i: Int) -> Bool
  /// Whether the character that ends at unit `i` is a letter or a number.
  static func isLetterOrNumber(_ units: [Self], endingAt i: Int) -> Bool
  func append(to bytes: inout [UInt8])
  static func string(_ units: ArraySlice<Self>) -> String
}

/// A unit that is a character of its own.
protocol WholeInlineUnit: InlineUnit {
  var isLetter: Bool { get }
  var isNumber: Bool { get }
}

extension WholeInlineUnit {
  static func isLetter(_ units: [Self], at i: Int) -> Bool { units[i].isLetter }
  static func isLetterOrNumber(_ units: [Self], at i: Int) -> Bool { units[i].isLetter || units[i].isNumber }
  static func isLetterOrNumber(_ units: [Self], endingAt i: Int) -> Bool { units[i].isLetter || units[i].isNumber }
}

/// A byte of a text whose scalars are characters of their own (markup is ASCII, whose bytes are
/// never part of another scalar's): a scalar is decoded only where markup needs to know whether
/// a letter or a number comes before or after.
struct InlineByte: InlineUnit {
  let value: UInt8
  init(_ value: UInt8) { self.value = value }
  init(unicodeScalarLiteral scalar: Unicode.Scalar) { value = UInt8(ascii: scalar) }

  static func isLetter(_ units: [InlineByte], at i: Int) -> Bool { scalar(units, at: i).isLetter }
  static func isLetterOrNumber(_ units: [InlineByte], at i: Int) -> Bool {
    let s = scalar(units, at: i)
    return s.isLetter || s.isNumber
  }
  static func isLetterOrNumber(_ units: [InlineByte], endingAt i: Int) -> Bool {
    var start = i
    while start > 0 && units[start].value & 0xC0 == 0x80 { start -= 1 }
    return isLetterOrNumber(units, at: start)
  }
  /// The scalar that starts at byte `i`.
  private static func scalar(_ units: [InlineByte], at i: Int) -> Unicode.Scalar {
    units.withUnsafeBufferPointer { $0.withMemoryRebound(to: UInt8.self) { Bytes.scalar(at: i, in: $0).0 } }
  }
  func append(to bytes: inout [UInt8]) { bytes.append(value) }
  static func string(_ units: ArraySlice<InlineByte>) -> String {
    units.withUnsafeBufferPointer { $0.withMemoryRebound(to: UInt8.self) { String(decoding: $0, as: UTF8.self) } }
  }
}

extension Character: WholeInlineUnit {
  func append(to bytes: inout [UInt8]) { bytes += utf8 }
  static func string(_ units: ArraySlice<Character>) -> String { String(units) }
}

extension Unicode.Scalar: WholeInlineUnit {
  // A character of one scalar is a letter when the scalar is alphabetic, a number when it has a
  // numeric type (Character's own definitions).
  var isLetter: Bool { value < 0x80 ? (value | 0x20 >= 0x61 && value | 0x20 <= 0x7A) : properties.isAlphabetic }
  var isNumber: Bool { value < 0x80 ? (value >= 0x30 && value <= 0x39) : properties.numericType != nil }
  func append(to bytes: inout [UInt8]) { UTF8.encode(self) { bytes.append($0) } }
  static func string(_ units: ArraySlice<Unicode.Scalar>) -> String { String(String.UnicodeScalarView(units)) }
}

extension StringProtocol {
  /// The text without leading and trailing spaces, tabs and no-break spaces.
  ///
  /// Read as bytes, unless a scalar next to a trimmed space may join it into another character
  /// (only scalars from U+0300 on can: combining marks, prepended marks), which is faster than
  /// comparing characters.
  func trimmingSpaces() -> String {
    let trimmed = utf8.withContiguousStorageIfAvailable { b -> Range<Int>? in
      let a = Bytes.endOfSpaces(b, from: 0, to: b.count)
      var z = b.count
      while z > a {
        if b[z - 1] == 0x20 || b[z - 1] == 0x09 {
          z -= 1
        } else if z - 2 >= a, b[z - 2] == 0xC2, b[z - 1] == 0xA0 {
          z -= 2
        } else if z - 3 >= a, b[z - 3] == 0xE2, b[z - 2] == 0x80, b[z - 1] == 0xAF {
          z -= 3
        } else {
          break
        }
      }
      // The scalar after the leading spaces, and the one before the trailing spaces, are below
      // U+0300: their first byte is at most 0xCB.
      if a > 0 && a < z && b[a] > 0xCB { return nil }
      if z < b.count && z > a {
        var k = z - 1
        while k > a && b[k] & 0xC0 == 0x80 { k -= 1 }
        if b[k] > 0xCB { return nil }
      }
      return a..<z
    }
    // The text's own bytes, not decoded again.
    guard let range = trimmed ?? nil else { return characterTrimmingSpaces() }
    if range.count == utf8.count { return String(self) }
    let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
    return String(self[start..<utf8.index(start, offsetBy: range.count)])
  }

  /// ``trimmingSpaces()`` read as characters.
  func characterTrimmingSpaces() -> String {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{00A0}" || $0 == "\u{202F}" }
    guard let start = firstIndex(where: { !isSpace($0) }) else { return "" }
    let end = lastIndex(where: { !isSpace($0) }) ?? start
    return String(self[start...end])
  }
}
