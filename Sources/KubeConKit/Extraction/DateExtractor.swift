import Foundation

/// Finds a report's publication date: front matter first, then a date written in the text.
///
/// Accepts `2024-03-31`, `2024-03-31T11:34:13+01:00`, `07 avril 2024`, `1er avril 2025`,
/// `April 7, 2024`, `7 April 2024`.
enum DateExtractor {
  static let frontMatterKeys = ["date", "pubdate", "publishdate", "publish_date", "publish_time", "published", "created"]

  static let months: [String: Int] = [
    "janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
    "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12,
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
  ]

  /// The date in front matter, as `YYYY-MM-DD`.
  static func fromFrontMatter(_ fm: FrontMatter) -> String? {
    for key in frontMatterKeys {
      if let value = fm.string(key), let date = isoDate(value) ?? fromText(value) { return date }
    }
    return nil
  }

  /// `2024-03-31...` to `2024-03-31`.
  static func isoDate(_ value: String) -> String? {
    let t = value.trimmingSpaces()
    let parts = t.prefix(10).split(separator: "-")
    guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
      (1990...2100).contains(y), (1...12).contains(m), (1...31).contains(d)
    else { return nil }
    return isoDay(y, m, d)
  }

  /// The first full date (day, month name, year) written in the text.
  static func fromText(_ text: String) -> String? {
    let tokens = Tokenizer.tokens(text)
    return fromText(text, tokens: tokens[...])
  }

  /// ``months``' words, by their hashes: most words are not one, and are not looked up.
  static let monthBits = WordBits(months.keys)

  /// - Parameter tokens: the words of some of `text` (their places are in `text`).
  static func fromText(_ text: String, tokens: ArraySlice<Token>) -> String? {
    // A day, a month's number or a year is a word that starts with a digit (the only words
    // `Int` reads: a word has no sign), which its packed start tells without reading it.
    func startsWithDigit(_ t: Token) -> Bool { (0x30...0x39).contains(t.asciiStart & 0xFF) }
    func number(_ t: Token, digits: Int, in range: ClosedRange<Int>) -> Int? {
      guard startsWithDigit(t), t.text.utf8.count == digits, let n = Int(t.text), range.contains(n) else { return nil }
      return n
    }
    func year(_ t: Token) -> Int? { startsWithDigit(t) ? Int(t.text).flatMap { (1990...2100).contains($0) ? $0 : nil } : nil }
    func day(_ t: Token) -> Int? { startsWithDigit(t) ? dayNumber(t.folded) : nil }
    for i in tokens.indices where i + 2 < tokens.endIndex {
      // 2024-03-31
      if let y = number(tokens[i], digits: 4, in: 1990...2100), let m = number(tokens[i + 1], digits: 2, in: 1...12),
        let d = number(tokens[i + 2], digits: 2, in: 1...31),
        hyphenBetween(tokens[i], tokens[i + 1], in: text), hyphenBetween(tokens[i + 1], tokens[i + 2], in: text)
      {
        return isoDay(y, m, d)
      }
      // 07 avril 2024 / 1er avril 2025 / 7 April 2024
      if let day = day(tokens[i]), monthBits.mayContain(tokens[i + 1].foldedHash), let m = months[tokens[i + 1].folded],
        let y = year(tokens[i + 2])
      {
        return isoDay(y, m, day)
      }
      // April 7, 2024 / Nov 12, 2024 (a month of three letters is one when capitalized: "mar" and
      // "may" are ordinary words too)
      if monthBits.mayContain(tokens[i].foldedHash), let m = months[tokens[i].folded],
        tokens[i].text.count > 3 || tokens[i].text.first?.isUppercase == true,
        let day = day(tokens[i + 1]), let y = year(tokens[i + 2])
      {
        return isoDay(y, m, day)
      }
    }
    return nil
  }

  /// `2024-03-07` (what `String(format: "%04d-%02d-%02d")` writes, without going through
  /// Foundation), for a year of four digits and a month and day of one or two.
  static func isoDay(_ year: Int, _ month: Int, _ day: Int) -> String {
    (month < 10 ? "\(year)-0\(month)" : "\(year)-\(month)") + (day < 10 ? "-0\(day)" : "-\(day)")
  }

  /// Whether only `-` stands between two words of `text`.
  static func hyphenBetween(_ a: Token, _ b: Token, in text: String) -> Bool {
    b.start == a.end + 1 && text.utf8[text.utf8.index(text.utf8.startIndex, offsetBy: a.end)] == 0x2D
  }

  static func dayNumber(_ folded: String) -> Int? {
    var digits = folded
    for suffix in ["er", "st", "nd", "rd", "th"] where digits.hasSuffix(suffix) {
      digits = String(digits.dropLast(suffix.count))
    }
    guard let d = Int(digits), (1...31).contains(d) else { return nil }
    return d
  }
}
