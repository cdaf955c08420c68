import Foundation

/// Phrases found in folded text between non-letters, compared as UTF-8 bytes.
enum WordSearch {
  /// Whether `phrase` occurs in `folded` between non-letters, comparing UTF-8 bytes.
  static func containsWords(_ folded: String, _ phrase: String) -> Bool {
    var folded = folded
    var phrase = phrase
    folded.makeContiguousUTF8()
    phrase.makeContiguousUTF8()
    return folded.utf8.withContiguousStorageIfAvailable { text in
      phrase.utf8.withContiguousStorageIfAvailable { containsWords(text, $0) } ?? false
    } ?? false
  }

  static func containsWords(_ text: UnsafeBufferPointer<UInt8>, _ phrase: UnsafeBufferPointer<UInt8>) -> Bool {
    guard !phrase.isEmpty else { return true }
    var i = 0
    while let k = Bytes.firstIndex(of: phrase, in: text, from: i) {
      let end = k + phrase.count
      if !letterEnds(text, before: k) && !letterStarts(text, at: end) { return true }
      i = end
    }
    return false
  }

  /// Whether the character that ends right before byte `i` is a letter.
  private static func letterEnds(_ text: UnsafeBufferPointer<UInt8>, before i: Int) -> Bool {
    guard i > 0 else { return false }
    var s = i - 1
    while s > 0 && text[s] & 0xC0 == 0x80 { s -= 1 }
    return letterStarts(text, at: s)
  }

  /// Whether the scalar at byte `i` is a letter (`Character.isLetter` of a character starting there).
  static func letterStarts(_ text: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
    guard i < text.count else { return false }
    let b = text[i]
    if b < 0x80 { return (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) }
    var it = UnsafeBufferPointer(rebasing: text[i...]).makeIterator()
    var decoder = UTF8()
    guard case .scalarValue(let scalar) = decoder.decode(&it) else { return false }
    return scalar.properties.isAlphabetic
  }

  static func containsAny(_ folded: String, _ phrases: [String]) -> Bool {
    phrases.contains { containsWords(folded, $0) }
  }
}
