import Foundation
import Testing
@testable import KubeConCLI

/// Every table and view fits `COLUMNS` (or the terminal's width), and piped output without
/// `COLUMNS` keeps whole lines.
@Suite struct TerminalWidthTests {
  static let views: [[String]] = [
    ["talks"], ["reports"], ["speakers"], ["projects"], ["themes"], ["sessions", "--year", "2025"],
    ["diff", "2024", "2025"], ["show", "opentelemetry"], ["show", "en-sokube-kubecon-eu-2025-london"],
    ["show", "eu-2025-beyond-security-leveraging-opa-for-finops-in-kubernetes"], ["search", "dra"],
    ["parse", "Data/reports/fr-arte-kubecon-eu-2024-paris.md"], ["--help"], ["talks", "--help"], ["add", "--help"],
  ]

  @Test(arguments: [40, 60, 80, 200])
  func everyViewFitsTheWidth(width: Int) {
    for args in TerminalWidthTests.views {
      let run = Run.kubecon(args, environment: ["HOME": "/nonexistent-home-for-tests", "COLUMNS": String(width)])
      #expect(run.code == 0, "\(args)")
      let wide = run.out.split(separator: "\n").filter { Terminal.width(String($0)) > width }
      #expect(wide.isEmpty, "\(args) at \(width): \(wide.first ?? "")")
    }
  }

  @Test func aTerminalsOwnWidthCountsAndColourDoesNot() {
    let run = Run.kubecon(["diff", "2024", "2025"], terminal: true, width: 60)
    #expect(run.out.contains("\u{1B}["))
    #expect(run.out.split(separator: "\n").allSatisfy { Terminal.visibleWidth(String($0)) <= 60 })
  }

  @Test func pipedOutputKeepsWholeLines() {
    let run = Run.kubecon(["diff", "2024", "2025"])
    #expect(run.out.split(separator: "\n").contains { Terminal.width(String($0)) > 200 })
  }

  @Test func aTitleIsCutAndAListWraps() {
    let run = Run.kubecon(["talks"], environment: ["HOME": "/nonexistent-home-for-tests", "COLUMNS": "60"])
    let lines = run.out.split(separator: "\n").map(String.init)
    #expect(lines.contains { $0.contains("…") })
    // A speaker list goes on under its column rather than being cut.
    #expect(lines.contains { $0.hasPrefix(String(repeating: " ", count: 20)) })
  }

  @Test func wrappingKeepsWordsAndIndents() {
    #expect(Terminal.wrap("one two three four", to: 9) == ["one two", "three", "four"])
    #expect(Terminal.wrap("abcdefghij", to: 4) == ["abcd", "efgh", "ij"])
    #expect(Terminal.fit("  label     aaa bbb ccc ddd eee", to: 24) == ["  label     aaa bbb ccc", "            ddd eee"])
    // Too narrow for the value beside its label: under it.
    #expect(Terminal.fit("  label     aaa bbb ccc ddd eee", to: 16) == ["  label", "      aaa bbb", "      ccc ddd", "      eee"])
    #expect(Terminal.visibleWidth("\u{1B}[1mbold\u{1B}[0m") == 4)
  }
}
