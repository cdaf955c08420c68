/// A word of a text: letters and digits, with its place in the original.
public struct Token: Sendable, Equatable {
  /// The word as written.
  public var text: Substring
  /// The word folded for matching (case, accents).
  public var folded: String
  /// Whether the word starts a sentence (first word, or after `.`, `!`, `?`, `:` or a line break).
  public var startsSentence: Bool

  /// Whether the first letter is a capital.
  public var isCapitalized: Bool { text.first.map { $0.isUppercase } ?? false }
}

/// Splits text into words on Unicode scalars.
///
/// Apostrophes split words, so French elision leaves the article as its own token
/// (`d’OpenTelemetry` gives `d`, `OpenTelemetry`).
public enum Tokenizer {
  public static func tokens(_ text: String) -> [Token] {
    var result: [Token] = []
    var start: String.Index? = nil
    var sentenceStart = true
    func flush(_ end: String.Index) {
      guard let s = start else { return }
      let word = text[s..<end]
      result.append(Token(text: word, folded: Folding.fold(String(word)), startsSentence: sentenceStart))
      sentenceStart = false
      start = nil
    }
    for scalarIndex in text.unicodeScalars.indices {
      let scalar = text.unicodeScalars[scalarIndex]
      let isWord = scalar.properties.isAlphabetic || (scalar.value >= 0x30 && scalar.value <= 0x39)
      if isWord {
        if start == nil { start = scalarIndex }
      } else {
        flush(scalarIndex)
        switch scalar {
        case ".", "!", "?", ":", "\n", "•": sentenceStart = true
        default: break
        }
      }
    }
    flush(text.endIndex)
    return result
  }
}
