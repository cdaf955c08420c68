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
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      appendFolded(scalar, to: &out)
    }
    return String(out)
  }

  /// Folds one scalar into `out` (one or two scalars: `œ` gives `oe`).
  static func appendFolded(_ scalar: Unicode.Scalar, to out: inout String.UnicodeScalarView) {
    let v = scalar.value
    if v < 0x80 {
      if v >= 0x41 && v <= 0x5A {
        out.append(Unicode.Scalar(v + 32)!)
      } else {
        out.append(scalar)
      }
      return
    }
    if let mapped = table[scalar] {
      out.append(contentsOf: mapped.unicodeScalars)
      return
    }
    for lower in scalar.properties.lowercaseMapping.unicodeScalars {
      out.append(lower)
    }
  }

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
