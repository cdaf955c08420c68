/// Case and accent folding shared by matching, linking and search.
///
/// `"L’Observabilité"` folds to `"l'observabilite"`. The table covers the Latin letters French and
/// the other western European languages use; other scalars are lowercased and kept.
public enum Folding {
  /// Folds case, accents and typographic apostrophes.
  public static func fold(_ text: String) -> String {
    // ASCII, the common case, only needs its capitals lowered.
    if text.utf8.allSatisfy({ $0 < 0x80 }) {
      return String(decoding: text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }, as: UTF8.self)
    }
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      let v = scalar.value
      if v < 0x80 {
        out.append(UInt8(v >= 0x41 && v <= 0x5A ? v + 32 : v))
      } else if v < 0x300 || (v >= 0x2000 && v < 0x2100), let mapped = direct[Int(v < 0x300 ? v : v - 0x2000 + 0x300)] {
        out.append(contentsOf: mapped)
      } else if scalar.properties.changesWhenLowercased {
        out.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
      } else if v < 0x800 {
        out.append(contentsOf: [UInt8(0xC0 | v >> 6), UInt8(0x80 | v & 0x3F)])
      } else if v < 0x10000 {
        out.append(contentsOf: [UInt8(0xE0 | v >> 12), UInt8(0x80 | v >> 6 & 0x3F), UInt8(0x80 | v & 0x3F)])
      } else {
        out.append(contentsOf: [UInt8(0xF0 | v >> 18), UInt8(0x80 | v >> 12 & 0x3F), UInt8(0x80 | v >> 6 & 0x3F), UInt8(0x80 | v & 0x3F)])
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// `table` as arrays of UTF-8 bytes indexed by scalar: U+0000–U+02FF, then U+2000–U+20FF at 0x300.
  private static let direct: [[UInt8]?] = {
    var d = [[UInt8]?](repeating: nil, count: 0x400)
    for (scalar, replacement) in table {
      let v = Int(scalar.value)
      if v < 0x300 { d[v] = Array(replacement.utf8) } else if v >= 0x2000 && v < 0x2100 { d[v - 0x2000 + 0x300] = Array(replacement.utf8) }
    }
    return d
  }()

  private static let table: [Unicode.Scalar: String] = {
    var t: [Unicode.Scalar: String] = [:]
    let groups: [(String, String)] = [
      ("àâäáãåÀÂÄÁÃÅ", "a"), ("çÇ", "c"), ("éèêëÉÈÊË", "e"), ("îïíìÎÏÍÌ", "i"),
      ("ôöóòõøÔÖÓÒÕØ", "o"), ("ùûüúÙÛÜÚ", "u"), ("ÿýŸÝ", "y"), ("ñÑ", "n"),
      ("’‘ʼ´`", "'"), ("–—‑", "-"), ("«»“”„", "\""), ("ß", "ss"),
    ]
    for (chars, replacement) in groups {
      for s in chars.unicodeScalars { t[s] = replacement }
    }
    t["œ"] = "oe"; t["Œ"] = "oe"; t["æ"] = "ae"; t["Æ"] = "ae"
    t["\u{00A0}"] = " "; t["\u{202F}"] = " "
    return t
  }()
}

extension Folding {
  /// Whether `needle` occurs in `haystack`, comparing UTF-8 bytes (Foundation's `contains` goes
  /// through NSString and was 40% of parsing a report).
  public static func occurs(_ needle: [UInt8], in haystack: [UInt8]) -> Bool {
    guard let first = needle.first else { return true }
    guard haystack.count >= needle.count else { return false }
    var i = 0
    let last = haystack.count - needle.count
    while i <= last {
      if haystack[i] == first {
        var k = 1
        while k < needle.count && haystack[i + k] == needle[k] { k += 1 }
        if k == needle.count { return true }
      }
      i += 1
    }
    return false
  }
}
