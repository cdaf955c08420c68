/// Finds catalog projects in text, by name and alias, respecting word boundaries and, for names
/// that are also common words (Flux, Port, Score), their exact spelling.
public struct ProjectMatcher: Sendable {
  public let projects: [ProjectInfo]
  private var matcher = PhraseMatcher<Int>()

  public init(projects: [ProjectInfo]) {
    self.projects = projects
    for (index, p) in projects.enumerated() {
      for name in [p.name] + p.aliases {
        matcher.add(name, value: index, caseSensitive: p.caseSensitive)
      }
    }
  }

  /// Project names mentioned in the tokens, with their number of mentions.
  ///
  /// A case-sensitive name seen only at the start of sentences ("Flux de données ...") is not
  /// counted: it needs one mention inside a sentence.
  public func mentions(in tokens: [Token]) -> [String: Int] { mentions(in: tokens[...]) }

  /// ``mentions(in:)`` of some of the tokens.
  public func mentions(in tokens: ArraySlice<Token>) -> [String: Int] { mentions(matcher.matches(in: tokens)) }

  /// ``mentions(in:)`` of two runs of tokens read as one; read from `known` where it can be.
  func mentions(in first: ArraySlice<Token>, then second: ArraySlice<Token>, known: PhraseMatcher<Int>.Scan? = nil) -> [String: Int] {
    mentions(matcher.matches(in: first, then: second, known: known))
  }

  /// The matches of a run of tokens (a report's body), for ``mentions(in:then:known:)`` of its parts.
  func scan(_ tokens: [Token]) -> PhraseMatcher<Int>.Scan { matcher.scan(tokens) }

  private func mentions(_ matches: [PhraseMatcher<Int>.Match]) -> [String: Int] {
    guard !matches.isEmpty else { return [:] }
    // (Counted by project index, in runs of the matches sorted by it: hashing into dictionaries
    // cost more than matching, and a count for every project of the catalog, zeroed at each call,
    // cost more than the few matches of a talk.)
    let sorted = matches.sorted { $0.value < $1.value }
    var result: [String: Int] = [:]
    var start = 0
    while start < sorted.count {
      let index = sorted[start].value
      var end = start
      // A name that is also a common word counts when one of its matches does not start a sentence.
      var counts = !projects[index].caseSensitive
      while end < sorted.count && sorted[end].value == index {
        counts = counts || !sorted[end].sentenceInitial
        end += 1
      }
      if counts { result[projects[index].name] = end - start }
      start = end
    }
    return result
  }

  public func mentions(in text: String) -> [String: Int] {
    mentions(in: Tokenizer.tokens(text))
  }
}
