/// Decides whether a report is written in French or English from its prose (function words).
public enum LanguageDetector {
  static let french: Set<String> = [
    "le", "la", "les", "des", "du", "un", "une", "et", "est", "sont", "pour", "dans", "avec", "sur",
    "qui", "que", "pas", "plus", "nous", "vous", "mais", "ce", "cette", "ces", "aux", "par", "ont",
    "au", "son", "ses", "leur", "tout", "comme", "aussi", "très", "avoir", "être", "été", "je",
  ]
  static let english: Set<String> = [
    "the", "and", "is", "are", "for", "in", "with", "on", "that", "this", "to", "of", "was", "were",
    "it", "we", "you", "but", "not", "from", "by", "as", "an", "be", "have", "has", "which", "their",
    "they", "at", "or", "its", "also", "very", "i", "my", "there", "about",
  ]

  /// `"fr"` or `"en"`. The prose decides; when it gives no clear evidence (a tie, or fewer than
  /// five function words), a `hint` (`<html lang>`, front matter `lang`) does; else `"en"`.
  public static func detect(_ text: String, hint: String? = nil) -> String {
    var fr = 0
    var en = 0
    for token in Tokenizer.tokens(text) {
      let w = token.folded
      if french.contains(w) { fr += 1 }
      if english.contains(w) { en += 1 }
    }
    let hinted: String? = hint.map { String($0.lowercased().prefix(2)) }
    if let hinted, hinted == "fr" || hinted == "en", fr == en || fr + en < 5 { return hinted }
    return fr > en ? "fr" : "en"
  }
}
