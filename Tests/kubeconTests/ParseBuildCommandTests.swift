import Foundation
import Testing

@Suite struct ParseCommandTests {
  @Test func explainShowsEachDecisionWithItsEvidence() throws {
    let run = Run.kubecon(["parse", "Data/reports/en-sokube-kubecon-eu-2025-london.txt", "--explain"])
    #expect(run.code == 0)
    #expect(run.out.contains("why"))
    #expect(run.out.contains("a heading that groups things"))
    #expect(run.out.contains("+4 speakers after the title or a byline under it"))
    #expect(run.out.contains("session eu-2025-"))
    let json = Run.kubecon(["parse", "Data/reports/en-sokube-kubecon-eu-2025-london.txt", "--explain", "--json"])
    let report = try #require((try json.json() as? [[String: Any]])?.first)
    let notes = try #require(report["explanation"] as? [[String: Any]])
    let talks = try #require(report["talks"] as? [[String: Any]])
    #expect(notes.filter { $0["isTalk"] as? Bool == true }.count == talks.count)
    #expect(notes.contains { $0["isTalk"] as? Bool == false && ($0["evidence"] as? [String]) != nil })
    // Without --explain, no explanation key.
    let plain = try #require((try Run.kubecon(["parse", "Data/reports/en-sokube-kubecon-eu-2025-london.txt", "--json"]).json() as? [[String: Any]])?.first)
    #expect(plain["explanation"] == nil)
  }

  @Test func jsonCarriesTheContractFields() throws {
    let run = Run.kubecon(["parse", "Data/reports/fr-sokube-kubecon-eu-2025-london.txt", "--json"])
    #expect(run.code == 0)
    let array = try #require(try run.json() as? [[String: Any]])
    let r = try #require(array.first)
    for key in ["id", "file", "title", "language", "date", "author", "organization", "edition", "talks", "projects", "themes", "warnings"] {
      #expect(r.keys.contains(key), "missing \(key)")
    }
    #expect(r["file"] as? String == "Data/reports/fr-sokube-kubecon-eu-2025-london.txt")
    #expect(r["language"] as? String == "fr")
    let edition = try #require(r["edition"] as? [String: Any])
    #expect(edition["year"] as? Int == 2025 && edition["city"] as? String == "London" && edition["region"] as? String == "EU")
    let talks = try #require(r["talks"] as? [[String: Any]])
    let dra = try #require(talks.first { ($0["title"] as? String)?.hasPrefix("More Nodes") == true })
    // Linked to its session of the EU 2025 program: the official title, its Sched page, both speakers.
    #expect(dra["titleSource"] as? String == "schedule")
    #expect(dra["kind"] as? String == "session")
    let session = try #require(dra["session"] as? [String: Any])
    #expect(session["edition"] as? String == "eu-2025")
    #expect((session["url"] as? String)?.hasPrefix("https://kccnceu2025.sched.com/event/") == true)
    let sessionSpeakers = try #require(session["speakers"] as? [[String: Any]])
    #expect(sessionSpeakers.map { $0["organization"] as? String } == ["Google", "Google"])
    #expect(talks.allSatisfy { $0.keys.contains("session") && $0.keys.contains("reportTitle") })
    let speakers = try #require(dra["speakers"] as? [[String: Any]])
    #expect(speakers.map { $0["name"] as? String } == ["John Belamaric", "Morten Torkildsen"])
    #expect(speakers.map { $0["organization"] as? String } == ["Google", "Google"])
    #expect((dra["themes"] as? [String])?.contains("scheduling") == true)
  }

  @Test func humanSummaryNamesTheEdition() {
    let run = Run.kubecon(["parse", "Data/reports/fr-ippon-kubecon-eu-2025-london.txt"])
    #expect(run.code == 0)
    #expect(run.out.contains("KubeCon EU 2025, London"))
    #expect(run.out.contains("Starting and Scaling a Platform Engineering Team"))
  }

  @Test func missingFileIsAnErrorNamingIt() {
    let run = Run.kubecon(["parse", "nope.md"])
    #expect(run.code == 1)
    #expect(run.err == "Error: nope.md: no such file or directory\n")
    #expect(run.out.isEmpty)
  }

  @Test func binaryFileIsRefused() throws {
    let dir = try TempDir.make()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("x.md")
    try Data([0x00, 0x01, 0x02]).write(to: file)
    let run = Run.kubecon(["parse", file.path])
    #expect(run.code == 1)
    #expect(run.err.contains("not a text report: binary data"))
  }

  @Test func warningsNameFileAndLine() throws {
    let dir = try TempDir.make()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("w.md")
    try Data("---\ntitle: x\nNo closing front matter, a report about nothing at all.\n".utf8).write(to: file)
    let run = Run.kubecon(["parse", file.path])
    #expect(run.code == 0)
    #expect(run.err.contains("\(file.path):1: warning: front matter opened with '---' is never closed"))
  }
}

@Suite struct BuildCommandTests {
  @Test func buildsTheSeedsDeterministically() throws {
    let dir = try TempDir.make()
    defer { try? FileManager.default.removeItem(at: dir) }
    let a = dir.appendingPathComponent("a.json").path
    let b = dir.appendingPathComponent("b.json").path
    let first = Run.kubecon(["build", "--reports", "Data/reports", "--out", a])
    #expect(first.code == 0)
    #expect(first.out.contains("5 reports"))
    _ = Run.kubecon(["build", "--reports", "Data/reports", "--out", b])
    #expect(try Data(contentsOf: URL(fileURLWithPath: a)) == Data(contentsOf: URL(fileURLWithPath: b)))
    #expect(try Data(contentsOf: URL(fileURLWithPath: a)) == Data(contentsOf: URL(fileURLWithPath: Run.bundled)))
  }

  /// `a.md` and `a.txt` are two reports: two ids, and `show` finds each.
  @Test func reportsNamedAlikeGetIdsOfTheirOwn() throws {
    let dir = try TempDir.make()
    defer { try? FileManager.default.removeItem(at: dir) }
    let reports = dir.appendingPathComponent("reports")
    try FileManager.default.createDirectory(at: reports, withIntermediateDirectories: true)
    try "# KubeCon Paris 2024\n\nUn retour sur la KubeCon Europe 2024 à Paris.\n".write(to: reports.appendingPathComponent("a.md"), atomically: true, encoding: .utf8)
    try "KubeCon London 2025\n\nA look back at KubeCon Europe 2025 in London.\n".write(to: reports.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
    let out = dir.appendingPathComponent("c.json").path
    #expect(Run.kubecon(["build", "--reports", reports.path, "--out", out]).code == 0)
    let corpus = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as? [String: Any]
    let list = corpus?["reports"] as? [[String: Any]] ?? []
    #expect(list.compactMap { $0["id"] as? String } == ["a", "a-2"])
    #expect(list.compactMap { $0["file"] as? String } == ["a.md", "a.txt"])
    #expect(Run.kubecon(["show", "a-2", "--corpus", out, "--json"]).out.contains("a.txt"))
  }

  @Test func emptyFolderIsAnError() throws {
    let dir = try TempDir.make()
    defer { try? FileManager.default.removeItem(at: dir) }
    let run = Run.kubecon(["build", "--reports", dir.path, "--out", dir.appendingPathComponent("c.json").path])
    #expect(run.code == 1)
    #expect(run.err.contains("no reports found"))
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("c.json").path))
  }
}

@Suite struct GlobalBehaviourTests {
  @Test func helpUsesTheSwiftLayout() {
    let run = Run.kubecon(["parse", "--help"])
    #expect(run.code == 0)
    for section in ["OVERVIEW:", "USAGE: kubecon parse", "ARGUMENTS:", "OPTIONS:"] { #expect(run.out.contains(section)) }
    #expect(Run.kubecon(["--help"]).out.contains("SUBCOMMANDS:"))
  }

  @Test func unknownSubcommandSuggests() {
    let run = Run.kubecon(["parze"])
    #expect(run.code == 64)
    #expect(run.err.hasPrefix("Error: unknown subcommand 'parze'; did you mean 'parse'?"))
  }

  @Test func unknownOptionSuggests() {
    let run = Run.kubecon(["build", "--report", "x"])
    #expect(run.code == 64)
    #expect(run.err.hasPrefix("Error: unknown option '--report'; did you mean '--reports'?"))
  }

  @Test(arguments: ["completions", "build", "search", "parse"])
  func noColorIsAcceptedBeforeAnySubcommand(_ name: String) {
    let run = Run.kubecon(["--no-color", name, "--help"])
    #expect(run.code == 0, "\(run.err)")
    #expect(run.out.contains("--no-color"))
  }

  @Test func versionPrints() {
    #expect(Run.kubecon(["--version"]).out.hasPrefix("kubecon "))
  }

  @Test func missingCorpusSaysWhatWasTried() {
    let run = Run.kubecon(["reports", "--corpus", "/no/such/corpus.json"])
    #expect(run.code == 1)
    #expect(run.err.contains("/no/such/corpus.json"))
  }
}
