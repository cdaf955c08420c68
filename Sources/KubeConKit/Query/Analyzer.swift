/// French and English text analysis for search: folding, elision, stop words, light stemming.
///
/// `"L’Observabilité des plateformes"` gives `["observabilit", "plateform"]`. Names are not
/// stemmed: words with digits or inner capitals (`K8s`, `OpenTelemetry`) and catalog names.
public struct Analyzer: Sendable {
  let protected: Set<String>

  init(protectedWords: Set<String> = []) {
    self.protected = protectedWords
  }

  public static let stopWords: Set<String> = [
    // French (with elided articles split off by the tokenizer)
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "le", "la", "les", "un",
    "une", "des", "du", "de", "et", "ou", "en", "au", "aux", "a", "est", "sont", "ce", "cet", "cette", "ces",
    "pour", "par", "sur", "dans", "avec", "qui", "que", "quoi", "ne", "pas", "plus", "se", "sa", "son", "ses",
    "leur", "leurs", "il", "elle", "ils", "elles", "nous", "vous", "on", "y", "mais", "donc", "comme", "aussi",
    "tres", "tout", "tous", "toute", "toutes", "je", "me", "mon", "ma", "mes", "ont", "ete", "etre", "avoir",
    // English
    "the", "an", "and", "or", "of", "to", "in", "on", "for", "with", "is", "are", "was", "were", "be", "been",
    "it", "its", "this", "that", "these", "those", "as", "at", "by", "from", "we", "you", "they", "i", "my",
    "our", "their", "but", "not", "no", "so", "if", "than", "then", "there", "which", "who", "what", "how",
    "also", "very", "can", "will", "has", "have", "had", "do", "does", "about", "into",
  ]

  /// The search terms of a text, in order; `keepStopWords` for phrases.
  func terms(_ text: String, keepStopWords: Bool = false) -> [String] {
    Tokenizer.tokens(text).compactMap { term(for: $0, keepStopWords: keepStopWords) }
  }

  func term(for token: Token, keepStopWords: Bool = false) -> String? {
    let folded = token.folded
    if !keepStopWords && Analyzer.stopWords.contains(folded) { return nil }
    let text = token.text
    var hasDigit = false
    var innerCapital = false
    var ascii = true
    for (i, b) in text.utf8.enumerated() {
      if b >= 0x80 {
        ascii = false
        break
      }
      if b >= 0x30 && b <= 0x39 { hasDigit = true }
      if i > 0 && b >= 0x41 && b <= 0x5A { innerCapital = true }
    }
    if !ascii {
      hasDigit = text.contains { $0.isNumber }
      innerCapital = text.dropFirst().contains { $0.isUppercase }
    }
    if hasDigit || innerCapital || protected.contains(folded) { return folded }
    return ascii ? Analyzer.stemASCII(folded) : Analyzer.stem(folded)
  }

  /// ``stem(_:)`` on bytes, for an ASCII word (where a character is a byte).
  static func stemASCII(_ word: String) -> String {
    var w = Array(word.utf8)
    guard w.count > 3 else { return word }
    func ends(_ suffix: String) -> Bool { w.count >= suffix.utf8.count && w.suffix(suffix.utf8.count).elementsEqual(suffix.utf8) }
    if ends("ies") && w.count > 4 { return String(decoding: w.dropLast(3) + [UInt8(ascii: "y")], as: UTF8.self) }
    if ends("aux") && w.count > 4 { w = w.dropLast(3) + Array("al".utf8) }
    if ends("s") && !ends("ss") && !ends("us") && !ends("is") { w.removeLast() }
    if w.count >= 5 && ends("e") { w.removeLast() }
    if w.count >= 5 && ends("e") { w.removeLast() }
    return String(decoding: w, as: UTF8.self)
  }

  /// A light stemmer shared by French and English: plurals, a final `e`, `ies`.
  static func stem(_ word: String) -> String {
    var w = word
    guard w.count > 3 else { return w }
    if w.hasSuffix("ies") && w.count > 4 { return String(w.dropLast(3)) + "y" }
    if w.hasSuffix("aux") && w.count > 4 { w = String(w.dropLast(3)) + "al" }
    if w.hasSuffix("s") && !w.hasSuffix("ss") && !w.hasSuffix("us") && !w.hasSuffix("is") { w.removeLast() }
    if w.count >= 5 && w.hasSuffix("e") { w.removeLast() }
    if w.count >= 5 && w.hasSuffix("e") { w.removeLast() }  // "ee" of a feminine participle
    return w
  }
}
