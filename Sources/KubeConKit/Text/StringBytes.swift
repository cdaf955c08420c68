import Foundation

// String operations read as UTF-8 bytes where the bytes decide them: prefixes, trimming, splitting
// and counting pieces.

extension Unicode.Scalar {
  /// `Character.isUppercase` of the character this scalar is alone (whose definition is more
  /// than the scalar's `isUppercase` property). See also `isLetter` and `isNumber` (``InlineUnit``).
  var isUppercaseCharacter: Bool { isASCII ? value >= 0x41 && value <= 0x5A : Character(self).isUppercase }
}

extension StringProtocol {
  /// `hasPrefix` for an ASCII prefix, read as bytes when they decide it (the standard library
  /// compares characters unless both strings are ASCII).
  ///
  /// The bytes decide when the prefix's bytes match ASCII bytes of the text and the byte after
  /// them is ASCII (no mark joins the last character; `\r\n` aside), or when an ASCII byte
  /// differs before any other: the text's character there is not the prefix's. Otherwise (a byte
  /// from U+0080 on, which may be a mark, or a character equivalent to an ASCII one) it is left
  /// to `hasPrefix`.
  func hasASCIIPrefix(_ prefix: String) -> Bool {
    let decided = utf8.withContiguousStorageIfAvailable { t in
      prefix.utf8.withContiguousStorageIfAvailable { p -> Bool? in
        let n = p.count
        for i in 0..<n {
          guard i < t.count, t[i] < 0x80, p[i] < 0x80 else { return nil }
          if t[i] != p[i] { return false }
        }
        guard n < t.count else { return true }
        return t[n] < 0x80 && !(n > 0 && p[n - 1] == 0x0D && t[n] == 0x0A) ? true : nil
      }
    }
    if case let answer?? = decided, let answer { return answer }
    return hasPrefix(prefix)
  }
}

extension StringProtocol {
  /// Foundation's `trimmingCharacters(in: .whitespaces)`, without Foundation when the spaces and
  /// tabs at both ends are followed, and preceded, by ASCII (or by nothing): Foundation would trim
  /// no more there.
  func trimmingWhitespaces() -> String {
    let trimmed = utf8.withContiguousStorageIfAvailable { b -> Range<Int>? in
      var start = 0
      var end = b.count
      while start < end && (b[start] == 0x20 || b[start] == 0x09) { start += 1 }
      while end > start && (b[end - 1] == 0x20 || b[end - 1] == 0x09) { end -= 1 }
      guard start == end || (b[start] < 0x80 && b[end - 1] < 0x80) else { return nil }
      return start..<end
    }
    guard let range = trimmed ?? nil else { return trimmingCharacters(in: .whitespaces) }
    if range.count == utf8.count { return String(self) }
    let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
    return String(self[start..<utf8.index(start, offsetBy: range.count)])
  }
}

extension String {
  /// The pieces of the text between `separator` bytes, empty ones kept, read as UTF-8 bytes rather
  /// than characters, each separator found by memchr.
  ///
  /// - Parameter separator: an ASCII byte, so that every piece is whole text.
  func pieces(separatedBy separator: UInt8) -> [Substring] {
    var text = self
    text.makeContiguousUTF8()
    let utf8 = text.utf8
    func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
    // The bytes are scanned in a buffer: stepping through the view's indices cost ten times more.
    return utf8.withContiguousStorageIfAvailable { bytes in
      var out: [Substring] = []
      var start = 0
      while let i = Bytes.firstIndex(of: separator, in: bytes, from: start) {
        out.append(text[index(start)..<index(i)])
        start = i + 1
      }
      out.append(text[index(start)...])
      return out
    }!  // contiguous: made so above
  }

  /// Whether the text holds `needle` (ASCII), as Foundation's `contains` says, found as bytes:
  /// Foundation goes through NSString. A match next to a scalar from U+0300 on (a combining mark
  /// may make it part of another character) is left to Foundation.
  func containsASCII(_ needle: String) -> Bool {
    var text = self
    var needle = needle
    let found: Bool? = text.withUTF8 { t in
      needle.withUTF8 { n -> Bool? in
        guard !n.isEmpty else { return true }
        guard let k = Bytes.firstIndex(of: n, in: t) else { return false }
        var before = k - 1
        while before > 0 && t[before] & 0xC0 == 0x80 { before -= 1 }
        let after = k + n.count
        return (before < 0 || t[before] < 0xCC) && (after == t.count || t[after] < 0xCC) ? true : nil
      }
    }
    return found ?? contains(needle)
  }

  /// `replacingOccurrences(of: needle, with: replacement)` for an ASCII `needle`, without
  /// Foundation when the text does not hold it (``containsASCII(_:)``; most texts), which NSString would
  /// search slowly.
  func replacingOccurrences(ofBytes needle: String, with replacement: String) -> String {
    containsASCII(needle) ? replacingOccurrences(of: needle, with: replacement) : self
  }

  /// `range(of: needle)`, or with `backwards` `range(of: needle, options: .backwards)`, found as
  /// bytes: Foundation goes through NSString.
  ///
  /// Foundation matches canonically equivalent forms (`e` and a combining acute for `é`). Where the
  /// text and the needle have only scalars that are characters of their own (``Graphemes``), but
  /// U+2000 and U+2001 (equivalent to U+2002 and U+2003), each has one form: a match is a match of
  /// bytes (Foundation finds `\n` in `\r\n` too). Other texts are left to Foundation.
  func range(ofBytes needle: String, backwards: Bool = false) -> Range<String.Index>? {
    func plain(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
      Graphemes.eachScalarIsACharacter(b) && !b.indices.contains { b[$0] == 0xE2 && $0 + 2 < b.count && b[$0 + 1] == 0x80 && b[$0 + 2] <= 0x81 }
    }
    var text = self
    var needle = needle
    // nil: not known from the bytes; .some(nil): nowhere.
    let found: Int?? = text.withUTF8 { t in
      needle.withUTF8 { n -> Int?? in
        guard !n.isEmpty, plain(t), plain(n) else { return nil }
        return .some(backwards ? Bytes.lastIndex(of: n, in: t) : Bytes.firstIndex(of: n, in: t))
      }
    }
    guard let found else { return backwards ? range(of: needle, options: .backwards) : range(of: needle) }
    guard let k = found else { return nil }
    let lower = utf8.index(utf8.startIndex, offsetBy: k)
    return lower..<utf8.index(lower, offsetBy: needle.utf8.count)
  }

  /// Whether any byte of the text is one, read from a buffer (faster than iterating over the
  /// UTF-8 view).
  func containsByte(where isOne: (UInt8) -> Bool) -> Bool {
    var text = self
    return text.withUTF8 { $0.contains(where: isOne) }
  }
}

extension StringProtocol {
  /// `min(limit, split(separator: " ").count)`: the runs of characters other than a space,
  /// counted until there are `limit` (the rest of the text is not read). Read as bytes, much
  /// faster than through `Character`s (BENCHMARKS.md, "One implementation per behaviour").
  func pieceCount(upTo limit: Int) -> Int {
    func count(_ b: UnsafeBufferPointer<UInt8>) -> Int {
      var count = 0
      var inRun = false
      for i in b.indices {
        // (A space with an accent on it is no space.)
        if b[i] == 0x20 && Graphemes.breaksAfterSpace(b, at: i + 1) {
          inRun = false
        } else if !inRun {
          inRun = true
          count += 1
          if count >= limit { break }
        }
      }
      return count
    }
    if let n = utf8.withContiguousStorageIfAvailable(count) { return n }
    var text = String(self)
    return text.withUTF8(count)
  }
}
