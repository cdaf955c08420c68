import Foundation
import Testing
@testable import KubeConKit

@Suite struct CorpusEditorTests {
  static let bundled: Corpus = {
    do { return try CorpusStore.load(Fixtures.data.appendingPathComponent("corpus.json").path) { Fixtures.catalog } } catch { fatalError("\(error)") }
  }()

  @Test func theCorpusIsRebuiltFromItsReportsAsParsed() throws {
    let rebuilt = CorpusBuilder.build(CorpusEditorTests.bundled.parsedReports, catalog: Fixtures.catalog)
    #expect(CorpusStore.encode(rebuilt) == CorpusStore.encode(CorpusEditorTests.bundled))
  }

  @Test func everySeedRemovedThenAddedBackGivesTheSameCorpus() throws {
    let original = CorpusStore.encode(CorpusEditorTests.bundled)
    for report in CorpusEditorTests.bundled.reports {
      let without = try CorpusEditor.remove([report.id], from: CorpusEditorTests.bundled, catalog: Fixtures.catalog)
      #expect(without.reports.count == 4)
      #expect(!without.talks.contains { $0.reports.contains(report.id) })
      let back = CorpusEditor.add([ParsedReport(unlinking: report)], to: without, catalog: Fixtures.catalog)
      #expect(back.outcomes == [.added(id: report.id)])
      #expect(CorpusStore.encode(back.corpus) == original, "\(report.id)")
    }
  }

  @Test func translationsAreUnlinkedWhenOneSideGoes() throws {
    let without = try CorpusEditor.remove(["fr-sokube-kubecon-eu-2025-london"], from: CorpusEditorTests.bundled, catalog: Fixtures.catalog)
    let en = try #require(without.reports.first { $0.id == "en-sokube-kubecon-eu-2025-london" })
    #expect(en.translations.isEmpty)
  }

  @Test func anIdAlreadyUsedByAnotherFileGetsASuffix() throws {
    var parsed = try Fixtures.parse("KubeCon Europe 2025 à Londres : un compte rendu avec Kubernetes et Cilium partout.", file: "/x/fr-arte-kubecon-eu-2024-paris.md")
    parsed.report.id = "fr-arte-kubecon-eu-2024-paris"
    let result = CorpusEditor.add([ParsedReport(report: parsed.report)], to: CorpusEditorTests.bundled, catalog: Fixtures.catalog)
    #expect(result.outcomes == [.added(id: "fr-arte-kubecon-eu-2024-paris-2")])
    #expect(result.corpus.reports.count == 6)
  }
}
