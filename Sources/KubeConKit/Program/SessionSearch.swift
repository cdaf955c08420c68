/// Finds sessions of the program by words, as `kubecon search` lists them after the reports' hits.
///
/// A session matches when every word of the query (stop words aside) is in its title, its
/// speakers' names and organizations or its track, as the word itself or one of its synonyms
/// (`dra` finds "Dynamic Resource Allocation"). Words found in the title count twice.
public struct SessionSearch: Sendable {
  let analyzer = Analyzer()
  let synonyms: Synonyms

  public init(synonyms: Synonyms) {
    self.synonyms = synonyms
  }

  public struct Hit: Sendable {
    public let session: Session
    public let score: Int
  }

  /// Each word of the query: its forms (the word's terms, or a synonym's terms).
  func words(_ query: String) -> [[[String]]] {
    Tokenizer.tokens(query).compactMap { token in
      guard let term = analyzer.term(for: token) else { return nil }
      return [[term]] + synonyms.alternatives(for: token.text, analyzer: analyzer)
    }
  }

  /// Whether a session's folded words (``SessionCache``) may match `query`: they hold, for every word,
  /// the first four letters of each term of one of its forms (a stem's ending may differ from
  /// the word's, its start does not). True for every line when the query has no word.
  public func mayMatch(_ query: String) -> (UnsafeBufferPointer<UInt8>) -> Bool {
    let words = self.words(query).map { forms in forms.map { $0.map { Array($0.prefix(4).utf8) } } }
    return { text in
      words.allSatisfy { forms in
        forms.contains { $0.allSatisfy { part in part.withUnsafeBufferPointer { Bytes.firstIndex(of: $0, in: text) != nil } } }
      }
    }
  }

  /// The sessions matching `query`, best first (then the latest first, then by id).
  public func search(_ query: String, in sessions: [Session]) -> [Hit] {
    let words = self.words(query)
    guard !words.isEmpty else { return [] }
    var hits: [Hit] = []
    for s in sessions where s.kind != .logistics {
      let title = Set(analyzer.terms(s.title, keepStopWords: true))
      let rest = Set(analyzer.terms(([s.track ?? ""] + s.speakers.flatMap { [$0.name, $0.organization ?? ""] }).joined(separator: " "), keepStopWords: true))
      var score = 0
      for forms in words {
        if forms.contains(where: { $0.allSatisfy(title.contains) }) {
          score += 2
        } else if forms.contains(where: { $0.allSatisfy { title.contains($0) || rest.contains($0) } }) {
          score += 1
        } else {
          score = 0
          break
        }
      }
      if score > 0 { hits.append(Hit(session: s, score: score)) }
    }
    // Best first; of equal ones, the latest editions first.
    return hits.sorted { ($1.score, $1.session.start ?? "", $0.session.id) < ($0.score, $0.session.start ?? "", $1.session.id) }
  }
}
