import Foundation
import Testing
@testable import KubeConCLI
@testable import KubeConKit

/// How a hit names the other reports that present it.
@Suite struct SearchOutputTests {
  static func document(alsoIn: [String], languages: [String]) -> SearchDocument {
    SearchDocument(
      kind: .talk, id: "t", report: "r0", year: 2025, languages: ["en"], title: "T", text: "", themes: [],
      alsoIn: alsoIn, alsoInLanguages: languages, edition: "EU 2025 London")
  }

  @Test func aTranslationIsNamedByItsLanguage() {
    #expect(SearchCommand.alsoIn(Self.document(alsoIn: [], languages: [])) == nil)
    #expect(SearchCommand.alsoIn(Self.document(alsoIn: ["r1"], languages: ["fr"])) == "fr")
    #expect(SearchCommand.alsoIn(Self.document(alsoIn: ["r1", "r2"], languages: [])) == "r1, r2")
  }

  /// A talk seen in hundreds of reports gets one short line, not a language per report.
  @Test func manyReportsAreCountedWithTheirLanguagesOnce() {
    let reports = (1...285).map { "r\($0)" }
    let languages = reports.indices.map { $0 % 2 == 0 ? "fr" : "en" }
    #expect(SearchCommand.alsoIn(Self.document(alsoIn: reports, languages: languages)) == "285 other reports (en, fr)")
    #expect(SearchCommand.alsoIn(Self.document(alsoIn: Array(reports.prefix(4)), languages: [])) == "4 other reports")
  }
}

/// A synonyms file that cannot be read is named with what is wrong, and the search goes on without it.
@Suite struct BrokenSynonymsTests {
  @Test func aBrokenSynonymsFileIsAWarningThatNamesTheFault() throws {
    let data = FileManager.default.temporaryDirectory.appendingPathComponent("synonyms-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: data) }
    try FileManager.default.copyItem(at: Run.root.appendingPathComponent("Data"), to: data)
    try Data(#"{"groups": [["dra", 1]]}"#.utf8).write(to: data.appendingPathComponent("synonyms.json"))
    let env = ["HOME": "/nonexistent-home-for-tests", "KUBECON_DATA": data.path]
    let broken = Run.kubecon(["search", "dra", "--corpus", Run.bundled], environment: env)
    #expect(broken.code == 0)
    #expect(broken.err.contains("synonyms.json") && broken.err.contains("expected a string") && broken.err.contains("without synonyms"))
    try FileManager.default.removeItem(at: data.appendingPathComponent("synonyms.json"))
    let missing = Run.kubecon(["search", "dra", "--corpus", Run.bundled], environment: env)
    #expect(missing.err.contains("synonyms.json: no such file"))
  }
}
