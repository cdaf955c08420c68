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
    // The words are scanned, not made into tokens: only short ones can be function words.
    var text = text
    text.makeContiguousUTF8()
    text.utf8.withContiguousStorageIfAvailable { bytes in
      Tokenizer.scan(bytes) { start, end, ascii, _ in
        guard end - start <= (ascii ? 5 : 12) else { return true }
        let word = UnsafeBufferPointer(rebasing: bytes[start..<end])
        let w = ascii
          ? String(unsafeUninitializedCapacity: word.count) { out in
            for (k, b) in word.enumerated() { out[k] = b >= 0x41 && b <= 0x5A ? b + 32 : b }
            return word.count
          }
          : Folding.fold(String(decoding: word, as: UTF8.self))
        if french.contains(w) { fr += 1 }
        if english.contains(w) { en += 1 }
        return true
      }
    }
    let hinted: String? = hint.map { String($0.lowercased().prefix(2)) }
    if let hinted, hinted == "fr" || hinted == "en", fr == en || fr + en < 5 { return hinted }
    return fr > en ? "fr" : "en"
  }
}
