/// Decides whether a report is written in French or English from its prose (function words).
enum LanguageDetector {
  /// Folded, as the words they are compared with ("très" is "tres").
  static let french: Set<String> = Set([
    "le", "la", "les", "des", "du", "un", "une", "et", "est", "sont", "pour", "dans", "avec", "sur",
    "qui", "que", "pas", "plus", "nous", "vous", "mais", "ce", "cette", "ces", "aux", "par", "ont",
    "au", "son", "ses", "leur", "tout", "comme", "aussi", "très", "avoir", "être", "été", "je",
  ].map { Folding.fold($0) })
  static let english: Set<String> = [
    "the", "and", "is", "are", "for", "in", "with", "on", "that", "this", "to", "of", "was", "were",
    "it", "we", "you", "but", "not", "from", "by", "as", "an", "be", "have", "has", "which", "their",
    "they", "at", "or", "its", "also", "very", "i", "my", "there", "about",
  ]

  /// The same, looked up by the words' hashes.
  static let frenchTable = WordTable(words: french)
  static let englishTable = WordTable(words: english)

  /// The longest function word, in bytes: longer words need no lookup.
  static let longest = french.union(english).map(\.utf8.count).max() ?? 0

  /// `"fr"` or `"en"`. The prose decides; when it gives no clear evidence (a tie, or fewer than
  /// five function words), a `hint` (`<html lang>`, front matter `lang`) does; else `"en"`.
  static func detect(_ text: String, hint: String? = nil) -> String {
    detect(words: Tokenizer.tokens(text), hint: hint)
  }

  /// - Parameter words: the text's tokens (the parser has them already).
  static func detect(words: [Token], hint: String? = nil) -> String {
    var fr = 0
    var en = 0
    // The tables in locals: a static is checked for its first use at each access.
    let (french, english, longest) = (frenchTable, englishTable, longest)
    for i in words.indices where words[i].folded.utf8.count <= longest {
      let hash = words[i].foldedHash
      if french.contains(words[i].folded, hash: hash) { fr += 1 }
      if english.contains(words[i].folded, hash: hash) { en += 1 }
    }
    let hinted: String? = hint.map { String($0.lowercased().prefix(2)) }
    if let hinted, hinted == "fr" || hinted == "en", fr == en || fr + en < 5 { return hinted }
    return fr > en ? "fr" : "en"
  }
}
