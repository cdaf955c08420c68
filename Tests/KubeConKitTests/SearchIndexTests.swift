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
      // Snippets: the index marks matches from its positions, the reference from the text's terms.
      for h in hits {
        guard let doc = reference.docs.firstIndex(where: { $0.document.id == h.document.id }) else { continue }
        let terms = reference.bodyTerms[doc]
        var matches: [(start: Int, length: Int, clause: Int)] = []
        for (c, clause) in clauses.enumerated() {
          for alt in clause.alternatives where !alt.isEmpty && terms.count >= alt.count {
            for i in 0...(terms.count - alt.count) where Array(terms[i..<(i + alt.count)]) == alt { matches.append((i, alt.count, c)) }
          }
        }
        let expectedSnippet = index.snippet(reference.docs[doc].document.text, matches: matches)
        #expect(h.snippet.map(\.0) == expectedSnippet.map(\.0) && h.snippet.map(\.1) == expectedSnippet.map(\.1), "\(query): \(h.document.id)")
      }
    }
    #expect(compared >= 40, "too few hits to compare")
  }

  @Test func theBundledCorpusGivesTheBruteForceAnswers() throws {
    try Self.check(try CorpusStore.load(Fixtures.data.appendingPathComponent("corpus.json").path))
  }

  @Test(.enabled(if: Fixtures.hasDevReports)) func theDevReportsGiveTheBruteForceAnswers() throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: Fixtures.devReports.path).filter { !$0.hasSuffix(".tsv") }.sorted()
    let parsed = try files.map { try Fixtures.parser.parse(fileAt: Fixtures.devReports.appendingPathComponent($0).path, displayPath: $0) }
    try Self.check(CorpusBuilder.build(parsed, catalog: Fixtures.catalog))
  }

  @Test func aPhraseNeedsItsWordsInOrder() throws {
    let corpus = try CorpusStore.load(Fixtures.data.appendingPathComponent("corpus.json").path)
    let index = try SearchIndex(corpus: corpus, synonyms: Synonyms(groups: []))
    let phrase = try index.search("\"resource allocation\"")
    let reversed = try index.search("\"allocation resource\"")
    #expect(!phrase.isEmpty)
    #expect(reversed.isEmpty)
  }
}
