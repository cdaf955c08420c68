import Foundation
import Testing
@testable import KubeConKit

/// The index changes speed, never answers: every query ranks the same documents with the same
/// scores and snippets as a brute-force BM25F over the analyzed texts (the search as it was before
/// the index: every document's terms in memory, every phrase counted by scanning them).
@Suite struct SearchIndexTests {
  struct Reference {
    var docs: [RankedDocument]
    var titleTerms: [[String]]
    var bodyTerms: [[String]]
    var analyzer: Analyzer

    init(_ corpus: Corpus) {
      var protected = Set<String>()
      for p in corpus.projects { for n in [p.name] + p.aliases { protected.formUnion(Tokenizer.tokens(n).map(\.folded)) } }
      analyzer = Analyzer(protectedWords: protected)
      docs = RankedDocument.all(in: corpus)
      titleTerms = docs.map { [analyzer] d in analyzer.terms(d.document.title, keepStopWords: true) }
      bodyTerms = docs.map { [analyzer] d in analyzer.terms(d.document.text, keepStopWords: true) }
    }

    static func count(_ phrase: [String], in terms: [String]) -> Int {
      guard let first = phrase.first, terms.count >= phrase.count else { return 0 }
      var n = 0
      for i in 0...(terms.count - phrase.count) where terms[i] == first && Array(terms[i..<(i + phrase.count)]) == phrase { n += 1 }
      return n
    }

    func search(_ clauses: [SearchIndex.Clause], filter: SearchFilter) -> [(id: String, score: Double)] {
      let n = Double(docs.count)
      let averageTitle = max(1, titleTerms.reduce(0.0) { $0 + Double($1.count) } / n)
      let averageBody = max(1, bodyTerms.reduce(0.0) { $0 + Double($1.count) } / n)
      var frequencies: [[Double]] = []
      for clause in clauses {
        frequencies.append(docs.indices.map { i in
          let titleNorm = 1 - 0.3 + 0.3 * Double(titleTerms[i].count) / averageTitle
          let bodyNorm = 1 - 0.75 + 0.75 * Double(bodyTerms[i].count) / averageBody
          return clause.alternatives.reduce(0.0) { sum, alt in
            sum + docs[i].titleWeight * Double(Reference.count(alt, in: titleTerms[i])) / titleNorm
              + Double(Reference.count(alt, in: bodyTerms[i])) / bodyNorm
          }
        })
      }
      let df = frequencies.map { Double($0.filter { $0 > 0 }.count) }
      var hits: [(id: String, score: Double, doc: Int)] = []
      for i in docs.indices where filter.keeps(docs[i].document) && frequencies.allSatisfy({ $0[i] > 0 }) {
        var score = 0.0
        for c in clauses.indices {
          let tf = frequencies[c][i]
          score += log(1 + (n - df[c] + 0.5) / (df[c] + 0.5)) * tf * (1.2 + 1) / (tf + 1.2)
        }
        hits.append((docs[i].document.id, score * docs[i].prior, i))
      }
      hits.sort { ($0.score, $1.id) > ($1.score, $0.id) }
      return hits.prefix(10).map { ($0.id, $0.score) }
    }
  }

  /// The snippet as it was made from `Tokenizer.tokens` and `String` character counts.
  static func referenceSnippet(_ text: String, matches: [(start: Int, length: Int, clause: Int)]) -> [(String, Bool)] {
    let flat = String(decoding: text.utf8.map { $0 == 0x0A ? 0x20 : $0 }, as: UTF8.self)
    let tokens = Tokenizer.tokens(flat)
    var marks = [Int](repeating: -1, count: tokens.count)
    for m in matches {
      for k in m.start..<(m.start + m.length) where k < tokens.count { marks[k] = m.clause }
    }
    // Character offsets of each token's start and end, counted once (String.distance is linear).
    var starts = [Int](repeating: 0, count: tokens.count)
    var ends = [Int](repeating: 0, count: tokens.count)
    var offset = 0
    var previous = flat.startIndex
    // A token's place in `flat`.
    func range(_ t: Token) -> Range<String.Index> {
      flat.utf8.index(flat.startIndex, offsetBy: t.start)..<flat.utf8.index(flat.startIndex, offsetBy: t.end)
    }
    for (i, t) in tokens.enumerated() {
      offset += flat[previous..<range(t).lowerBound].count
      starts[i] = offset
      offset += t.text.count
      ends[i] = offset
      previous = range(t).upperBound
    }
    var bestStart = 0
    var bestScore = -1
    // seenAt[c] == start: clause c is already in the window that begins at token `start`.
    var seenAt = [Int](repeating: -1, count: (matches.map(\.clause).max() ?? -1) + 1)
    for start in tokens.indices {
      var distinct = 0
      var repeats = 0
      var j = start
      while j < tokens.count, ends[j] - starts[start] <= 140 {
        let c = marks[j]
        if c >= 0 {
          if seenAt[c] == start { repeats += 1 } else { seenAt[c] = start; distinct += 1 }
        }
        j += 1
      }
      let score = distinct * 1000 + repeats + (tokens[start].startsSentence ? 1 : 0)
      if score > bestScore {
        bestScore = score
        bestStart = start
      }
    }
    guard !tokens.isEmpty else { return [(String(flat.prefix(140)), false)] }
    // Start a little before the first match for context.
    var start = bestStart
    if let firstMark = (bestStart..<tokens.count).first(where: { marks[$0] >= 0 }), firstMark == bestStart {
      var k = bestStart
      while k > 0, bestStart - k < 4, !tokens[k].startsSentence { k -= 1 }
      start = k
    }
    var pieces: [(String, Bool)] = []
    var cursor = range(tokens[start]).lowerBound
    var j = start
    while j < tokens.count, ends[j] - starts[start] <= 150 {
      let t = range(tokens[j])
      if cursor < t.lowerBound { pieces.append((String(flat[cursor..<t.lowerBound]), false)) }
      pieces.append((String(flat[t]), marks[j] >= 0))
      cursor = t.upperBound
      j += 1
    }
    if start > 0 { pieces.insert(("…", false), at: 0) }
    if j < tokens.count { pieces.append(("…", false)) }
    return pieces
  }

  static let queries: [(String, SearchFilter)] = [
    ("dra", SearchFilter()), ("kubernetes", SearchFilter()), ("sécurité plateforme", SearchFilter()),
    ("\"platform engineering\"", SearchFilter()), ("otel", SearchFilter()), ("observabilité", SearchFilter()),
    ("gateway api", SearchFilter()), ("ebpf", SearchFilter()), ("argo cd", SearchFilter()), ("wasm", SearchFilter()),
    ("l'IA générative", SearchFilter()), ("kubernetes", SearchFilter(year: 2024)), ("security", SearchFilter(language: "en")),
    ("cluster", SearchFilter(theme: "observability")), ("nothingmatchesthis", SearchFilter()),
  ]

  static func synonyms() throws -> Synonyms { try Synonyms.load(from: Fixtures.data) }

  static func check(_ corpus: Corpus) throws {
    let index = try SearchIndex(corpus: corpus, synonyms: try synonyms())
    let reference = Reference(corpus)
    var compared = 0
    for (query, filter) in queries {
      let clauses = index.clauses(query)
      let hits = try index.search(query, limit: 10, filter: filter)
      let expected = reference.search(clauses, filter: filter)
      #expect(hits.map(\.document.id) == expected.map(\.id), "\(query)")
      #expect(hits.map(\.score) == expected.map(\.score), "\(query)")
      compared += expected.count
      // Snippets: the index marks matches from its positions and measures UTF-8 spans; the
      // reference marks them from the text's terms and counts characters of `Tokenizer` tokens.
      for h in hits {
        guard let doc = reference.docs.firstIndex(where: { $0.document.id == h.document.id }) else { continue }
        let terms = reference.bodyTerms[doc]
        var matches: [(start: Int, length: Int, clause: Int)] = []
        for (c, clause) in clauses.enumerated() {
          for alt in clause.alternatives where !alt.isEmpty && terms.count >= alt.count {
            for i in 0...(terms.count - alt.count) where Array(terms[i..<(i + alt.count)]) == alt { matches.append((i, alt.count, c)) }
          }
        }
        let expectedSnippet = SearchIndexTests.referenceSnippet(reference.docs[doc].document.text, matches: matches)
        #expect(h.snippet.map(\.0) == expectedSnippet.map(\.0) && h.snippet.map(\.1) == expectedSnippet.map(\.1), "\(query): \(h.document.id)")
      }
    }
    #expect(compared >= 40, "too few hits to compare")
  }

  /// Spellings are numbered by their bytes: the same bytes the same number, other bytes (other
  /// case, accents composed or not, lengths) others, also once the table has grown many times.
  @Test func spellingsAreNumberedByTheirBytes() {
    var table = SpellingNumbers()
    var reference: [[UInt8]: Int] = [:]
    var random = SeededGenerator(seed: 3)
    let pieces = ["a", "b", "\u{E9}", "e\u{301}", "E", "日", "🚀", "1", "-", "k8s"]
    for _ in 0..<40_000 {
      var word = (0..<Int.random(in: 0...5, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
      let found = word.withUTF8 { table.number(of: $0, hash: SpellingNumbers.hash($0)) }
      #expect(found == reference[Array(word.utf8)], "\(word.debugDescription)")
      if found == nil {
        let n = reference.count
        reference[Array(word.utf8)] = n
        word.withUTF8 { table.add($0, hash: SpellingNumbers.hash($0), number: n) }
      }
    }
    #expect(reference.count > 10_000)
  }

  /// A query typed with decomposed accents finds what the composed one finds.
  @Test func decomposedQueriesFindWhatComposedOnesFind() throws {
    let index = try SearchIndex(corpus: try CorpusTests.buildBundled(), synonyms: try Self.synonyms())
    for query in ["sécurité plateforme", "observabilité", "\"ingénierie de plateforme\"", "l'IA générative"] {
      let composed = try index.search(query.precomposedStringWithCanonicalMapping, limit: 10)
      #expect(!composed.isEmpty, "\(query)")
      let decomposed = try index.search(query.decomposedStringWithCanonicalMapping, limit: 10)
      #expect(decomposed.map(\.document.id) == composed.map(\.document.id), "\(query)")
    }
  }

  @Test func theBundledCorpusGivesTheBruteForceAnswers() throws {
    try Self.check(try CorpusStore.load(Fixtures.data.appendingPathComponent("corpus.json").path) { Fixtures.catalog })
  }

  @Test(.enabled(if: Fixtures.hasDevReports)) func theDevReportsGiveTheBruteForceAnswers() throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: Fixtures.devReports.path).filter { !$0.hasSuffix(".tsv") }.sorted()
    let parsed = try files.map { try Fixtures.parser.parse(fileAt: Fixtures.devReports.appendingPathComponent($0).path, displayPath: $0) }
    try Self.check(CorpusBuilder.build(parsed, catalog: Fixtures.catalog))
  }

  /// Texts long enough for many checkpoints, with matches in clusters and alone, far apart and
  /// close: reading only the groups of marks that can win, each from the checkpoint before it,
  /// gives the snippet of a scan of the whole text.
  @Test func snippetsOfTextsWithManyCheckpointsMatchTheFormerImplementation() throws {
    let index = try SearchIndex(corpus: Corpus(), synonyms: Synonyms(groups: []))
    var random = SeededGenerator(seed: 7)
    let words = ["kubernetes", "Sécurité", "plateforme", "a", "K8s", "🚀", "e\u{301}té", "données", "x", "OpenTelemetry",
      "cluster", String(repeating: "w", count: 150), "naïve"]
    let separators = [" ", " ", " ", ", ", ". ", "\n", "\r\n", ": "]
    for round in 0..<40 {
      var text = ""
      for _ in 0..<(3_000 + round * 400) {
        text += words[Int(random.next() % UInt64(words.count))] + separators[Int(random.next() % UInt64(separators.count))]
      }
      let tokenCount = Tokenizer.tokens(text).count
      var matches: [(start: Int, length: Int, clause: Int)] = []
      for _ in 0..<(1 + Int(random.next() % 12)) {
        // A cluster: a few matches within a window or two of each other, half of them just
        // after a checkpoint (the scan must start at an earlier one).
        let spacing = SearchSectionsWriter.checkpointSpacing
        let center = random.next() % 2 == 0
          ? Int(random.next() % UInt64(tokenCount))
          : min(tokenCount - 1, spacing * (1 + Int(random.next() % UInt64(max(1, tokenCount / spacing)))) + Int(random.next() % 8))
        for _ in 0..<(1 + Int(random.next() % 4)) {
          let start = min(tokenCount - 1, center + Int(random.next() % 20))
          matches.append((start, min(1 + Int(random.next() % 2), tokenCount - start), Int(random.next() % 3)))
        }
      }
      let got = index.snippet(text, matches: matches, places: .max)
      let expected = SearchIndexTests.referenceSnippet(text, matches: matches)
      #expect(got.map(\.0) == expected.map(\.0) && got.map(\.1) == expected.map(\.1), "round \(round): \(got.map(\.0)) vs \(expected.map(\.0))")
    }
  }

  /// A talk seen in hundreds of reports: the same paragraph again and again, the query's word
  /// twice in it but never twice in one window. Every copy could hold a better window than the
  /// first, so only a few places are read; the first copy's window is still the one shown.
  @Test func aTextRepeatedHundredsOfTimesShowsItsFirstWindow() throws {
    let index = try SearchIndex(corpus: Corpus(), synonyms: Synonyms(groups: []))
    // ~50 words and ~300 characters apart: within the 71 words a window could hold, never within 140 characters.
    let paragraph = "The upgrade story of the morning went through node pools, drains and budgets, and then "
      + "the Kubernetes control plane itself, which was the easy part. The rest of the talk was about surge "
      + "settings, dashboards and the two weeks the whole team spent watching them.\n"
    let text = String(repeating: paragraph, count: 400)
    let words = Tokenizer.tokens(text)
    let matches = words.indices.filter { words[$0].folded == "kubernetes" }.map { (start: $0, length: 1, clause: 0) }
    #expect(matches.count == 400)
    let expected = SearchIndexTests.referenceSnippet(text, matches: matches)
    let got = index.snippet(text, matches: matches)
    #expect(got.map(\.0) == expected.map(\.0) && got.map(\.1) == expected.map(\.1))
  }

  @Test func aPhraseNeedsItsWordsInOrder() throws {
    let corpus = try CorpusStore.load(Fixtures.data.appendingPathComponent("corpus.json").path) { Fixtures.catalog }
    let index = try SearchIndex(corpus: corpus, synonyms: Synonyms(groups: []))
    let phrase = try index.search("\"resource allocation\"")
    let reversed = try index.search("\"allocation resource\"")
    #expect(!phrase.isEmpty)
    #expect(reversed.isEmpty)
  }

  /// Long texts with random matches: the snippet that scans only around the matches gives the
  /// pieces the former one, which measured every word of the text, gave.
  @Test func snippetsOfLongTextsMatchTheFormerImplementation() throws {
    let index = try SearchIndex(corpus: Corpus(), synonyms: Synonyms(groups: []))
    var random = SeededGenerator(seed: 42)
    let words = [String(repeating: "long", count: 40), "kubernetes", "Sécurité", "plateforme", "l’observabilité", "a", "K8s", "🚀", "👩‍💻", "e\u{301}té", "日本",
      "x", "OpenTelemetry", "—", "«", "»", "données", "Ελληνικά", "naïve", "über"]
    let separators = [" ", " ", " ", ", ", ". ", "\n", "\r\n", ": ", " • ", "! ", "  "]
    for round in 0..<300 {
      var text = ""
      let length = [0, 1, 5, 40, 200, 2_000][round % 6]
      for _ in 0..<length {
        text += words[Int(random.next() % UInt64(words.count))] + separators[Int(random.next() % UInt64(separators.count))]
      }
      let tokenCount = Tokenizer.tokens(text).count
      var matches: [(start: Int, length: Int, clause: Int)] = []
      if tokenCount > 0 {
        for _ in 0..<Int(random.next() % 6) {
          let start = Int(random.next() % UInt64(tokenCount))
          matches.append((start, min(1 + Int(random.next() % 3), tokenCount - start), Int(random.next() % 3)))
        }
      }
      let got = index.snippet(text, matches: matches)
      let expected = SearchIndexTests.referenceSnippet(text, matches: matches)
      #expect(got.map(\.0) == expected.map(\.0) && got.map(\.1) == expected.map(\.1), "round \(round): \(got.map(\.0)) vs \(expected.map(\.0)) matches \(matches)")
    }
  }
}
