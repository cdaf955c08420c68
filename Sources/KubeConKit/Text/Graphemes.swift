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

  /// Whether the scalar at byte `i` (or the end) starts a character after a space, as all do
  /// but marks, joiners and variation selectors.
  static func breaksAfterSpace(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
    guard i < b.count, lengthOfLoneScalar(b, at: i) == nil else { return true }
    let length = Bytes.scalar(at: i, in: b).length
    return String(decoding: UnsafeBufferPointer(rebasing: b[(i - 1)..<min(i + length, b.count)]), as: UTF8.self).count == 2
  }

  static func eachScalarIsACharacter(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { eachScalarIsACharacter($0) }
  }
}

/// The characters of UTF-8 text, as the byte offsets where they start: read from the bytes where
/// each scalar is a character of its own (most text, ``Graphemes/eachScalarIsACharacter(_:)``),
/// from the string's characters otherwise. What reads text as bytes walks it by these, so that
/// an accent written apart or an emoji sequence stays one character.
struct CharacterOffsets {
  let bytes: UnsafeBufferPointer<UInt8>
  /// Where each character starts, then the end; nil when the characters are the scalars.
  private let starts: [Int]?

  /// - Parameter scalars: true when the caller knows each scalar is a character (ASCII text).
  init(_ bytes: UnsafeBufferPointer<UInt8>, scalars: Bool = false) {
    self.bytes = bytes
    if scalars || Graphemes.eachScalarIsACharacter(bytes) {
      starts = nil
    } else {
      let s = String(decoding: bytes, as: UTF8.self)
      starts = s.indices.map { s.utf8.distance(from: s.startIndex, to: $0) } + [bytes.count]
    }
  }

  /// The place in `starts` of the first start at or after byte `i`.
  private func place(_ i: Int, in starts: [Int]) -> Int {
    var (low, high) = (0, starts.count)
    while low < high {
      let mid = (low + high) / 2
      if starts[mid] < i { low = mid + 1 } else { high = mid }
    }
    return low
  }

  /// Whether a character starts at byte `i` (the end counts as one).
  func isStart(_ i: Int) -> Bool {
    guard let starts else { return i >= bytes.count || bytes[i] & 0xC0 != 0x80 }
    let k = place(i, in: starts)
    return k < starts.count && starts[k] == i
  }

  /// Where the character after the one at byte `i` starts.
  func next(_ i: Int) -> Int {
    guard let starts else { return i + (bytes[i] < 0x80 ? 1 : Bytes.scalar(at: i, in: bytes).length) }
    return starts[min(place(i + 1, in: starts), starts.count - 1)]
  }

  /// Where the character `n` characters after the one at byte `i` starts, or the end when the
  /// text has fewer.
  func advance(_ i: Int, by n: Int) -> Int {
    var (i, left) = (i, n)
    if starts == nil {
      // A character is a scalar: it starts at each byte that does not continue one.
      while i < bytes.count && left > 0 {
        i += 1
        while i < bytes.count && bytes[i] & 0xC0 == 0x80 { i += 1 }
        left -= 1
      }
    } else {
      while i < bytes.count && left > 0 {
        i = next(i)
        left -= 1
      }
    }
    return i
  }

  /// Where the character before byte `i` starts.
  func previous(_ i: Int) -> Int {
    guard let starts else {
      var k = i - 1
      while k > 0 && bytes[k] & 0xC0 == 0x80 { k -= 1 }
      return k
    }
    return starts[max(place(i, in: starts) - 1, 0)]
  }

  /// The number of characters in bytes `a..<z` (both starts of characters).
  func count(_ a: Int, _ z: Int) -> Int {
    guard let starts else { return Bytes.scalarCount(bytes[a..<z]) }
    return place(z, in: starts) - place(a, in: starts)
  }

  /// The character at byte `i` as a scalar, when it is one.
  func scalar(at i: Int) -> Unicode.Scalar? {
    let (s, length) = Bytes.scalar(at: i, in: bytes)
    return starts == nil || next(i) == i + length ? s : nil
  }

  /// The character at byte `i`.
  func character(at i: Int) -> Character {
    Character(String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<next(i)]), as: UTF8.self))
  }
}
