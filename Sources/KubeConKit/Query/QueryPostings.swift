extension SearchIndex {
  /// The postings of the terms of one query, each read once.
  final class QueryPostings {
    let index: SearchIndex
    private var lists: [String: (postings: [Posting], positions: Positions)] = [:]

    init(_ index: SearchIndex) { self.index = index }

    func list(_ term: String) throws -> (postings: [Posting], positions: Positions) {
      if let l = lists[term] { return l }
      let l = try index.postings(term)
      lists[term] = l
      return l
    }

    /// Per document (in document order), the title and body counts of a term sequence (a phrase
    /// when longer than one).
    func occurrences(_ phrase: [String]) throws -> [(doc: Int, title: Int, body: Int)] {
      guard !phrase.isEmpty else { return [] }
      if phrase.count == 1 { return try list(phrase[0]).postings.map { ($0.doc, $0.title, $0.body) } }
      // Documents having every word, then the places where the words follow each other.
      let first = try list(phrase[0])
      let others = try phrase.dropFirst().map { try list($0) }
      let byDoc = others.map { Dictionary(uniqueKeysWithValues: $0.postings.map { ($0.doc, $0) }) }
      var out: [(doc: Int, title: Int, body: Int)] = []
      for p in first.postings where byDoc.allSatisfy({ $0[p.doc] != nil }) {
        let places = try starts(of: phrase, firstPosting: p, first.positions) { k in (byDoc[k - 1][p.doc], others[k - 1].positions) }
        if !places.title.isEmpty || !places.body.isEmpty { out.append((p.doc, places.title.count, places.body.count)) }
      }
      return out
    }

    /// Where a phrase starts in one document's title and body (token numbers).
    func starts(of phrase: [String], in doc: Int) throws -> (title: [Int], body: [Int]) {
      func posting(_ term: String) throws -> (Posting?, Positions) {
        let l = try list(term)
        let low = l.postings.partitionIndex { $0.doc < doc }
        return (low < l.postings.count && l.postings[low].doc == doc ? l.postings[low] : nil, l.positions)
      }
      guard !phrase.isEmpty, case let (first?, firstPositions) = try posting(phrase[0]) else { return ([], []) }
      let rest = try phrase.dropFirst().map { try posting($0) }
      return try starts(of: phrase, firstPosting: first, firstPositions) { k in rest[k - 1] }
    }

    private func starts(
      of phrase: [String], firstPosting p: Posting, _ firstPositions: Positions,
      word: (Int) throws -> (Posting?, Positions)
    ) throws -> (title: [Int], body: [Int]) {
      var (title, body) = try SearchIndex.positions(p, in: firstPositions)
      for k in 1..<phrase.count {
        guard case let (q?, qBytes) = try word(k) else { return ([], []) }
        let places = try SearchIndex.positions(q, in: qBytes)
        let t = Set(places.title.map { $0 - k })
        let b = Set(places.body.map { $0 - k })
        title = title.filter { t.contains($0) }
        body = body.filter { b.contains($0) }
      }
      return (title, body)
    }
  }
}
