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
