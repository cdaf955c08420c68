import Foundation
import Testing

/// The program in the commands: `sessions`, `schedule import`, and linked talks in `talks`.
@Suite struct SessionsCommandTests {
  @Test func coveredSessionsOfAnEditionComeWithTheirReports() throws {
    let run = Run.kubecon(["sessions", "--year", "2025", "--region", "EU", "--covered", "--json"])
    #expect(run.code == 0)
    let rows = try #require(try run.json() as? [[String: Any]])
    #expect(!rows.isEmpty)
    #expect(rows.allSatisfy { ($0["reports"] as? [String])?.isEmpty == false && $0["edition"] as? String == "eu-2025" })
    let counts = rows.compactMap { ($0["reports"] as? [String])?.count }
    #expect(counts == counts.sorted(by: >))
    let dra = try #require(rows.first { ($0["title"] as? String)?.hasPrefix("More Nodes, More Problems") == true })
    #expect((dra["url"] as? String)?.hasPrefix("https://kccnceu2025.sched.com/event/") == true)
    #expect((dra["speakers"] as? [[String: Any]])?.compactMap { $0["organization"] as? String } == ["Google", "Google"])
  }

  @Test func theTableNamesTheEditionAndCount() {
    let run = Run.kubecon(["sessions", "--year", "2024", "--region", "eu", "--covered"])
    #expect(run.code == 0)
    #expect(run.out.hasPrefix("EDITION"))
    #expect(run.out.contains("A 10-year Detour"))
    #expect(run.out.hasSuffix("sessions\n") || run.out.hasSuffix("session\n"))
  }

  @Test func badFiltersAreErrors() {
    let region = Run.kubecon(["sessions", "--region", "Mars"])
    #expect(region.code == 64 && region.err.contains("unknown region 'Mars'") && region.out.isEmpty)
    let year = Run.kubecon(["sessions", "--year", "2019"])
    #expect(year.code == 1 && year.err.contains("no edition with a program"))
    let json = Run.kubecon(["sessions", "--year", "2019", "--json"])
    #expect(json.code == 1)
    #expect((try? json.json() as? [String: Any])?["error"] as? String == "failed")
  }

  @Test func sessionsByThemeAreAboutIt() throws {
    let run = Run.kubecon(["sessions", "--year", "2025", "--region", "EU", "--theme", "observability", "--json"])
    #expect(run.code == 0)
    let rows = try #require(try run.json() as? [[String: Any]])
    #expect(!rows.isEmpty)
    #expect(rows.contains { ($0["title"] as? String)?.contains("Observability") == true })
    #expect(!rows.contains { ($0["kind"] as? String) == "logistics" })
    let all = try #require(try Run.kubecon(["sessions", "--year", "2025", "--region", "EU", "--json"]).json() as? [[String: Any]])
    #expect(rows.count < all.count / 2)
    let bad = Run.kubecon(["sessions", "--theme", "observabilty"])
    #expect(bad.code == 64 && bad.err.contains("observability"))
  }

  @Test func showTakesASessionIdWithWhatTheReportsSay() throws {
    let talks = try #require(try Run.kubecon(["talks", "--year", "2024", "--json"]).json() as? [[String: Any]])
    let keynote = try #require(talks.first { ($0["title"] as? String)?.contains("10-year Detour") == true })
    let id = try #require((keynote["session"] as? [String: Any])?["id"] as? String)
    let run = Run.kubecon(["show", id, "--json"])
    #expect(run.code == 0)
    let out = try #require(try run.json() as? [String: Any])
    #expect(out["type"] as? String == "session")
    #expect(out["talk"] as? String == keynote["id"] as? String)
    #expect((out["mentions"] as? [[String: Any]])?.isEmpty == false)
    #expect(((out["session"] as? [String: Any])?["speakers"] as? [[String: Any]])?.first?["name"] as? String == "Solomon Hykes")
    let human = Run.kubecon(["show", id])
    #expect(human.code == 0 && human.out.contains("page") && human.out.contains("sched.com") && human.out.contains("Reports"))
    // A linked talk shows its session.
    let talk = Run.kubecon(["show", try #require(keynote["id"] as? String)])
    #expect(talk.out.contains(id) && talk.out.contains("sched.com"))
  }

  @Test func searchListsSessionsNoReportCoversAfterTheReports() throws {
    let run = Run.kubecon(["search", "dra", "--year", "2025", "--json"])
    #expect(run.code == 0)
    let hits = try #require(try run.json() as? [[String: Any]])
    let types = hits.compactMap { $0["type"] as? String }
    let firstSession = try #require(types.firstIndex(of: "session"))
    #expect(types[..<firstSession].allSatisfy { $0 != "session" } && types[firstSession...].allSatisfy { $0 == "session" })
    #expect(firstSession > 0)
    let sessions = hits[firstSession...]
    #expect(sessions.contains { ($0["title"] as? String)?.contains("Dynamic Resource Allocation") == true })
    #expect(sessions.allSatisfy { ($0["url"] as? String)?.contains("sched.com") == true && $0["report"] is NSNull })
    // The session the reports cover is their hit, not a session hit.
    #expect(!sessions.contains { ($0["title"] as? String)?.hasPrefix("More Nodes, More Problems") == true })
    let only = try #require(try Run.kubecon(["search", "dra", "--year", "2025", "--type", "session", "--json"]).json() as? [[String: Any]])
    #expect(!only.isEmpty && only.allSatisfy { $0["type"] as? String == "session" })
    let talksOnly = try #require(try Run.kubecon(["search", "dra", "--type", "talk", "--json"]).json() as? [[String: Any]])
    #expect(!talksOnly.isEmpty && talksOnly.allSatisfy { $0["type"] as? String == "talk" })
    let bad = Run.kubecon(["search", "dra", "--type", "sesion"])
    #expect(bad.code == 64 && bad.err.contains("session"))
  }

  @Test func talksCarryTheirSession() throws {
    let run = Run.kubecon(["talks", "--year", "2024", "--json"])
    let talks = try #require(try run.json() as? [[String: Any]])
    let keynote = try #require(talks.first { ($0["title"] as? String)?.contains("10-year Detour") == true })
    #expect(keynote["titleSource"] as? String == "schedule")
    #expect((keynote["session"] as? [String: Any])?["kind"] as? String == "keynote")
    #expect(talks.allSatisfy { $0.keys.contains("session") })
  }

  @Test func importWritesAnEditionOnceAndWarnsByLine() throws {
    let dir = try TempDir.make()
    defer { try? FileManager.default.removeItem(at: dir) }
    let tsv = dir.appendingPathComponent("program.tsv")
    try ("edition\tyear\tregion\tcity\tstart\tend\ttrack\turl\tname\n"
      + "kccnceu2024\t2024\tEU\tParis\t2024-03-19\t2024-03-22\tSecurity\thttps://kccnceu2024.sched.com/event/1Ab/x\tA Talk - Jane Doe, Acme\n"
      + "kccnceu2024\t2024\n").write(to: tsv, atomically: true, encoding: .utf8)
    let out = dir.appendingPathComponent("schedules").path
    let first = Run.kubecon(["schedule", "import", tsv.path, "--out", out])
    #expect(first.code == 0)
    #expect(first.err.contains("program.tsv:3:"))
    #expect(first.out.contains("eu-2024") && first.out.contains("1 new"))
    let bytes = try Data(contentsOf: URL(fileURLWithPath: out + "/eu-2024.json"))
    let second = Run.kubecon(["schedule", "import", tsv.path, "--out", out, "--json"])
    #expect(second.code == 0)
    #expect(try Data(contentsOf: URL(fileURLWithPath: out + "/eu-2024.json")) == bytes)
    let summary = try #require(try second.json() as? [String: Any])
    #expect((summary["editions"] as? [[String: Any]])?.first?["added"] as? Int == 0)
  }

  @Test func anUnreadableProgramWritesNothing() throws {
    let dir = try TempDir.make()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("schedules").path
    let run = Run.kubecon(["schedule", "import", dir.appendingPathComponent("missing.ics").path, "--out", out])
    #expect(run.code == 1 && run.err.contains("missing.ics"))
    #expect(!FileManager.default.fileExists(atPath: out))
    let action = Run.kubecon(["schedule", "imprt", "x.tsv"])
    #expect(action.code == 64 && action.err.contains("did you mean 'import'"))
  }
}
