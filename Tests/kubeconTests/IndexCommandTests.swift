import Foundation
import Testing
@testable import KubeConKit

/// Queries read the index beside the corpus; a damaged index is named on stderr, rebuilt, and the
/// command still answers as from a sound one.
@Suite struct IndexCommandTests {
  static func corpusCopy() throws -> (dir: URL, corpus: String) {
    let dir = try TempDir.make()
    let corpus = dir.appendingPathComponent("corpus.json").path
    try FileManager.default.copyItem(atPath: Run.bundled, toPath: corpus)
    return (dir, corpus)
  }

  static func damage(_ path: String, at offset: Int) throws {
    var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    bytes[offset] ^= 0x5A
    try bytes.write(to: URL(fileURLWithPath: path))
  }

  @Test(arguments: [["talks", "--json"], ["search", "dra", "--json"], ["show", "dra", "--json"], ["diff", "2024", "2025", "--json"]])
  func aDamagedIndexIsRebuiltAndTheCommandAnswers(args: [String]) throws {
    let (dir, corpus) = try Self.corpusCopy()
    defer { try? FileManager.default.removeItem(at: dir) }
    let sound = Run.kubecon(args + ["--corpus", corpus])
    #expect(sound.code == 0 && sound.err.isEmpty)
    // One byte in the middle of every section but the per-record ones, which the command may not read.
    let file = try CorpusIndex.open(corpusAt: corpus, catalog: { try Catalog.load(from: URL(fileURLWithPath: Run.bundled).deletingLastPathComponent()) }).file
    for section in [IndexFile.Section.talks, .reports, .themes, .documentStats] {
      let range = file.range(of: section)
      try Self.damage(corpus + ".idx", at: range.lowerBound + range.count / 2)
    }
    let repaired = Run.kubecon(args + ["--corpus", corpus])
    #expect(repaired.code == 0)
    #expect(repaired.out == sound.out)
    #expect(repaired.err.hasPrefix("warning: \(corpus).idx: damaged index ("))
    let again = Run.kubecon(args + ["--corpus", corpus])
    #expect(again.err.isEmpty && again.out == sound.out)
  }

  @Test func anAddedReportIsFoundByTheNextSearch() throws {
    let (dir, corpus) = try Self.corpusCopy()
    defer { try? FileManager.default.removeItem(at: dir) }
    #expect(Run.kubecon(["search", "zanzibarquux", "--corpus", corpus]).out.hasPrefix("No results"))
    let report = dir.appendingPathComponent("new.md").path
    try "# KubeCon EU 2025 London\n\n## Zanzibarquux at scale\n\nA talk about zanzibarquux and Kubernetes.\n"
      .write(toFile: report, atomically: true, encoding: .utf8)
    #expect(Run.kubecon(["add", "--corpus", corpus, report]).code == 0)
    let found = Run.kubecon(["search", "zanzibarquux", "--corpus", corpus, "--json"])
    #expect(found.code == 0)
    #expect(found.out.contains("Zanzibarquux at scale"))
  }
}
