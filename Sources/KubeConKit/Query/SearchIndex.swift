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
  public var year: Int?
  public var language: String?
  public var theme: String?

  public init(year: Int? = nil, language: String? = nil, theme: String? = nil) {
    self.year = year
    self.language = language
    self.theme = theme
  }

  var isEmpty: Bool { year == nil && language == nil && theme == nil }

  func keeps(_ d: SearchDocument) -> Bool {
    (year == nil || d.year == year) && (language.map { d.languages.contains($0) } ?? true)
      && (theme.map { d.themes.contains($0) } ?? true)
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
  public let count: Int
  /// The edition years of the corpus's reports, in order.
  public let years: [Int]
  private let stats: UnsafeRawBufferPointer
  private let dictionary: UnsafeRawBufferPointer
  private let termCount: Int
  static let k1 = 1.2
  static let statsSize = 52
  static let termEntrySize = 44

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
    var d = ByteReader(dictionary)
    termCount = Int(try d.u32())
    guard dictionary.count >= 4 + termCount * SearchIndex.termEntrySize else { throw IndexFile.Problem.damaged("terms") }
  }

  /// An index of a corpus built in memory (for a corpus that is not a file, and for tests).
  public convenience init(corpus: Corpus, synonyms: Synonyms) throws {
    let key = IndexFile.Key(size: 0, seconds: 0, nanoseconds: 0, inode: 0)
    try self.init(file: IndexFile(bytes: CorpusIndex.build(corpus, key: key), expecting: key), synonyms: synonyms)
  }

  // MARK: Documents

  private func field(_ doc: Int, _ field: Int) -> Double {
    Double(bitPattern: stats.loadUnaligned(fromByteOffset: doc * SearchIndex.statsSize + field * 8, as: UInt64.self).littleEndian)
  }
  private func rank(_ doc: Int) -> Int {
    Int(stats.loadUnaligned(fromByteOffset: doc * SearchIndex.statsSize + 32, as: UInt32.self).littleEndian)
  }

  /// The document numbered `doc`, with its title when `withTitle`, and the UTF-8 bytes of its
  /// text (empty unless `withText`). The text is made a `String` only on request: a talk seen in
  /// many reports has a long one, and the snippet reads the bytes.
  func document(_ doc: Int, withTitle: Bool = false, withText: Bool = false) throws -> (SearchDocument, UnsafeRawBufferPointer) {
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
    var text = UnsafeRawBufferPointer(start: nil, count: 0)
    if withTitle || withText {
      let ref = try RecordRef.read(&r)
      var t = ByteReader(try file.record(.texts, offset: ref.offset, length: ref.length, checksum: ref.checksum))
      title = try t.string()
      if withText { text = try t.bytes(try t.count()) }
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
      var e = ByteReader(dictionary, at: 4 + mid * SearchIndex.termEntrySize)
      let offset = Int(try e.u32())
      let length = Int(try e.u32())
      guard termsStart + offset + length <= dictionary.count else { throw IndexFile.Problem.damaged("terms") }
      let bytes = UnsafeRawBufferPointer(rebasing: dictionary[(termsStart + offset)..<(termsStart + offset + length)])
      if bytes.elementsEqual(key) {
        let start = Int(truncatingIfNeeded: try e.u64())
        let size = Int(try e.u32())
        let positionsSize = Int(try e.u32())
        let docs = Int(try e.u32())
        let checksum = try e.u64()
        let positionsChecksum = try e.u64()
        var r = ByteReader(try file.record(.postings, offset: start, length: size, checksum: checksum))
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
        return (out, Positions(file: file, offset: start + size, length: positionsSize, checksum: positionsChecksum))
      }
      if bytes.lexicographicallyPrecedes(key) { low = mid + 1 } else { high = mid }
    }
    return ([], Positions(file: file, offset: 0, length: 0, checksum: Checksum.of([UInt8]())))
  }

  /// The positions of a term's postings, read (and checked) only when a phrase or a snippet needs them.
  final class Positions {
    let file: IndexFile
    let offset, length: Int
    let checksum: UInt64
    private var checked: UnsafeRawBufferPointer?

    init(file: IndexFile, offset: Int, length: Int, checksum: UInt64) {
      self.file = file
      self.offset = offset
      self.length = length
      self.checksum = checksum
    }

    func bytes() throws -> UnsafeRawBufferPointer {
      if let checked { return checked }
      let b = length == 0 ? UnsafeRawBufferPointer(start: nil, count: 0) : try file.record(.postings, offset: offset, length: length, checksum: checksum)
      checked = b
      return b
    }
  }

  /// A posting's title and body positions.
  static func positions(_ p: Posting, in positions: Positions) throws -> (title: [Int], body: [Int]) {
    let bytes = try positions.bytes()
    guard p.positions.upperBound <= bytes.count else { throw IndexFile.Problem.damaged("positions") }
    var r = ByteReader(UnsafeRawBufferPointer(rebasing: bytes[p.positions]))
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
        var low = 0
        var high = l.postings.count
        while low < high {
          let mid = (low + high) / 2
          if l.postings[mid].doc < doc { low = mid + 1 } else { high = mid }
        }
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

  // MARK: Queries

  /// A query term: alternatives (each a sequence of terms, a phrase when longer than one).
  struct Clause {
    var alternatives: [[String]]
  }

  /// Parses a query: quoted phrases, synonym phrases (longest first), single words.
  func clauses(_ query: String) -> [Clause] {
    var clauses: [Clause] = []
    var rest = query
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
        let words = tokens[i..<(i + length)].map { String($0.text) }.joined(separator: " ")
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
    try file.reading { try ranked(query, limit: limit, filter: filter, includeText: includeText) }
  }

  private func ranked(_ query: String, limit: Int, filter: SearchFilter, includeText: Bool) throws -> [SearchHit] {
    let clauses = self.clauses(query)
    guard !clauses.isEmpty else { return [] }
    let n = Double(count)
    let postings = QueryPostings(self)
    // Per clause, every document's frequency (0: absent) and the documents that have it.
    var frequencies: [[Double]] = []
    var having: [[Int]] = []
    for clause in clauses {
      var f = [Double](repeating: 0, count: count)
      var docs: [Int] = []
      for alt in clause.alternatives {
        for c in try postings.occurrences(alt) {
          if f[c.doc] == 0 { docs.append(c.doc) }
          f[c.doc] = f[c.doc] + field(c.doc, 2) * Double(c.title) / field(c.doc, 0) + Double(c.body) / field(c.doc, 1)
        }
      }
      frequencies.append(f)
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
    scored.sort { ($0.score, $1.rank) > ($1.score, $0.rank) }
    return try scored.prefix(limit).map { s in
      var (d, text) = try document(s.doc, withTitle: true, withText: true)
      if includeText { d.text = ByteReader.text(text) }
      // The clause each body token starts or continues; a later clause wins a shared token.
      var matches: [(start: Int, length: Int, clause: Int)] = []
      for (c, clause) in clauses.enumerated() {
        for alt in clause.alternatives where !alt.isEmpty {
          for p in try postings.starts(of: alt, in: s.doc).body { matches.append((p, alt.count, c)) }
        }
      }
      return SearchHit(document: d, score: s.score, snippet: snippet(bytes: text.assumingMemoryBound(to: UInt8.self), matches: matches))
    }
  }

  /// The window of about 140 characters that covers the most distinct query clauses, then the
  /// most matches, then starts a sentence (the first such window); `matches` are token numbers of
  /// the text, as the postings give them. Line breaks read as spaces.
  ///
  /// - Complexity: the text is scanned up to about 150 characters past the last match; characters
  ///   are counted only from about 150 before the first one (a window with no match cannot win).
  func snippet(_ text: String, matches: [(start: Int, length: Int, clause: Int)]) -> [(String, Bool)] {
    var text = text
    text.makeContiguousUTF8()
    return text.utf8.withContiguousStorageIfAvailable { snippet(bytes: $0, matches: matches) } ?? []
  }

  func snippet(bytes: UnsafeBufferPointer<UInt8>, matches: [(start: Int, length: Int, clause: Int)]) -> [(String, Bool)] {
    func string(_ from: Int, _ to: Int) -> String {
      String(decoding: bytes[from..<to].map { $0 == 0x0A ? 0x20 : $0 }, as: UTF8.self)
    }
    /// Characters in bytes[from..<to] once line breaks are spaces: its length when it is ASCII,
    /// its scalars when each is a character of its own (``SearchIndex/standsAlone(_:)``).
    func characters(_ from: Int, _ to: Int, ascii: Bool = false) -> Int {
      if ascii || bytes[from..<to].allSatisfy({ $0 < 0x80 }) { return to - from }
      var scalars = 0
      var i = from
      while i < to {
        let b = bytes[i]
        let length = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
        var v = UInt32(length == 1 ? b : length == 2 ? b & 0x1F : length == 3 ? b & 0x0F : b & 0x07)
        for k in 1..<length where i + k < to { v = v << 6 | UInt32(bytes[i + k] & 0x3F) }
        guard SearchIndex.standsAlone(v) else { return string(from, to).count }
        scalars += 1
        i += length
      }
      return scalars
    }
    let firstMark = matches.map(\.start).min() ?? 0
    let lastMark = matches.map { $0.start + $0.length - 1 }.max() ?? 0
    // Words up to the last match, then until one ends more than 150 characters after it starts.
    var tokens: [(start: Int, end: Int, ascii: Bool, startsSentence: Bool)] = []
    var charactersAfterLast = 0
    Tokenizer.scan(bytes, lineBreaksStartSentences: false) { start, end, ascii, sentence in
      tokens.append((start, end, ascii, sentence))
      let i = tokens.count - 1
      if i > lastMark {
        charactersAfterLast += characters(tokens[i - 1].end, start) + characters(start, end, ascii: ascii)
      } else if i == lastMark {
        charactersAfterLast = characters(start, end, ascii: ascii)
      }
      return i <= lastMark || charactersAfterLast <= 151
    }
    guard !tokens.isEmpty else { return [(String(string(0, bytes.count).prefix(140)), false)] }
    // From about 150 characters (and 5 words) before the first match: earlier windows reach no match.
    var from = min(firstMark, tokens.count - 1)
    var back = 0
    while from > 0 && back <= 151 {
      back += characters(tokens[from - 1].end, tokens[from].start)
        + characters(tokens[from - 1].start, tokens[from - 1].end, ascii: tokens[from - 1].ascii)
      from -= 1
    }
    from = max(0, from - 5)
    /// The best window of the words from `from` on: its first word (relative), with the marks and
    /// character offsets of those words.
    func best(from: Int) -> (start: Int, score: Int, marks: [Int], starts: [Int], ends: [Int]) {
      let count = tokens.count - from
      var marks = [Int](repeating: -1, count: count)
      for m in matches {
        for k in m.start..<(m.start + m.length) where k >= from && k < tokens.count { marks[k - from] = m.clause }
      }
      // Character offsets (from the region's start) of each word's start and end, counted once.
      var starts = [Int](repeating: 0, count: count)
      var ends = [Int](repeating: 0, count: count)
      var offset = 0
      var previous = tokens[from].start
      for i in 0..<count {
        let t = tokens[from + i]
        offset += characters(previous, t.start)
        starts[i] = offset
        offset += characters(t.start, t.end, ascii: t.ascii)
        ends[i] = offset
        previous = t.end
      }
      var bestStart = 0
      var bestScore = -1
      // The window of each start, slid along: words start..<end, with each clause's marks counted.
      var inWindow = [Int](repeating: 0, count: (matches.map(\.clause).max() ?? -1) + 1)
      var distinct = 0
      var marked = 0
      var end = 0
      for start in 0..<count {
        end = max(end, start)  // after a word longer than the window
        while end < count, ends[end] - starts[start] <= 140 {
          let c = marks[end]
          if c >= 0 {
            if inWindow[c] == 0 { distinct += 1 }
            inWindow[c] += 1
            marked += 1
          }
          end += 1
        }
        let score = distinct * 1000 + (marked - distinct) + (tokens[from + start].startsSentence ? 1 : 0)
        if score > bestScore {
          bestScore = score
          bestStart = start
        }
        // The word `start` leaves the window (when it was in it).
        if end > start, marks[start] >= 0 {
          let c = marks[start]
          inWindow[c] -= 1
          marked -= 1
          if inWindow[c] == 0 { distinct -= 1 }
        }
      }
      return (bestStart, bestScore, marks, starts, ends)
    }
    var (bestStart, bestScore, marks, starts, ends) = best(from: from)
    if bestScore < 1000 && from > 0 {
      // No window holds a match (each is a word longer than a window): the text's first one wins.
      from = 0
      (bestStart, bestScore, marks, starts, ends) = best(from: 0)
    }
    let count = tokens.count - from
    // Start a little before the first match for context.
    var start = bestStart
    if let first = (bestStart..<count).first(where: { marks[$0] >= 0 }), first == bestStart {
      var k = bestStart
      while k > 0, bestStart - k < 4, !tokens[from + k].startsSentence { k -= 1 }  // k > 0: the region starts 5 words early
      start = k
    }
    var pieces: [(String, Bool)] = []
    var cursor = tokens[from + start].start
    var j = start
    while j < count, ends[j] - starts[start] <= 150 {
      let t = tokens[from + j]
      if cursor < t.start { pieces.append((string(cursor, t.start), false)) }
      pieces.append((string(t.start, t.end), marks[j] >= 0))
      cursor = t.end
      j += 1
    }
    if from + start > 0 { pieces.insert(("…", false), at: 0) }
    if j < count { pieces.append(("…", false)) }
    return pieces
  }

  /// Whether a scalar is always a character by itself, whatever is around it (no combining mark,
  /// joiner, prepended or paired scalar, no carriage return): Latin letters and the punctuation and
  /// currency signs of French and English text. Other text is measured by `String`.
  static func standsAlone(_ v: UInt32) -> Bool {
    (v < 0x300 && v != 0x0D) || (v >= 0x2010 && v <= 0x2027) || (v >= 0x2030 && v <= 0x205E) || (v >= 0x20A0 && v <= 0x20C0)
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
