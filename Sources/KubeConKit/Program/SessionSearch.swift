/// Finds sessions of the program by words, as `kubecon search` lists them after the reports' hits.
///
/// A session matches when every word of the query (stop words aside) is in its title, its
/// speakers' names and organizations or its track, as the word itself or one of its synonyms
/// (`dra` finds "Dynamic Resource Allocation"), compared as search terms (``Analyzer``). A word
/// found in the title counts 2, elsewhere 1. The sessions are read from the ``SessionCache``
/// records, where their terms are kept: only the sessions shown are decoded.
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

  /// Each word of the query: its forms (the word's term, or a synonym's terms), each term as it
  /// stands in a record, between spaces.
  func words(_ query: String) -> [[[[UInt8]]]] {
    Tokenizer.tokens(query).compactMap { token in
      guard let term = analyzer.term(for: token) else { return nil }
      let forms = [[term]] + synonyms.alternatives(for: token.text, analyzer: analyzer)
      return forms.map { $0.map { Array((" " + $0 + " ").utf8) } }
    }
  }

  /// Whether every word of the query has a form whose terms all stand somewhere in `bytes` (the
  /// records of a ``SessionCache``): when not, no session matches.
  func mayMatch(_ query: String, anywhereIn bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    words(query).allSatisfy { forms in
      forms.contains { $0.allSatisfy { term in term.withUnsafeBufferPointer { Bytes.firstIndex(of: $0, in: bytes) != nil } } }
    }
  }

  /// The score of a record: 2 for each word in the title, 1 for each elsewhere; 0 when a word is
  /// missing.
  static func score(_ r: SessionCache.Record, _ words: [[[[UInt8]]]]) -> Int {
    func holds(_ text: UnsafeBufferPointer<UInt8>, _ term: [UInt8]) -> Bool {
      term.withUnsafeBufferPointer { Bytes.firstIndex(of: $0, in: text) != nil }
    }
    var score = 0
    for forms in words {
      if forms.contains(where: { $0.allSatisfy { holds(r.titleTerms, $0) } }) {
        score += 2
      } else if forms.contains(where: { $0.allSatisfy { holds(r.titleTerms, $0) || holds(r.otherTerms, $0) } }) {
        score += 1
      } else {
        return 0
      }
    }
    return score
  }

  /// The matching sessions of `editions`, best first (then the latest, then by id), at most
  /// `limit` of those `keep` keeps; nil when `records` says its file is damaged.
  /// - Parameter records: hands each record to its argument in the order hits of one score are
  ///   shown (``SessionCache``), and says whether the file was sound.
  func search(
    _ query: String, editions: Set<String>, limit: Int, keep: (Session) -> Bool,
    records: ((SessionCache.Record) -> Void) -> Bool
  ) -> [Hit]? {
    let words = self.words(query)
    guard !words.isEmpty, limit > 0 else { return [] }
    let wanted = editions.map { Array($0.utf8) }
    // Each score's records in the order they come, the best score first.
    var byScore: [[UnsafeBufferPointer<UInt8>]] = []
    let sound = records { r in
      guard wanted.contains(where: { $0.elementsEqual(r.edition) }) else { return }
      let score = SessionSearch.score(r, words)
      guard score > 0 else { return }
      while byScore.count <= score { byScore.append([]) }
      byScore[score].append(r.json)
    }
    guard sound else { return nil }
    var hits: [Hit] = []
    for score in byScore.indices.reversed() {
      for json in byScore[score] {
        guard let session = try? JSONReader.read(json, { try Session.read(json: &$0, []) }), keep(session) else { continue }
        hits.append(Hit(session: session, score: score))
        if hits.count == limit { return hits }
      }
    }
    return hits
  }
}
