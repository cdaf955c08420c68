import Foundation
import Testing

/// Golden output of every query command on the bundled corpus, in `Snapshots/`.
/// Re-record after an intended change with `KUBECON_RECORD=1 swift test --filter SnapshotTests`.
@Suite struct SnapshotTests {
  static let cases: [(String, [String])] = [
    ("search-dra", ["search", "dra", "--limit", "3"]),
    ("search-observabilite-json", ["search", "observabilité", "--limit", "3", "--json"]),
    ("talks-theme-observability", ["talks", "--theme", "observability"]),
    ("speakers", ["speakers"]),
    ("projects-graduated", ["projects", "--maturity", "graduated"]),
    ("themes", ["themes"]),
    ("reports", ["reports"]),
    ("show-talk", ["show", "eu-2025-beyond-security-leveraging-opa-for-finops-in-kubernetes"]),
    ("diff-2024-2025", ["diff", "2024", "2025"]),
  ]

  @Test(arguments: cases.map(\.0))
  func outputMatchesTheSnapshot(name: String) throws {
    let args = try #require(Self.cases.first { $0.0 == name }?.1)
    let run = Run.kubecon(args)
    #expect(run.code == 0)
    let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots/\(name).txt")
    if ProcessInfo.processInfo.environment["KUBECON_RECORD"] != nil {
      try Data(run.out.utf8).write(to: file)
      return
    }
    let expected = try String(contentsOf: file, encoding: .utf8)
    #expect(run.out == expected, "\(name): output differs from Snapshots/\(name).txt (re-record with KUBECON_RECORD=1)")
  }
}
