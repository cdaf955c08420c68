import Foundation

/// Where grapheme breaking can be skipped.
enum Graphemes {
  /// Whether each scalar of UTF-8 text is a character of its own: it has only ASCII, Latin-1 and
  /// Latin Extended-A, and general punctuation but the joiners, none of which combines with the
  /// scalar before it (`\r\n` is one character, but holds no letter and no mark).
  static func eachScalarIsACharacter(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 0
    while i < b.count {
      guard let length = lengthOfLoneScalar(b, at: i) else { return false }
      i += length
    }
    return true
  }

  /// The length in bytes of the scalar at byte `i` when it is one of those above, which combine
  /// with no scalar before them; nil for the others.
  @inline(__always)
  static func lengthOfLoneScalar(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
    let x = b[i]
    if x < 0x80 { return 1 }
    if x >= 0xC2 && x <= 0xC5 { return 2 }
    if x == 0xE2, i + 2 < b.count, b[i + 1] == 0x80 || b[i + 1] == 0x81, !(b[i + 1] == 0x80 && (b[i + 2] == 0x8C || b[i + 2] == 0x8D)) {
      return 3
    }
    return nil
  }

  /// Where the first `n` scalars of UTF-8 text end, and how many there are (fewer at the text's
  /// end), when each is a lone scalar other than `\r` (no `\r\n` joins two): then they are as many
  /// characters, ending there. Nil when another scalar comes first.
  static func endOfLoneScalars(_ b: UnsafeBufferPointer<UInt8>, upTo n: Int) -> (end: Int, count: Int)? {
    var end = 0
    var count = 0
    while end < b.count && count < n {
      guard b[end] != 0x0D, let length = lengthOfLoneScalar(b, at: end) else { return nil }
      end += length
      count += 1
    }
    return (end, count)
  }

  static func eachScalarIsACharacter(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { eachScalarIsACharacter($0) }
  }
}

enum Bytes {
  /// Where the spaces, tabs and no-break spaces (U+00A0, U+202F) that start `bytes[start..<end]`
  /// end: the spaces `trimmingSpaces` trims.
  static func endOfSpaces(_ b: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
    var a = start
    while a < end {
      if b[a] == 0x20 || b[a] == 0x09 {
        a += 1
      } else if b[a] == 0xC2, a + 1 < end, b[a + 1] == 0xA0 {
        a += 2
      } else if b[a] == 0xE2, a + 2 < end, b[a + 1] == 0x80, b[a + 2] == 0xAF {
        a += 3
      } else {
        break
      }
    }
    return a
  }

  /// Where `needle` first occurs in `bytes` from `start` (nil for an empty needle): memchr finds
  /// the next place of the needle's first byte that is not a space (spaces are everywhere in
  /// text; terms are searched for between spaces), memcmp compares the whole.
  static func firstIndex(of needle: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
    guard !needle.isEmpty else { return nil }
    let j = needle.firstIndex { $0 != 0x20 } ?? 0
    var i = start
    while i + needle.count <= bytes.count, let k = firstIndex(of: needle[j], in: bytes, from: i + j) {
      let at = k - j
      if at + needle.count <= bytes.count && memcmp(bytes.baseAddress! + at, needle.baseAddress!, needle.count) == 0 { return at }
      i = at + 1
    }
    return nil
  }

  /// Where `needle` last occurs in `bytes` (nil for an empty needle).
  static func lastIndex(of needle: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    guard let first = needle.first else { return nil }
    var k = bytes.count - needle.count
    while k >= 0 {
      if bytes[k] == first && memcmp(bytes.baseAddress! + k, needle.baseAddress!, needle.count) == 0 { return k }
      k -= 1
    }
    return nil
  }

  /// The first place of `byte` in `bytes` from `start` (memchr reads many bytes at a time).
  static func firstIndex(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
    guard let base = bytes.baseAddress, start < bytes.count else { return nil }
    return memchr(base + start, Int32(byte), bytes.count - start).map { UnsafeRawPointer(base).distance(to: UnsafeRawPointer($0)) }
  }

  /// The number of scalars of some UTF-8 bytes (whole scalars): the bytes that are not continuations.
  static func scalarCount(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Int {
    bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
  }

  /// The scalar that starts at byte `i` of UTF-8 text, and its length in bytes.
  static func scalar(at i: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (Unicode.Scalar, length: Int) {
    let b = bytes[i]
    guard b >= 0x80 else { return (Unicode.Scalar(b), 1) }
    let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
    var v = UInt32(b) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
    for k in 1..<length where i + k < bytes.count { v = v << 6 | UInt32(bytes[i + k] & 0x3F) }
    return (Unicode.Scalar(v) ?? "\u{FFFD}", length)
  }
}

extension Unicode.Scalar {
  /// `Character.isUppercase` of the character this scalar is alone (whose definition is more
  /// than the scalar's `isUppercase` property). See also `isLetter` and `isNumber` (``InlineUnit``).
  var isUppercaseCharacter: Bool { isASCII ? value >= 0x41 && value <= 0x5A : Character(self).isUppercase }
}

extension StringProtocol {
  /// `hasPrefix` for an ASCII prefix, read as bytes when they decide it (the standard library
  /// compares characters unless both strings are ASCII: hundreds of instructions a call).
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
  /// no more there. (Through Foundation, an indented line of front matter cost 22,000
  /// instructions.)
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
  /// than characters (`split(separator:)` on characters was a few percent of parsing a report),
  /// each separator found by memchr (a test of every byte was ten instructions a byte of the text).
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
  func holds(_ needle: String) -> Bool {
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
  /// Foundation when the text does not hold it (``holds(_:)``; most texts): through NSString, a
  /// search that finds nothing costs thousands of instructions.
  func replacingOccurrences(ofBytes needle: String, with replacement: String) -> String {
    holds(needle) ? replacingOccurrences(of: needle, with: replacement) : self
  }

  /// `range(of: needle)`, or with `backwards` `range(of: needle, options: .backwards)`, found as
  /// bytes: Foundation goes through NSString (tens of thousands of instructions a search).
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

  /// Whether any byte of the text is one, read from a buffer (iterating over the UTF-8 view
  /// costs tens of instructions a byte).
  func containsByte(where isOne: (UInt8) -> Bool) -> Bool {
    var text = self
    return text.withUTF8 { $0.contains(where: isOne) }
  }

  /// The number of pieces between spaces, counted up to `limit`: the rest of the text is not read.
  func wordCount(upTo limit: Int) -> Int {
    var text = self
    return text.withUTF8 { runCount($0, apartFrom: 0x20, upTo: limit) }
  }
}

extension StringProtocol {
  /// `min(limit, split(separator: " ").count)`: the runs of characters other than a space,
  /// counted until there are `limit` (the rest of the text is not read).
  ///
  /// Read as bytes while each scalar is a character of its own (``Graphemes``): going through
  /// `Character`s cost a few hundred instructions a word.
  func pieceCount(upTo limit: Int) -> Int {
    let counted = utf8.withContiguousStorageIfAvailable { b -> Int? in
      var count = 0
      var inRun = false
      var i = 0
      while i < b.count {
        guard let length = Graphemes.lengthOfLoneScalar(b, at: i) else { return nil }
        if b[i] == 0x20 {
          inRun = false
        } else if !inRun {
          inRun = true
          count += 1
          if count >= limit { break }
        }
        i += length
      }
      return count
    }
    return (counted ?? nil) ?? characterPieceCount(upTo: limit)
  }

  /// ``pieceCount(upTo:)`` read character by character.
  func characterPieceCount(upTo limit: Int) -> Int { runCount(self, apartFrom: " ", upTo: limit) }
}

/// The runs of elements other than `space`, counted until there are `limit`.
private func runCount<S: Sequence>(_ elements: S, apartFrom space: S.Element, upTo limit: Int) -> Int where S.Element: Equatable {
  var count = 0
  var inRun = false
  for e in elements {
    if e == space {
      inRun = false
    } else if !inRun {
      inRun = true
      count += 1
      if count >= limit { break }
    }
  }
  return count
}
