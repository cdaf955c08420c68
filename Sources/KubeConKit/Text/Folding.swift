import Foundation

/// Case and accent folding shared by matching, linking and search.
///
/// `"L’Observabilité"` folds to `"l'observabilite"`. The table covers the Latin letters French and
/// the other western European languages use; combining accents (U+0300–U+036F, `e` + U+0301
/// written for `é`) are dropped as the accents of letters are; other scalars are lowercased and kept.
public enum Folding {
  /// Folds case, accents and typographic apostrophes.
  ///
  /// Reads UTF-8 bytes: the scalars of the two ranges the table covers are looked up in a flat
  /// array of replacements (going through `unicodeScalars` and an array per replacement was a
  /// twentieth of parsing a French report).
  public static func fold<S: StringProtocol>(_ text: S) -> String {
    if let folded = text.utf8.withContiguousStorageIfAvailable({ fold(bytes: $0) }) { return folded }
    return fold(String(text))
  }

  public static func fold(_ text: String) -> String {
    var text = text
    return text.withUTF8 { fold(bytes: $0) }
  }

  /// Folds UTF-8 bytes (whole scalars).
  static func fold(bytes: UnsafeBufferPointer<UInt8>) -> String {
    // ASCII, the common case, only needs its capitals lowered.
    if bytes.allSatisfy({ $0 < 0x80 }) {
      return String(unsafeUninitializedCapacity: bytes.count) { out in
        for (k, b) in bytes.enumerated() { out[k] = b >= 0x41 && b <= 0x5A ? b + 32 : b }
        return bytes.count
      }
    }
    // Written into a buffer on the stack (a short word then makes no allocation at all). A
    // scalar's lowercase (`İ` gives `i̇`) or replacement is at most half as long again as the
    // scalar: four times the input always fits.
    let map = replacements
    let n = bytes.count
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4 * n + 4) { out in
      // (The tables are read through buffers opened once for the whole text.)
      map.start.withUnsafeBufferPointer { start in
        map.bytes.withUnsafeBufferPointer { replacement in
          var o = 0
          func put(_ part: UnsafeBufferPointer<UInt8>) {
            for b in part {
              out[o] = b
              o += 1
            }
          }
          func put(bytes: [UInt8]) { bytes.withUnsafeBufferPointer { put($0) } }
          var i = 0
          while i < n {
            let b = bytes[i]
            if b < 0x80 {
              out[o] = b >= 0x41 && b <= 0x5A ? b + 32 : b
              o += 1
              i += 1
              continue
            }
            let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
            guard i + length <= n else {  // cut short (cannot happen in a String): kept
              put(UnsafeBufferPointer(rebasing: bytes[i...]))
              break
            }
            var v = UInt32(b) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for k in 1..<length { v = v << 6 | UInt32(bytes[i + k] & 0x3F) }
            let slot = v < 0x300 ? Int(v) : v >= 0x2000 && v < 0x2100 ? Int(v) - 0x2000 + 0x300 : -1
            if v >= 0x300 && v < 0x370 {
              // A combining accent (`e` + U+0301 for `é`) goes, as the accents of letters do.
            } else if slot >= 0 {
              let from = Int(start[slot])
              let to = Int(start[slot + 1])
              if from == to {
                put(UnsafeBufferPointer(rebasing: bytes[i..<(i + length)]))
              } else {
                put(UnsafeBufferPointer(rebasing: replacement[from..<to]))
              }
            } else if Folding.isCompatibilityForm(v), let scalar = Unicode.Scalar(v) {
              // `ｋ` (fullwidth), `ﬁ` (a ligature): their plain letters (NFKC), lowercased.
              put(bytes: Array(String(Character(scalar)).precomposedStringWithCompatibilityMapping.lowercased().utf8))
            } else if let scalar = Unicode.Scalar(v), scalar.properties.changesWhenLowercased {
              for u in scalar.properties.lowercaseMapping.utf8 {
                out[o] = u
                o += 1
              }
            } else {
              put(UnsafeBufferPointer(rebasing: bytes[i..<(i + length)]))
            }
            i += length
          }
          return String(decoding: UnsafeBufferPointer(rebasing: out[0..<o]), as: UTF8.self)
        }
      }
    }
  }

  /// Fullwidth forms (U+FF00–U+FFEF), Latin ligatures (U+FB00–U+FB06) and the ideographic
  /// space: scalars whose compatibility form (NFKC) is plain text. (Each becomes at most three
  /// ASCII bytes, in the four bytes per input byte the fold allows.)
  static func isCompatibilityForm(_ v: UInt32) -> Bool {
    (v >= 0xFF01 && v <= 0xFF5E) || (v >= 0xFB00 && v <= 0xFB06) || v == 0x3000
  }

  /// A text with its compatibility forms (``isCompatibilityForm(_:)``) written as plain text, as
  /// NFKC writes them: `ＫｕｂｅＣｏｎ ２０２５` reads `KubeCon 2025`. Other scalars are kept.
  public static func compatibility(_ text: String) -> String {
    // (Their UTF-8 starts with EF AC, EF BC–EF BD or E3 80 80: most texts have none.)
    var probe = text
    let may = probe.withUTF8 { b in
      var i = 0
      while let k = Bytes.firstIndex(of: 0xEF, in: UnsafeBufferPointer(rebasing: b[i...])).map({ $0 + i }) {
        if k + 1 < b.count, b[k + 1] == 0xAC || b[k + 1] == 0xBC || b[k + 1] == 0xBD { return true }
        i = k + 1
      }
      return Bytes.firstIndex(of: 0xE3, in: b) != nil
    }
    guard may else { return text }
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if isCompatibilityForm(scalar.value) {
        out.append(contentsOf: String(Character(scalar)).precomposedStringWithCompatibilityMapping.unicodeScalars)
      } else {
        out.append(scalar)
      }
    }
    return String(out)
  }

  /// What each scalar of U+0000–U+02FF, then U+2000–U+20FF (at 0x300), folds to: `bytes[start[k]..<start[k + 1]]`,
  /// empty when it stays as it is. From `table`, else the scalar's lowercase.
  private static let replacements: (start: [UInt32], bytes: [UInt8]) = {
    var start: [UInt32] = [0]
    var bytes: [UInt8] = []
    for slot in 0..<0x400 {
      let v = UInt32(slot < 0x300 ? slot : slot - 0x300 + 0x2000)
      // (ASCII is only lowered, before the table is looked at.)
      if v >= 0x80, let scalar = Unicode.Scalar(v) {
        if let replacement = table[scalar] {
          bytes += Array(replacement.utf8)
        } else if scalar.properties.changesWhenLowercased {
          bytes += Array(scalar.properties.lowercaseMapping.utf8)
        }
      }
      start.append(UInt32(bytes.count))
    }
    return (start, bytes)
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
