import Foundation

/// Finds a report's publication date: front matter first, then a date written in the text.
///
/// Accepts `2024-03-31`, `2024-03-31T11:34:13+01:00`, `07 avril 2024`, `1er avril 2025`,
/// `April 7, 2024`, `7 April 2024`.
public enum DateExtractor {
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
  public static func fromFrontMatter(_ fm: FrontMatter) -> String? {
    for key in frontMatterKeys {
      if let value = fm.string(key), let date = isoDate(value) ?? fromText(value) { return date }
    }
    return nil
  }

  /// `2024-03-31...` to `2024-03-31`.
  public static func isoDate(_ value: String) -> String? {
    let t = value.trimmingSpaces()
    let parts = t.prefix(10).split(separator: "-")
    guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
      (1990...2100).contains(y), (1...12).contains(m), (1...31).contains(d)
    else { return nil }
    return String(format: "%04d-%02d-%02d", y, m, d)
  }

  /// The first full date (day, month name, year) written in the text.
  public static func fromText(_ text: String) -> String? {
    let tokens = Tokenizer.tokens(text)
    return fromText(text, tokens: tokens[...])
  }

  /// - Parameter tokens: the words of some of `text` (their places are in `text`).
  static func fromText(_ text: String, tokens: ArraySlice<Token>) -> String? {
    for i in tokens.indices {
      let t = tokens[i].folded
      // 2024-03-31
      if i + 2 < tokens.endIndex, tokens[i].text.count == 4, let y = Int(tokens[i].text), (1990...2100).contains(y),
        tokens[i + 1].text.count == 2, let m = Int(tokens[i + 1].text), (1...12).contains(m),
        tokens[i + 2].text.count == 2, let d = Int(tokens[i + 2].text), (1...31).contains(d),
        text[tokens[i].text.endIndex..<tokens[i + 1].text.startIndex] == "-",
        text[tokens[i + 1].text.endIndex..<tokens[i + 2].text.startIndex] == "-"
      {
        return String(format: "%04d-%02d-%02d", y, m, d)
      }
      // 07 avril 2024 / 1er avril 2025 / 7 April 2024
      if i + 2 < tokens.endIndex, let day = dayNumber(t), let m = months[tokens[i + 1].folded],
        let y = Int(tokens[i + 2].text), (1990...2100).contains(y)
      {
        return String(format: "%04d-%02d-%02d", y, m, day)
      }
      // April 7, 2024
      if i + 2 < tokens.endIndex, let m = months[t], tokens[i].text.count > 3, let day = dayNumber(tokens[i + 1].folded),
        let y = Int(tokens[i + 2].text), (1990...2100).contains(y)
      {
        return String(format: "%04d-%02d-%02d", y, m, day)
      }
    }
    return nil
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
