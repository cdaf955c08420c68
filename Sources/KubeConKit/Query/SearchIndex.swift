import Foundation

/// One searchable unit: a talk, or a report section that presents no talk.
public struct SearchDocument: Sendable {
  public enum Kind: String, Sendable, Codable { case talk, section }
  public var kind: Kind
  public var id: String
  public var report: String
  public var year: Int?
  /// Languages of the reports presenting it.
  public var languages: [String]
  public var title: String
  public var text: String
  public var themes: [String]
  /// Other reports presenting the same talk or the same section (translations).
  public var alsoIn: [String]
  /// Stated titles weigh 3 against body text; a title derived from a report's section 1.5.
  var titleWeight: Double
  /// How sure we are that this is a talk someone gave, whatever the query: a stated title and
  /// named speakers each add 10%, so a named talk about a subject ranks above an author's summary
  /// of a keynote segment that is just as dense in the query's words.
  var prior: Double
  var titleTerms: [String]
  var bodyTerms: [String]
}

/// A ranked hit.
public struct SearchHit: Sendable {
  public var document: SearchDocument
  public var score: Double
  /// The best window of the text, as (text, isMatch) pieces for highlighting.
  public var snippet: [(String, Bool)]
}

/// Full-text search over talks and sections: BM25F (title weight 3, k1 1.2, b 0.75) times a
/// document prior, French and English analysis, quoted phrases, and bilingual synonyms applied at
/// query time.
public struct SearchIndex: Sendable {
  public let documents: [SearchDocument]
  let analyzer: Analyzer
  let synonyms: Synonyms
  let averageTitleLength: Double
  let averageBodyLength: Double
  public static let titleWeight = 3.0
  static let k1 = 1.2
  static let b = 0.75
  static let titleB = 0.3

  public init(corpus: Corpus, synonyms: Synonyms) {
    var protected = Set<String>()
    for p in corpus.projects { for n in [p.name] + p.aliases { protected.formUnion(Tokenizer.tokens(n).map(\.folded)) } }
    let analyzer = Analyzer(protectedWords: protected)
    self.analyzer = analyzer
    self.synonyms = synonyms
    var docs: [SearchDocument] = []
    let reports = Dictionary(corpus.reports.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    // A talk's text is every section presenting it, in every report (a translation's too).
    var talkTexts: [String: [String]] = [:]
    for report in corpus.reports {
      for section in report.sections {
        if let t = section.talk { talkTexts[t, default: []].append([section.heading ?? "", section.text].joined(separator: "\n")) }
      }
    }
    for talk in corpus.talks {
      let primary = talk.reports.first ?? ""
      let texts = talkTexts[talk.id] ?? []
      let text = texts.contains(talk.text) ? texts.joined(separator: "\n") : ([talk.text] + texts).joined(separator: "\n")
      docs.append(SearchDocument(
        kind: .talk, id: talk.id, report: primary, year: talk.edition?.year,
        languages: Array(Set(talk.reports.compactMap { reports[$0]?.language })).sorted(),
        title: talk.title, text: text, themes: talk.themes, alsoIn: Array(talk.reports.dropFirst()),
        titleWeight: talk.titleSource == .stated ? SearchIndex.titleWeight : SearchIndex.titleWeight / 2,
        prior: 1 + (talk.titleSource == .stated ? 0.1 : 0) + (talk.speakers.isEmpty ? 0 : 0.1), titleTerms: analyzer.terms(talk.title, keepStopWords: true), bodyTerms: analyzer.terms(text, keepStopWords: true)))
    }
    // Sections without a talk; a section and its translation (same place in a translated report) are one.
    var seenTranslated = Set<String>()
    for report in corpus.reports {
      for (index, section) in report.sections.enumerated() where section.talk == nil && !section.text.isEmpty {
        var alsoIn: [String] = []
        for t in report.translations {
          guard let other = reports[t], other.sections.count == report.sections.count else { continue }
          let key = [report.id, t].sorted().joined(separator: "|") + "#\(index)"
          if seenTranslated.contains(key) { alsoIn = ["skip"]; break }
          seenTranslated.insert(key)
          alsoIn.append(t)
        }
        if alsoIn == ["skip"] { continue }
        let title = section.heading ?? report.title
        docs.append(SearchDocument(
          kind: .section, id: report.id + "#" + section.id, report: report.id, year: report.edition?.year,
          languages: Array(Set([report.language] + alsoIn.compactMap { reports[$0]?.language })).sorted(), title: title, text: section.text, themes: report.themes, alsoIn: alsoIn,
          titleWeight: section.heading == nil ? SearchIndex.titleWeight / 2 : SearchIndex.titleWeight, prior: 1, titleTerms: analyzer.terms(title, keepStopWords: true), bodyTerms: analyzer.terms(section.text, keepStopWords: true)))
      }
    }
    documents = docs
    let count = Double(max(docs.count, 1))
    averageTitleLength = max(1, docs.reduce(0.0) { $0 + Double($1.titleTerms.count) } / count)
    averageBodyLength = max(1, docs.reduce(0.0) { $0 + Double($1.bodyTerms.count) } / count)
  }

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

  /// Occurrences of a term sequence in terms.
  static func count(_ phrase: [String], in terms: [String]) -> Int {
    guard let first = phrase.first, terms.count >= phrase.count else { return 0 }
    var n = 0
    for i in 0...(terms.count - phrase.count) where terms[i] == first {
      if phrase.count == 1 || Array(terms[i..<(i + phrase.count)]) == phrase { n += 1 }
    }
    return n
  }

  /// Ranked hits, best first. Every clause must match (AND), through any of its alternatives.
  /// Snippets are made for the first `limit` hits only.
  public func search(_ query: String, limit: Int = .max, filter: (SearchDocument) -> Bool = { _ in true }) -> [SearchHit] {
    let clauses = self.clauses(query)
    guard !clauses.isEmpty else { return [] }
    let n = Double(documents.count)
    // BM25F: each field's frequency is normalized by that field's length, weighted, summed, then
    // saturated once (Lucene's CombinedFieldQuery).
    let b = SearchIndex.b
    // Titles are short: a long, descriptive talk title is barely penalized (b 0.3 for titles).
    let bt = SearchIndex.titleB
    let titleNorm = documents.map { 1 - bt + bt * Double($0.titleTerms.count) / averageTitleLength }
    let bodyNorm = documents.map { 1 - b + b * Double($0.bodyTerms.count) / averageBodyLength }
    var frequencies: [[Double]] = Array(repeating: [], count: clauses.count)
    var docFrequency = [Double](repeating: 0, count: clauses.count)
    for (c, clause) in clauses.enumerated() {
      frequencies[c] = documents.enumerated().map { i, d in
        clause.alternatives.reduce(0.0) { sum, alt in
          sum + d.titleWeight * Double(SearchIndex.count(alt, in: d.titleTerms)) / titleNorm[i]
            + Double(SearchIndex.count(alt, in: d.bodyTerms)) / bodyNorm[i]
        }
      }
      docFrequency[c] = Double(frequencies[c].filter { $0 > 0 }.count)
    }
    var hits: [SearchHit] = []
    for (i, d) in documents.enumerated() where filter(d) {
      guard clauses.indices.allSatisfy({ frequencies[$0][i] > 0 }) else { continue }
      var score = 0.0
      for c in clauses.indices {
        let tf = frequencies[c][i]
        let idf = log(1 + (n - docFrequency[c] + 0.5) / (docFrequency[c] + 0.5))
        score += idf * tf * (SearchIndex.k1 + 1) / (tf + SearchIndex.k1)
      }
      score *= d.prior
      hits.append(SearchHit(document: d, score: score, snippet: []))
    }
    hits.sort { ($0.score, $1.document.id) > ($1.score, $0.document.id) }
    hits = Array(hits.prefix(limit))
    for i in hits.indices { hits[i].snippet = snippet(hits[i].document.text, clauses: clauses) }
    return hits
  }

  /// The window of about 140 characters that covers the most distinct query clauses.
  func snippet(_ text: String, clauses: [Clause]) -> [(String, Bool)] {
    let flat = text.replacingOccurrences(of: "\n", with: " ")
    let tokens = Tokenizer.tokens(flat)
    let terms = tokens.map { analyzer.term(for: $0, keepStopWords: true) ?? "" }
    // Which clause (if any) each token starts or continues.
    var marks = [Int?](repeating: nil, count: tokens.count)
    for (c, clause) in clauses.enumerated() {
      for alt in clause.alternatives where !alt.isEmpty {
        guard terms.count >= alt.count else { continue }
        for i in 0...(terms.count - alt.count) where Array(terms[i..<(i + alt.count)]) == alt {
          for k in i..<(i + alt.count) { marks[k] = c }
        }
      }
    }
    // Character offsets of each token's start and end, counted once (String.distance is linear).
    var starts = [Int](repeating: 0, count: tokens.count)
    var ends = [Int](repeating: 0, count: tokens.count)
    var offset = 0
    var previous = flat.startIndex
    for (i, t) in tokens.enumerated() {
      offset += flat[previous..<t.text.startIndex].count
      starts[i] = offset
      offset += t.text.count
      ends[i] = offset
      previous = t.text.endIndex
    }
    var bestStart = 0
    var bestScore = -1
    for start in tokens.indices {
      var seen = Set<Int>()
      var repeats = 0
      var j = start
      while j < tokens.count, ends[j] - starts[start] <= 140 {
        if let c = marks[j] { if !seen.insert(c).inserted { repeats += 1 } }
        j += 1
      }
      let score = seen.count * 1000 + repeats + (tokens[start].startsSentence ? 1 : 0)
      if score > bestScore {
        bestScore = score
        bestStart = start
      }
    }
    guard !tokens.isEmpty else { return [(String(flat.prefix(140)), false)] }
    // Start a little before the first match for context.
    var start = bestStart
    if let firstMark = (bestStart..<tokens.count).first(where: { marks[$0] != nil }), firstMark == bestStart {
      var k = bestStart
      while k > 0, bestStart - k < 4, !tokens[k].startsSentence { k -= 1 }
      start = k
    }
    var pieces: [(String, Bool)] = []
    let begin = tokens[start].text.startIndex
    var cursor = begin
    var j = start
    while j < tokens.count, ends[j] - starts[start] <= 150 {
      let t = tokens[j].text
      if cursor < t.startIndex { pieces.append((String(flat[cursor..<t.startIndex]), false)) }
      pieces.append((String(t), marks[j] != nil))
      cursor = t.endIndex
      j += 1
    }
    if start > 0 { pieces.insert(("…", false), at: 0) }
    if j < tokens.count { pieces.append(("…", false)) }
    return pieces
  }

  /// Index words close to a word (for "did you mean").
  public func vocabulary() -> Set<String> {
    var words = Set<String>()
    for d in documents {
      for t in Tokenizer.tokens(d.title + " " + d.text) where t.folded.count >= 3 && !Analyzer.stopWords.contains(t.folded) {
        words.insert(t.folded)
      }
    }
    return words
  }
}

/// Groups of equivalent terms in both languages, from `Data/synonyms.json`.
public struct Synonyms: Sendable {
  let groups: [[String]]
  let byKey: [String: Int]

  public init(groups: [[String]]) {
    self.groups = groups
    var byKey: [String: Int] = [:]
    for (i, g) in groups.enumerated() { for member in g { byKey[Synonyms.key(member)] = i } }
    self.byKey = byKey
  }

  static func key(_ s: String) -> String { Tokenizer.tokens(s).map(\.folded).joined(separator: " ") }

  /// The other members of the group of `phrase`, analyzed.
  func alternatives(for phrase: String, analyzer: Analyzer) -> [[String]] {
    guard let g = byKey[Synonyms.key(phrase)] else { return [] }
    return groups[g].filter { Synonyms.key($0) != Synonyms.key(phrase) }.map { analyzer.terms($0, keepStopWords: true) }.filter { !$0.isEmpty }
  }

  public static func load(from dataDirectory: URL) throws -> Synonyms {
    struct File: Decodable { var groups: [[String]] }
    let url = dataDirectory.appendingPathComponent("synonyms.json")
    do {
      return Synonyms(groups: try JSONDecoder().decode(File.self, from: Data(contentsOf: url)).groups)
    } catch {
      throw KubeConError.badCatalog(url.path, reason: "\(error)")
    }
  }
}
