/// Gives talks and reports their themes from evidence: theme keywords (French and English) in the
/// title and text, and the categories of the projects they mention. Never a theme by default.
public struct ThemeClassifier: Sendable {
  let themes: [ThemeInfo]
  private var matcher = PhraseMatcher<Int>()
  private let categoryThemes: [String: [Int]]

  /// Evidence needed for a theme: a keyword in the title counts 3, in the text 1, a project of a
  /// matching category 1.
  static let threshold = 3

  public init(themes: [ThemeInfo]) {
    self.themes = themes
    var categoryThemes: [String: [Int]] = [:]
    for (index, theme) in themes.enumerated() {
      for keyword in theme.keywords.en + theme.keywords.fr {
        // (An ASCII keyword's capitals are its bytes A-Z.)
        let hasCapital = keyword.utf8.allSatisfy { $0 < 0x80 } ? keyword.utf8.contains { $0 >= 0x41 && $0 <= 0x5A } : keyword.contains { $0.isUppercase }
        matcher.add(keyword, value: index, caseSensitive: hasCapital)
      }
      for category in theme.categories { categoryThemes[category, default: []].append(index) }
    }
    self.categoryThemes = categoryThemes
  }

  /// Theme ids for a title, a text and the categories of the projects they mention (one entry per
  /// project), best first.
  public func themes(title: String, text: String, projectCategories: [String]) -> [String] {
    themes(titleTokens: Tokenizer.tokens(title), textTokens: Tokenizer.tokens(text)[...], projectCategories: projectCategories)
  }

  /// `themes(title:text:projectCategories:)` for texts already tokenized.
  func themes(titleTokens: [Token], textTokens: ArraySlice<Token>, projectCategories: [String]) -> [String] {
    themes(titleTokens: titleTokens, textTokens: textTokens, projectCategories: projectCategories, known: nil)
  }

  /// The keyword matches of a run of tokens (a report's body), for the themes of its parts.
  func scan(_ tokens: [Token]) -> PhraseMatcher<Int>.Scan { matcher.scan(tokens) }

  /// - Parameter known: the matches of tokens the text's may be part of (``scan(_:)``).
  func themes(titleTokens: [Token], textTokens: ArraySlice<Token>, projectCategories: [String], known: PhraseMatcher<Int>.Scan?) -> [String] {
    // (Counted by theme index, not in dictionaries.)
    var score = [Int](repeating: 0, count: themes.count)
    for m in matcher.matches(in: titleTokens) { score[m.value] += 3 }
    var bodyHits = [Int](repeating: 0, count: themes.count)
    for m in matcher.matches(in: textTokens, known: known) { bodyHits[m.value] += 1 }
    var projectHits = [Int](repeating: 0, count: themes.count)
    for category in projectCategories {
      for theme in categoryThemes[category] ?? [] { projectHits[theme] += 1 }
    }
    for theme in themes.indices { score[theme] += min(bodyHits[theme], 6) + min(projectHits[theme], 3) }
    // (Read from a local: a closure that read the property copied the classifier, every table of
    // it retained, at each comparison.)
    let themes = self.themes
    return themes.indices.filter { score[$0] >= ThemeClassifier.threshold }
      .sorted { (score[$0], themes[$1].id) > (score[$1], themes[$0].id) }
      .map { themes[$0].id }
  }
}
