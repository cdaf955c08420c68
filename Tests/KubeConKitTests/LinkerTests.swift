import Foundation
import Testing
@testable import KubeConKit

@Suite struct LinkerTests {
  /// Work spread over the cores comes back whole and in order, for short lists and long ones.
  @Test func parallelMapKeepsTheOrder() {
    for n in [0, 1, 63, 64, 65, 1000, 1001] {
      let items = Array(0..<n)
      #expect(parallelMap(items) { $0 * 3 + 1 } == items.map { $0 * 3 + 1 }, "\(n)")
    }
  }

  /// Talks compared across a translation by numbered speakers and projects score what comparing
  /// the sets of names scores, and never more than 1.6 less twice their distance (pairs further
  /// apart are not scored).
  @Test func numberedShapesScoreAsSetsOfNames() {
    var random = SeededGenerator(seed: 11)
    let names = ["Ann Lee", "ann lee", "Ánn Lée", "Bob", "Chloé Martin", "Dan", "Eve", "Zoë"]
    let projects = ["Argo", "Cilium", "Kubernetes", "OpenTelemetry", "Prometheus"]
    func talk() -> Talk {
      Talk(
        id: "t", title: "T", titleSource: .stated, kind: [.session, .keynote][Int(random.next() % 2)], edition: nil,
        speakers: (0..<Int(random.next() % 4)).map { _ in SpeakerRef(name: names[Int(random.next() % UInt64(names.count))]) },
        projects: (0..<Int(random.next() % 4)).map { _ in projects[Int(random.next() % UInt64(projects.count))] },
        themes: [], reports: [], mentions: [], text: "")
    }
    var numbering: [String: Int] = [:]
    for _ in 0..<500 {
      let a = talk()
      let b = talk()
      let (sa, sb) = (Linker.TalkShape(a, numbering: &numbering), Linker.TalkShape(b, numbering: &numbering))
      let names = (Set(a.speakers.map { Folding.fold($0.name) }), Set(b.speakers.map { Folding.fold($0.name) }))
      #expect(Linker.jaccard(sa.speakers, sb.speakers) == setJaccard(names.0, names.1))
      #expect(Linker.jaccard(sa.projects, sb.projects) == setJaccard(Set(a.projects), Set(b.projects)))
      let position = (Double(random.next() % 10) / 10, Double(random.next() % 10) / 10)
      // The former computation, in its order.
      var expected = 0.0
      expected += names.0.isEmpty && names.1.isEmpty ? 0.3 : setJaccard(names.0, names.1)
      expected += 0.5 * setJaccard(Set(a.projects), Set(b.projects))
      expected += a.kind == b.kind ? 0.1 : 0
      expected -= 2 * abs(position.0 - position.1)
      #expect(Linker.similarity(sa, sb, positionA: position.0, positionB: position.1) == expected)
      #expect(expected <= 1.6 - 2 * abs(position.0 - position.1) + 1e-9)
    }
  }

  /// The best match of a talk, looked for outwards from its place, is the one every talk of the
  /// other report scored gives (the first of equals), for lists of any lengths.
  @Test func bestMatchesAreThoseOfScoringEveryTalk() {
    var random = SeededGenerator(seed: 12)
    func shapes() -> [Linker.TalkShape] {
      var numbering: [String: Int] = [:]
      return (0..<random.below(14)).map { _ in
        let talk = Talk(
          id: "t", title: "T", titleSource: .stated, kind: [.session, .keynote][random.below(2)], edition: nil,
          speakers: (0..<random.below(3)).map { _ in SpeakerRef(name: random.pick(["Ann", "Bob", "Eve"])) },
          projects: (0..<random.below(3)).map { _ in random.pick(["Argo", "Cilium", "Helm"]) },
          themes: [], reports: [], mentions: [], text: "")
        return Linker.TalkShape(talk, numbering: &numbering)
      }
    }
    for _ in 0..<3000 {
      let (ta, tb) = (shapes(), shapes())
      for i in ta.indices {
        // The former search: every talk, in order.
        var best: (Int, Double)? = nil
        let positionA = Double(i) / Double(max(ta.count, 1))
        for j in tb.indices {
          let positionB = Double(j) / Double(max(tb.count, 1))
          let s = Linker.similarity(ta[i], tb[j], positionA: positionA, positionB: positionB)
          if s > (best?.1 ?? 0.6) { best = (j, s) }
        }
        #expect(Linker.bestMatch(i, ta, tb) == best?.0, "\(i) of \(ta.count), \(tb.count)")
      }
    }
  }

  /// A report of EU 2025 on Argo and Cilium, in `language`, whose text is `numbers`.
  private func report(_ id: String, _ language: String, _ numbers: String) -> ParsedReport {
    ParsedReport(report: Report(
      id: id, file: id + ".md", title: id, language: language, date: nil, author: nil, organization: nil,
      edition: EditionRef(id: "eu-2025", year: 2025, city: "London", region: "EU"), projects: ["Argo", "Cilium"],
      sections: [Section(id: "s", heading: nil, level: 1, line: 1, text: numbers)]))
  }

  /// Two reports are translations when their fingerprints (projects, speakers, numbers) overlap
  /// by half: compared as numbered lists, as sets of strings were.
  @Test func translationsNeedHalfTheirFingerprintsInCommon() throws {
    // Fingerprints: {Argo, Cilium, 10, 20, 30} and {Argo, Cilium, 10, 40, 50}: 3 of 7 in common.
    let far = [report("a", "fr", "10 20 30"), report("b", "en", "10 40 50")]
    #expect(Linker.translations(far).isEmpty)
    // {Argo, Cilium, 10, 20, 30} and {Argo, Cilium, 10, 20, 50}: 4 of 6.
    let near = [report("a", "fr", "10 20 30"), report("b", "en", "20 50 10")]
    #expect(Linker.translations(near).map { [$0.0, $0.1] } == [[0, 1]])
  }

  /// A report has at most one translation in each language: the closest (then the first). A
  /// post copied several times is not the translation of every copy of its translation.
  @Test func aReportHasOneTranslationByLanguage() throws {
    // b is nearer c (all in common) than a (4 of 6); d, a copy of c, is left without one.
    let reports = [
      report("a", "fr", "10 20 30"), report("b", "en", "20 50 10"), report("c", "fr", "10 20 50"),
      report("d", "fr", "10 20 50"), report("e", "de", "10 20 50"),
    ]
    let pairs = Linker.translations(reports).map { [$0.0, $0.1] }
    // c, the first of b's equals, is b's French translation and e's; b and e are each other's.
    #expect(pairs == [[1, 2], [1, 4], [2, 4]])
    // Equals are taken in order, whatever order they come in.
    let scored: [(pair: (Int, Int), score: Double)] = [((3, 1), 1), ((2, 1), 1), ((0, 1), 1)]
    #expect(Linker.oneByLanguage(scored) { ["fr", "en", "fr", "fr"][$0] }.map { [$0.0, $0.1] } == [[0, 1]])
  }
}

extension LinkerTests {
  /// Many translations are compared on every core: the same talks come out as one by one.
  @Test func talksOfManyTranslationsAreTheSameAsOfOne() throws {
    let parsed = try FileManager.default.contentsOfDirectory(atPath: Fixtures.reports.path)
      .filter { $0.hasSuffix(".md") || $0.hasSuffix(".txt") }.filter { !$0.lowercased().hasPrefix("readme") }.sorted()
      .map { try Fixtures.parser.parse(fileAt: Fixtures.reports.appendingPathComponent($0).path) }
    let translations = Linker.translations(parsed)
    try #require(!translations.isEmpty)
    func groups(_ pairs: [(Int, Int)]) -> [[String]] {
      Linker.sameTalks(parsed, translations: pairs).map { $0.map { "\($0.0)/\($0.1)" } }
    }
    let one = groups(translations)
    #expect(one.contains { $0.count > 1 })
    // Among many comparisons of a report with itself (which join nothing), on every core.
    let (a, b) = translations[0]
    for at in [0, 50, 120] {
      var many = Array(repeating: (a, a), count: 60) + Array(repeating: (b, b), count: 60)
      many.insert(contentsOf: translations, at: at)
      #expect(groups(many) == one, "\(at)")
    }
    #expect(groups(Array(repeating: (a, a), count: 60) + Array(repeating: (b, b), count: 60)) != one)
  }
}

/// The Jaccard index of two sets of strings, as the linker once computed it.
private func setJaccard(_ a: Set<String>, _ b: Set<String>) -> Double {
  let common = a.intersection(b).count
  let union = a.count + b.count - common
  return union == 0 ? 0 : Double(common) / Double(union)
}

extension LinkerTests {
  /// The numbers a translation is compared by are read at parse from the sections' words: they
  /// are those the linker reads from the sections' texts (as for a report of a corpus, which has
  /// no words). Random texts of numbers, words, accents and numerals that are letters.
  @Test func numbersReadFromWordsAreThoseReadFromTexts() {
    var random = SeededGenerator(seed: 45)
    let pieces = ["10", "2024", "7", "v1", "1a", "a1", "ⅫⅡ", "Ⅻ", "١٢", "é12", "12é", "KubeCon", "x", " ", " ", "\n", "\n\n", "## Titre 42\n", ".", ",", "-", "’"]
    for _ in 0..<500 {
      let text = (0..<random.below(40)).map { _ in random.pick(pieces) }.joined()
      let document = Document(text: text, file: "t.md")
      for section in Outline.sections(of: document) {
        #expect(Linker.numbers(in: section.tokens) == Linker.numbers(inText: section.text), "\(text.debugDescription)")
      }
    }
    for text in SharedTokensTests.reportTexts {
      let sections = Outline.sections(of: Document(text: text, file: "r.md"))
      #expect(sections.flatMap { Linker.numbers(in: $0.tokens) } == sections.flatMap { Linker.numbers(inText: $0.text) })
    }
  }

  /// A parsed report and the same report read back from a corpus have the same fingerprint.
  @Test func parsedAndStoredReportsHaveOneFingerprint() throws {
    let parsed = try FileManager.default.contentsOfDirectory(atPath: Fixtures.reports.path)
      .filter { $0.hasSuffix(".md") || $0.hasSuffix(".txt") }.filter { !$0.lowercased().hasPrefix("readme") }.sorted()
      .map { try Fixtures.parser.parse(fileAt: Fixtures.reports.appendingPathComponent($0).path) }
    for p in parsed {
      #expect(p.numbers != nil)
      #expect(Linker.fingerprint(p) == Linker.fingerprint(ParsedReport(report: p.report)))
      #expect(Linker.fingerprint(p).contains { $0.hasPrefix("n:") })
    }
  }
}
