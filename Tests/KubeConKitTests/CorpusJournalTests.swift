import Foundation
import Testing
@testable import KubeConKit

/// Adding to a large corpus writes a record of its journal instead of the whole file; whatever
/// reads the corpus then sees exactly what rewriting the file would have given.
@Suite struct CorpusJournalTests {
  /// Every add goes to the journal; none does.
  static let journalAlways = CorpusJournal.Policy(minimumCorpusSize: 0, maximumFraction: 1)
  static let journalNever = CorpusJournal.Policy(minimumCorpusSize: .max, maximumFraction: 1)

  static func report(_ title: String, file: String) throws -> ParsedReport {
    var parsed = try Fixtures.parse(
      "# \(title)\n\n## \(title) at scale\n\nBy Ada Example from Initech: \(title) and Cilium at KubeCon Europe 2025 in London.\n",
      file: file)
    parsed.report.id = Slug.make(title, maxLength: 40)
    return parsed
  }

  /// What the corpus would be had each report been added to the file itself.
  static func expected(_ reports: [ParsedReport]) throws -> Data {
    CorpusStore.encode(CorpusEditor.add(reports, to: CorpusEditorTests.bundled, catalog: Fixtures.catalog).corpus)
  }

  static func load(_ path: String) throws -> Data { try CorpusStore.encode(CorpusStore.load(path) { Fixtures.catalog }) }

  @Test func addsGoToTheJournalAndReadsSeeThemAsIfTheFileHadBeenRewritten() throws {
    let (folder, corpus) = try CorpusIndexTests.copy()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let file = try Data(contentsOf: URL(fileURLWithPath: corpus))
    let a = try Self.report("Gateway API", file: "/in/a.md")
    let b = try Self.report("Envoy proxies", file: "/in/b.md")

    let first = try CorpusEditor.add([a], toCorpusAt: corpus, catalog: Fixtures.catalog, policy: Self.journalAlways)
    #expect(first.written == corpus + ".journal/00000001.json")
    #expect(first.resolved.map(\.outcome) == [.added(id: "gateway-api")])
    #expect(first.reportCount == 6)
    #expect(try Data(contentsOf: URL(fileURLWithPath: corpus)) == file)
    #expect(try Self.load(corpus) == Self.expected([a]))

    let second = try CorpusEditor.add([b, a], toCorpusAt: corpus, catalog: Fixtures.catalog, policy: Self.journalAlways)
    #expect(second.written == corpus + ".journal/00000002.json")
    #expect(second.resolved.map(\.outcome) == [.added(id: "envoy-proxies"), .unchanged(id: "gateway-api")])
    #expect(try Self.load(corpus) == Self.expected([a, b]))

    // Folded in: the file is what the adds would have written, and the journal is gone.
    let c = try Self.report("Kyverno policies", file: "/in/c.md")
    let third = try CorpusEditor.add([c], toCorpusAt: corpus, catalog: Fixtures.catalog, policy: Self.journalNever)
    #expect(third.written == corpus)
    #expect(third.reportCount == 8)
    #expect(try Data(contentsOf: URL(fileURLWithPath: corpus)) == Self.expected([a, b, c]))
    #expect(!FileManager.default.fileExists(atPath: corpus + ".journal"))
  }

  @Test func theIndexCoversTheJournalAndAddKnowsWhatTheLaterRecordsHold() throws {
    let (folder, corpus) = try CorpusIndexTests.copy()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let a = try Self.report("Gateway API", file: "/in/a.md")
    _ = try CorpusEditor.add([a], toCorpusAt: corpus, catalog: Fixtures.catalog, policy: Self.journalAlways)
    let index = try CorpusIndex.open(corpusAt: corpus, catalog: { Fixtures.catalog })
    #expect(index.rebuiltBecause == "missing")
    #expect(try index.reports().map(\.id).contains("gateway-api"))
    #expect(try CorpusIndex.open(corpusAt: corpus, catalog: { Fixtures.catalog }).rebuiltBecause == nil)

    // A second record: the index covers the first only, and says so.
    var changed = try Self.report("Gateway API", file: "/in/a.md")
    changed.report.contentHash = "other bytes"
    let b = try Self.report("Envoy proxies", file: "/in/b.md")
    let records = { CorpusJournal(corpus: corpus).records() }
    _ = try CorpusEditor.add([b], toCorpusAt: corpus, catalog: Fixtures.catalog, policy: Self.journalAlways)
    let (reports, covered) = try #require(CorpusIndex.reports(corpusAt: corpus, cacheFolder: nil, journal: records()))
    #expect(covered == 1 && reports.count == 6)
    // What only the uncovered record holds is known all the same.
    let again = try CorpusEditor.add([b, changed], toCorpusAt: corpus, catalog: Fixtures.catalog, policy: Self.journalAlways)
    #expect(again.resolved.map(\.outcome) == [.unchanged(id: "envoy-proxies"), .replaced(id: "gateway-api")])
    #expect(again.reportCount == 7)
    #expect(try Self.load(corpus) == Self.expected([a, b, changed]))
    #expect(try CorpusIndex.open(corpusAt: corpus, catalog: { Fixtures.catalog }).rebuiltBecause == "stale")

    // A record that is not what the index was made with: no index for add, which reads the corpus.
    let first = records()[0].path
    let bytes = try Data(contentsOf: URL(fileURLWithPath: first))
    try FileManager.default.removeItem(atPath: first)
    try bytes.write(to: URL(fileURLWithPath: first))
    #expect(CorpusIndex.reports(corpusAt: corpus, cacheFolder: nil, journal: records()).map(\.1) == nil)
  }

  @Test func aFoldWithAnIndexCoveringSomeRecordsHoldsThemAll() throws {
    let (folder, corpus) = try CorpusIndexTests.copy()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let a = try Self.report("Gateway API", file: "/in/a.md")
    let b = try Self.report("Envoy proxies", file: "/in/b.md")
    let c = try Self.report("Kyverno policies", file: "/in/c.md")
    _ = try CorpusEditor.add([a], toCorpusAt: corpus, catalog: Fixtures.catalog, policy: Self.journalAlways)
    _ = try CorpusIndex.open(corpusAt: corpus, catalog: { Fixtures.catalog })  // covers the first record
    _ = try CorpusEditor.add([b], toCorpusAt: corpus, catalog: Fixtures.catalog, policy: Self.journalAlways)
    _ = try CorpusEditor.add([c], toCorpusAt: corpus, catalog: Fixtures.catalog, policy: Self.journalNever)
    #expect(try Data(contentsOf: URL(fileURLWithPath: corpus)) == Self.expected([a, b, c]))
  }

  @Test func aSaveInterruptedBeforeTheJournalWasRemovedLosesAndRepeatsNothing() throws {
    let (folder, corpus) = try CorpusIndexTests.copy()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let a = try Self.report("Gateway API", file: "/in/a.md")
    let b = try Self.report("Envoy proxies", file: "/in/b.md")
    _ = try CorpusEditor.add([a], toCorpusAt: corpus, catalog: Fixtures.catalog, policy: Self.journalAlways)
    _ = try CorpusEditor.add([b], toCorpusAt: corpus, catalog: Fixtures.catalog, policy: Self.journalAlways)
    let journal = corpus + ".journal"
    try FileManager.default.copyItem(atPath: journal, toPath: folder + "/kept")
    try CorpusStore.save(try CorpusStore.load(corpus) { Fixtures.catalog }, to: corpus)
    #expect(!FileManager.default.fileExists(atPath: journal))
    try FileManager.default.moveItem(atPath: folder + "/kept", toPath: journal)
    #expect(try Self.load(corpus) == Self.expected([a, b]))
  }

  @Test func aDamagedRecordIsNamedAndARecordOfANewerKubeconRefused() throws {
    let (folder, corpus) = try CorpusIndexTests.copy()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    _ = try CorpusEditor.add([try Self.report("Gateway API", file: "/in/a.md")], toCorpusAt: corpus, catalog: Fixtures.catalog, policy: Self.journalAlways)
    let record = corpus + ".journal/00000001.json"
    let bytes = try Data(contentsOf: URL(fileURLWithPath: record))
    try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: record))
    #expect {
      _ = try CorpusStore.load(corpus) { Fixtures.catalog }
    } throws: { error in
      "\(error)".hasPrefix(record + ": corrupted corpus: invalid JSON (line ")
    }
    try Data(String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\"schemaVersion\" : 2", with: "\"schemaVersion\" : 9").utf8)
      .write(to: URL(fileURLWithPath: record))
    #expect(throws: KubeConError.newerSchema(record, found: 9, known: Corpus.currentSchemaVersion)) {
      _ = try CorpusIndex.open(corpusAt: corpus, catalog: { Fixtures.catalog })
    }
  }

  @Test func onlyRecordFilesAreRecordsAndTheyComeInOrder() throws {
    let (folder, corpus) = try CorpusIndexTests.copy()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let journal = corpus + ".journal"
    try FileManager.default.createDirectory(atPath: journal, withIntermediateDirectories: true)
    for name in ["00000010.json", "00000002.json", ".00000003.json.tmp-1-2", "notes.txt", "0000004.json"] {
      #expect(FileManager.default.createFile(atPath: journal + "/" + name, contents: Data()))
    }
    #expect(CorpusJournal(corpus: corpus).records().map(\.number) == [2, 10])
  }

  @Test func thePolicyFoldsTheJournalAtAFractionOfTheCorpus() {
    let policy = CorpusJournal.Policy(minimumCorpusSize: 1000, maximumFraction: 8)
    #expect(!policy.journals(adding: 10, to: 0, corpus: 999))
    #expect(policy.journals(adding: 10, to: 0, corpus: 1000))
    #expect(policy.journals(adding: 25, to: 100, corpus: 1000))
    #expect(!policy.journals(adding: 26, to: 100, corpus: 1000))
  }
}
