import Foundation

/// A ranked hit.
public struct SearchHit: Sendable {
  public var document: SearchDocument
  public var score: Double
  /// The best window of the text, as (text, isMatch) pieces for highlighting.
  public var snippet: [(String, Bool)]
}

/// What a search keeps: documents of one year, language or theme.
public struct SearchFilter: Sendable {
  var year: Int?
  var language: String?
  var theme: String?
  /// Only talks, or only report sections.
  var kind: SearchDocument.Kind?

  public init(year: Int? = nil, language: String? = nil, theme: String? = nil, kind: SearchDocument.Kind? = nil) {
    self.year = year
    self.language = language
    self.theme = theme
    self.kind = kind
  }

  var isEmpty: Bool { year == nil && language == nil && theme == nil && kind == nil }

  func keeps(_ d: SearchDocument) -> Bool {
    (year == nil || d.year == year) && (language.map { d.languages.contains($0) } ?? true)
      && (theme.map { d.themes.contains($0) } ?? true) && (kind.map { d.kind == $0 } ?? true)
  }
}

/// Full-text search over talks and sections: BM25F (title weight 3, k1 1.2, b 0.75) times a
/// document prior, French and English analysis, quoted phrases, and bilingual synonyms applied at
/// query time.
///
/// It reads the search sections of an index (``IndexFile``) in place: a query looks up its terms
/// in the sorted dictionary and walks their postings; only the hits shown are decoded.
public final class SearchIndex {
  let file: IndexFile
  let analyzer: Analyzer
  let synonyms: Synonyms
  /// Number of documents.
  let count: Int
  /// The edition years of the corpus's reports, in order.
  public let years: [Int]

  private let stats: UnsafeRawBufferPointer
  private let dictionary: UnsafeRawBufferPointer
  private let termCount: Int
  static let k1 = 1.2
  static let statsSize = 52
  static let termEntrySize = 28

  init(file: IndexFile, synonyms: Synonyms) throws {
    self.file = file
    self.synonyms = synonyms
    var info = ByteReader(try file.section(.searchInfo))
    var protected = Set<String>()
    for _ in 0..<(try info.count()) { protected.insert(try info.string()) }
    var years: [Int] = []
    for _ in 0..<(try info.count()) { years.append(try info.varint()) }
    self.years = years
    analyzer = Analyzer(protectedWords: protected)
    stats = try file.section(.documentStats)
    guard stats.count % SearchIndex.statsSize == 0 else { throw IndexFile.Problem.damaged("document stats") }
    count = stats.count / SearchIndex.statsSize
    dictionary = try file.section(.terms)
    var d = ByteReader(try file.bytes(.terms, 0..<min(4, dictionary.count)))
    termCount = Int(try d.u32())
    guard dictionary.count >= 4 + termCount * SearchIndex.termEntrySize else { throw IndexFile.Problem.damaged("terms") }
  }

  /// An index of a corpus built in memory (for a corpus that is not a file, and for tests).
  convenience init(corpus: Corpus, synonyms: Synonyms) throws {
    let key = IndexFile.Key(size: 0, seconds: 0, nanoseconds: 0, inode: 0)
    try self.init(file: IndexFile(bytes: CorpusIndex.build(corpus, key: key), expecting: key), synonyms: synonyms)
  }

  // MARK: Documents

  /// Checks the page(s) of a document's stats; `field` and `rank` read them unchecked.
  private func checkStats(_ doc: Int) throws {
    try file.check(.documentStats, (doc * SearchIndex.statsSize)..<((doc + 1) * SearchIndex.statsSize))
  }

  private func field(_ doc: Int, _ field: Int) -> Double {
    Double(bitPattern: stats.loadUnaligned(fromByteOffset: doc * SearchIndex.statsSize + field * 8, as: UInt64.self).littleEndian)
  }
  private func rank(_ doc: Int) -> Int {
    Int(stats.loadUnaligned(fromByteOffset: doc * SearchIndex.statsSize + 32, as: UInt32.self).littleEndian)
  }

  /// The document numbered `doc`, with its title and text when `withText`. The text is not read
  /// (nor checked) here: a talk seen in many reports has a long one, and the snippet reads the
  /// parts around the matches.
  func document(_ doc: Int, withText: Bool = false) throws -> (SearchDocument, StoredText?) {
    try checkStats(doc)
    var entry = ByteReader(stats, at: doc * SearchIndex.statsSize + 36)
    let record = try file.record(
      .documents, offset: Int(try entry.u32()), length: Int(try entry.u32()), checksum: try entry.u64())
    var r = ByteReader(record)
    let kind: SearchDocument.Kind = try r.u8() == 0 ? .talk : .section
    let id = try r.string()
    let report = try r.string()
    let year = try r.optional()
    var lists: [[String]] = []
    for _ in 0..<5 {
      var list: [String] = []
      for _ in 0..<(try r.count()) { list.append(try r.string()) }
      lists.append(list)
    }
    var title = ""
    var text: StoredText?
    if withText {
      let start = try r.varint()
      let length = try r.varint()
      // The record is read unchecked, then its head (title, checkpoints) is checked before use.
      let all = try file.section(.texts)
      guard start >= 0, length >= 0, start <= all.count - length else { throw IndexFile.Problem.damaged("bounds in texts") }
      var t = ByteReader(UnsafeRawBufferPointer(rebasing: all[start..<(start + length)]))
      title = try t.string()
      let textLength = try t.count()
      let checkpoints = try t.bytes(try t.count() * 4)
      let head = t.offset
      guard head + textLength == length else { throw IndexFile.Problem.damaged("text record") }
      try file.check(.texts, start..<(start + head))
      let file = self.file
      text = StoredText(
        bytes: UnsafeRawBufferPointer(rebasing: all[(start + head)..<(start + length)]).assumingMemoryBound(to: UInt8.self),
        checkpoints: checkpoints, check: { try file.check(.texts, (start + head + $0.lowerBound)..<(start + head + $0.upperBound)) })
    }
    let document = SearchDocument(
      kind: kind, id: id, report: report, year: year, languages: lists[0], title: title, text: "", themes: lists[1],
      alsoIn: lists[2], alsoInLanguages: lists[3], edition: lists[4].first)
    return (document, text)
  }

  // MARK: Terms and postings

  /// One document's counts of a term, and where its positions are.
  struct Posting {
    var doc: Int
    var title: Int
    var body: Int
    var positions: Range<Int>
  }

  /// The postings of a term (empty for a term no document has).
  func postings(_ term: String) throws -> (postings: [Posting], positions: Positions) {
    let key = Array(term.utf8)
    let termsStart = 4 + termCount * SearchIndex.termEntrySize
    var low = 0
    var high = termCount
    while low < high {
      let mid = (low + high) / 2
      let at = 4 + mid * SearchIndex.termEntrySize
      try file.check(.terms, at..<(at + SearchIndex.termEntrySize))
      var e = ByteReader(dictionary, at: at)
      let offset = Int(try e.u32())
      let length = Int(try e.u32())
      let bytes = try file.bytes(.terms, (termsStart + offset)..<(termsStart + offset + length))
      if bytes.elementsEqual(key) {
        let start = Int(truncatingIfNeeded: try e.u64())
        let size = Int(try e.u32())
        let positionsSize = Int(try e.u32())
        let docs = Int(try e.u32())
        guard start >= 0, start < Int.max / 2 else { throw IndexFile.Problem.damaged("terms") }
        var r = ByteReader(try file.bytes(.postings, start..<(start + size)))
        var out: [Posting] = []
        out.reserveCapacity(docs)
        var doc = 0
        var at = 0
        for _ in 0..<docs {
          doc += try r.varint()
          guard doc >= 0, doc < count else { throw IndexFile.Problem.damaged("postings") }
          let title = try r.count()
          let body = try r.count()
          let length = try r.count()
          guard at + length <= positionsSize else { throw IndexFile.Problem.damaged("positions") }
          out.append(Posting(doc: doc, title: title, body: body, positions: at..<(at + length)))
          at += length
        }
        return (out, Positions(file: file, offset: start + size, length: positionsSize))
      }
      if bytes.lexicographicallyPrecedes(key) { low = mid + 1 } else { high = mid }
    }
    return ([], Positions(file: file, offset: 0, length: 0))
  }

  /// Where a term's positions are: read (and checked) only for the documents a phrase or a
  /// snippet needs.
  struct Positions {
    let file: IndexFile
    let offset, length: Int
  }

  /// A posting's title and body positions.
  static func positions(_ p: Posting, in positions: Positions) throws -> (title: [Int], body: [Int]) {
    guard p.positions.upperBound <= positions.length else { throw IndexFile.Problem.damaged("positions") }
    var r = ByteReader(try positions.file.bytes(
      .postings, (positions.offset + p.positions.lowerBound)..<(positions.offset + p.positions.upperBound)))
    func read(_ n: Int) throws -> [Int] {
      var out: [Int] = []
      var at = 0
      for _ in 0..<n {
        at += try r.varint()
        out.append(at)
      }
      return out
    }
    return (try read(p.title), try read(p.body))
  }

  // MARK: Queries

  /// A query term: alternatives (each a sequence of terms, a phrase when longer than one).
  struct Clause {
    var alternatives: [[String]]
  }

  /// Parses a query: quoted phrases, synonym phrases (longest first), single words.
  func clauses(_ query: String) -> [Clause] {
    var clauses: [Clause] = []
    // Accents composed, as in the reports (``TextDecoding/composed(_:)``).
    var rest = TextDecoding.composed(query)
    // Quoted phrases.
    while let open = rest.firstIndex(where: { $0 == "\"" || $0 == "“" || $0 == "«" }),
      let close = rest[rest.index(after: open)...].firstIndex(where: { $0 == "\"" || $0 == "”" || $0 == "»" })
    {
      let phrase = String(rest[rest.index(after: open)..<close])
      let terms = analyzer.terms(phrase, keepStopWords: true)
      if !terms.isEmpty { clauses.append(Clause(alternatives: [terms] + synonyms.alternatives(for: phrase, analyzer: analyzer))) }
      rest.removeSubrange(open...close)
    }
    let tokens = Tokenizer.tokens(rest)
    var i = 0
    while i < tokens.count {
      // The longest run of words that is a synonym entry.
      var matched = false
      for length in stride(from: min(5, tokens.count - i), through: 1, by: -1) {
        let words = tokens[i..<(i + length)].map(\.text).joined(separator: " ")
        let alternatives = synonyms.alternatives(for: words, analyzer: analyzer)
        if !alternatives.isEmpty {
          let own = analyzer.terms(words, keepStopWords: length > 1)
          clauses.append(Clause(alternatives: (own.isEmpty ? [] : [own]) + alternatives))
          i += length
          matched = true
          break
        }
      }
      if matched { continue }
      if let term = analyzer.term(for: tokens[i]) { clauses.append(Clause(alternatives: [[term]])) }
      i += 1
    }
    return clauses
  }

  /// Ranked hits, best first. Every clause must match (AND), through any of its alternatives.
  /// Snippets are made for the first `limit` hits only.
  ///
  /// A clause's frequency in a document is BM25F's: each field's count normalized by that field's
  /// length, weighted, summed over the alternatives, then saturated once (Lucene's
  /// CombinedFieldQuery); the score sums the clauses' and multiplies by the document's prior.
  /// - Parameter includeText: whether the hits' documents carry their text (the snippet does not
  ///   need it, and a talk seen in many reports has a long one).
  /// - Throws: ``KubeConError/damagedIndex(_:reason:)``.
  public func search(
    _ query: String, limit: Int = .max, filter: SearchFilter = SearchFilter(), includeText: Bool = false
  ) throws -> [SearchHit] {
    try file.reading { try ranked(Folding.compatibility(query), limit: limit, filter: filter, includeText: includeText) }
  }

  private func ranked(_ query: String, limit: Int, filter: SearchFilter, includeText: Bool) throws -> [SearchHit] {
    let clauses = self.clauses(query)
    guard !clauses.isEmpty else { return [] }
    let n = Double(count)
    let postings = QueryPostings(self)
    // Per clause, every document's frequency (0: absent) and the documents that have it. Zeroed
    // by calloc: a large block is fresh pages from the system, touched only where a posting
    // writes (a rare word's query does not fault in one per document).
    var frequencies: [UnsafeMutableBufferPointer<Double>] = []
    defer { for f in frequencies { free(f.baseAddress) } }
    var having: [[Int]] = []
    for clause in clauses {
      // As a Swift array's allocation does, running out of memory stops the process.
      guard let zeroed = calloc(max(count, 1), MemoryLayout<Double>.stride) else { fatalError("out of memory") }
      let f = UnsafeMutableBufferPointer(start: zeroed.assumingMemoryBound(to: Double.self), count: count)
      frequencies.append(f)
      var docs: [Int] = []
      for alt in clause.alternatives {
        for c in try postings.occurrences(alt) {
          try checkStats(c.doc)
          if f[c.doc] == 0 { docs.append(c.doc) }
          f[c.doc] = f[c.doc] + field(c.doc, 2) * Double(c.title) / field(c.doc, 0) + Double(c.body) / field(c.doc, 1)
        }
      }
      having.append(docs)
    }
    let idf = having.map { docs -> Double in
      let df = Double(docs.count)
      return log(1 + (n - df + 0.5) / (df + 0.5))
    }
    let rarest = having.indices.min { having[$0].count < having[$1].count } ?? 0
    var scored: [(score: Double, rank: Int, doc: Int)] = []
    for doc in having[rarest] {
      guard frequencies.allSatisfy({ $0[doc] > 0 }) else { continue }
      if !filter.isEmpty, !filter.keeps(try document(doc).0) { continue }
      var score = 0.0
      for c in clauses.indices {
        let tf = frequencies[c][doc]
        score += idf[c] * tf * (SearchIndex.k1 + 1) / (tf + SearchIndex.k1)
      }
      score *= field(doc, 3)
      scored.append((score, rank(doc), doc))
    }
    return try SearchIndex.top(limit, of: scored) { ($0.score, $1.rank) > ($1.score, $0.rank) }.map { s in
      var (d, stored) = try document(s.doc, withText: true)
      guard let text = stored else { return SearchHit(document: d, score: s.score, snippet: []) }
      if includeText {
        try text.check(0..<text.bytes.count)
        d.text = ByteReader.text(UnsafeRawBufferPointer(text.bytes))
      }
      // The clause each body token starts or continues; a later clause wins a shared token.
      var matches: [(start: Int, length: Int, clause: Int)] = []
      for (c, clause) in clauses.enumerated() {
        for alt in clause.alternatives where !alt.isEmpty {
          for p in try postings.starts(of: alt, in: s.doc).body { matches.append((p, alt.count, c)) }
        }
      }
      return SearchHit(document: d, score: s.score, snippet: try snippet(text, matches: matches))
    }
  }

  /// The first `k` elements of `elements` in the order `precedes` (a strict total order), as a
  /// full sort would give them: a sorted buffer of `k`, so that ten hits out of thousands cost one
  /// comparison per hit.
  static func top<T>(_ k: Int, of elements: [T], by precedes: (T, T) -> Bool) -> [T] {
    guard k < elements.count else { return elements.sorted(by: precedes) }
    guard k > 0 else { return [] }
    var top: [T] = []
    top.reserveCapacity(k + 1)
    for e in elements {
      if top.count == k, !precedes(e, top[k - 1]) { continue }
      top.insert(e, at: top.partitionIndex { precedes($0, e) })
      if top.count > k { top.removeLast() }
    }
    return top
  }

  /// The ids of the program's sessions some talk of the corpus is linked to (read when asked:
  /// most searches need none).
  public func coveredSessions() throws -> Set<String> {
    try file.reading {
      var info = ByteReader(try file.section(.searchInfo))
      for _ in 0..<(try info.count()) { _ = try info.string() }
      for _ in 0..<(try info.count()) { _ = try info.varint() }
      var covered = Set<String>()
      for _ in 0..<(try info.count()) { covered.insert(try info.string()) }
      return covered
    }
  }

  /// Index words close to a word (for "did you mean").
  public func vocabulary() throws -> [String] {
    try file.reading { try words() }
  }

  private func words() throws -> [String] {
    var r = ByteReader(try file.section(.vocabulary))
    var words: [String] = []
    for _ in 0..<(try r.count()) { words.append(try r.string()) }
    return words
  }
}
