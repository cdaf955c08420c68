import Foundation
import Testing

@Suite struct SearchCommandTests {
  func titles(_ args: [String]) throws -> [String] {
    let run = Run.kubecon(["search"] + args + ["--json"])
    #expect(run.code == 0, "\(run.err)")
    return try #require(try run.json() as? [[String: Any]]).compactMap { $0["title"] as? String }
  }

  @Test func draFindsTheDRATalksInBothLanguages() throws {
    // The session named after DRA, with its speakers, ranks above the keynote segment that
    // summarizes DRA in a shorter text (see SearchDocument.prior).
    let top = try titles(["dra", "--limit", "2", "--type", "talk"])
    #expect(top.first?.hasPrefix("More Nodes, More Problems") == true, "\(top)")
    #expect(top.last == "Scheduling and dynamic resource allocation")
    let french = try titles(["allocation", "dynamique", "de", "ressources", "--limit", "3"])
    #expect(french.contains { $0.hasPrefix("More Nodes, More Problems") || $0.hasPrefix("Scheduling and dynamic") })
  }

  @Test func frenchAndEnglishQueriesFindBothLanguages() throws {
    let fr = Run.kubecon(["search", "observabilité", "--lang", "en", "--json"])
    #expect(try #require(try fr.json() as? [Any]).count > 0)
    let en = Run.kubecon(["search", "observability", "--lang", "fr", "--json"])
    #expect(try #require(try en.json() as? [Any]).count > 0)
    #expect(try titles(["otel"]).contains("OpenTelemetry, the observability standard"))
  }

  @Test func jsonCarriesTheContractFields() throws {
    let run = Run.kubecon(["search", "opentelemetry", "--json", "--limit", "3"])
    let hits = try #require(try run.json() as? [[String: Any]])
    for key in ["type", "id", "report", "year", "title", "score", "snippet", "translations", "url"] {
      #expect(hits.allSatisfy { $0.keys.contains(key) }, "missing \(key)")
    }
    // The reports' hits by score, then the program's sessions by theirs.
    let reportHits = hits.filter { $0["type"] as? String != "session" }
    #expect(hits.prefix(reportHits.count).allSatisfy { $0["type"] as? String != "session" })
    let scores = reportHits.compactMap { $0["score"] as? Double }
    #expect(scores == scores.sorted(by: >))
    #expect(hits.contains { ($0["translations"] as? [String])?.isEmpty == false })
  }

  @Test func quotedPhrasesMatchAsPhrases() throws {
    let phrase = try titles(["\"supply chain\""])
    let words = try titles(["supply", "chain"])
    #expect(phrase.count <= words.count)
    #expect(!phrase.isEmpty)
  }

  @Test func highlightsPlainlyOffATerminalAndInColourOnOne() {
    let plain = Run.kubecon(["search", "kubeflow", "--limit", "1"])
    #expect(plain.out.contains("[Kubeflow]"))
    #expect(!plain.out.contains("\u{1B}["))
    let tty = Run.kubecon(["search", "kubeflow", "--limit", "1"], environment: ["HOME": "/nonexistent"], terminal: true, width: 100)
    #expect(tty.out.contains("\u{1B}["))
    let noColor = Run.kubecon(["search", "kubeflow", "--limit", "1"], environment: ["HOME": "/nonexistent", "NO_COLOR": "1"], terminal: true, width: 100)
    #expect(!noColor.out.contains("\u{1B}["))
  }

  @Test func noHitSaysSoAndSuggests() {
    let run = Run.kubecon(["search", "kubernetz"])
    #expect(run.code == 0)
    #expect(run.out.contains("No results for 'kubernetz'."))
    #expect(run.out.contains("Did you mean: kubernetes?"))
  }

  @Test func missingQueryIsAUsageError() {
    let run = Run.kubecon(["search"])
    #expect(run.code == 64)
    #expect(run.err.hasPrefix("Error: missing query\nUsage: kubecon search"))
  }
}

@Suite struct TalksCommandTests {
  func ids(_ args: [String]) throws -> [String] {
    let run = Run.kubecon(["talks"] + args + ["--json"])
    #expect(run.code == 0, "\(run.err)")
    return try #require(try run.json() as? [[String: Any]]).compactMap { $0["id"] as? String }
  }

  @Test func themeByIdAndByFrenchLabelAgree() throws {
    let byId = try ids(["--theme", "observability"])
    #expect(!byId.isEmpty)
    #expect(try ids(["--theme", "Observabilité"]) == byId)
    #expect(try ids(["--theme", "observabilite"]) == byId)
    // Typed with the accent as a mark of its own (e + U+0301).
    #expect(try ids(["--theme", "Observabilite\u{301}"]) == byId)
  }

  @Test func filtersCombineWithAnd() throws {
    let all2025 = try ids(["--year", "2025"])
    let keynotes2025 = try ids(["--year", "2025", "--kind", "keynote"])
    #expect(Set(keynotes2025).isSubset(of: Set(all2025)))
    #expect(keynotes2025.count < all2025.count)
    #expect(try ids(["--project", "OPA"]).contains { $0.contains("leveraging-opa-for-finops") })
    #expect(try ids(["--speaker", "belamaric"]).count == 1)
  }

  @Test func jsonCarriesTheContractFields() throws {
    let run = Run.kubecon(["talks", "--json", "--limit", "1"])
    let talk = try #require((try run.json() as? [[String: Any]])?.first)
    for key in ["id", "title", "titleSource", "kind", "edition", "speakers", "projects", "themes", "reports"] {
      #expect(talk.keys.contains(key), "missing \(key)")
    }
  }

  @Test func unknownThemeListsValidValuesWithASuggestion() {
    let run = Run.kubecon(["talks", "--theme", "observabilty"])
    #expect(run.code == 64)
    #expect(run.err.hasPrefix("Error: unknown theme 'observabilty'; did you mean 'observability'?"))
    #expect(run.err.contains("Valid values: ai, cluster-lifecycle"))
  }

  @Test func unknownProjectAndSpeakerAreErrors() {
    #expect(Run.kubecon(["talks", "--project", "Kubernetez"]).err.contains("did you mean 'Kubernetes'?"))
    #expect(Run.kubecon(["talks", "--speaker", "Nobody Here"]).code == 64)
    #expect(Run.kubecon(["talks", "--limit", "many"]).code == 64)
  }
}

@Suite struct ListingCommandTests {
  func json(_ args: [String]) throws -> [[String: Any]] {
    let run = Run.kubecon(args + ["--json"])
    #expect(run.code == 0, "\(run.err)")
    return try #require(try run.json() as? [[String: Any]])
  }

  @Test func reportsCarryTranslations() throws {
    let reports = try json(["reports"])
    #expect(reports.count == 5)
    for key in ["id", "file", "title", "language", "date", "edition", "author", "organization", "translations"] {
      #expect(reports.allSatisfy { $0.keys.contains(key) }, "missing \(key)")
    }
    let en = try #require(reports.first { $0["id"] as? String == "en-sokube-kubecon-eu-2025-london" })
    #expect(en["translations"] as? [String] == ["fr-sokube-kubecon-eu-2025-london"])
  }

  @Test func speakersWithOrganizationsAndYears() throws {
    let speakers = try json(["speakers", "--org", "google"])
    #expect(speakers.compactMap { $0["name"] as? String }.contains("John Belamaric"))
    #expect(speakers.allSatisfy { ($0["years"] as? [Int]) == [2025] })
  }

  @Test func projectsWithMentionsPerEdition() throws {
    let projects = try json(["projects", "--maturity", "graduated"])
    let otel = try json(["projects"]).first { $0["name"] as? String == "OpenTelemetry" }
    #expect((otel?["mentions"] as? [String: Int])?.keys.sorted() == ["2024", "2025"])
    #expect(projects.allSatisfy { $0["maturity"] as? String == "graduated" })
    #expect(try json(["projects"]).allSatisfy { $0.keys.contains("maturity") })
  }

  @Test func themesWithTalksPerEdition() throws {
    let themes = try json(["themes"])
    #expect(themes.count == 19)
    let obs = try #require(themes.first { $0["id"] as? String == "observability" })
    #expect((obs["labels"] as? [String: String])?["fr"] == "Observabilité")
  }
}

@Suite struct ShowAndDiffCommandTests {
  @Test func showsATalkWithItsCrossLinks() {
    let run = Run.kubecon(["show", "eu-2025-more-nodes-more-problems-solving-multi-host-gpu-tpu"])
    #expect(run.code == 0)
    #expect(run.out.contains("John Belamaric (Google)"))
    #expect(run.out.contains("en-sokube-kubecon-eu-2025-london:"))
    #expect(run.out.contains("fr-sokube-kubecon-eu-2025-london:"))
  }

  @Test func showsAProjectByAlias() {
    let run = Run.kubecon(["show", "otel"])
    #expect(run.code == 0)
    #expect(run.out.hasPrefix("OpenTelemetry"))
    #expect(run.out.contains("often with"))
  }

  @Test func ambiguousNameListsCandidates() {
    let run = Run.kubecon(["show", "kube"])
    #expect(run.code == 1)
    #expect(run.out.contains("is ambiguous; candidates:"))
  }

  @Test func diffShowsRisingAndFallingThemes() throws {
    let run = Run.kubecon(["diff", "2024", "2025", "--json"])
    #expect(run.code == 0)
    let d = try #require(try run.json() as? [String: Any])
    for key in ["from", "to", "themes", "projects", "speakers", "talks", "reports"] { #expect(d.keys.contains(key)) }
    let themes = try #require(d["themes"] as? [[String: Any]])
    let deltas = themes.compactMap { $0["delta"] as? Double }.map(abs)
    #expect(deltas == deltas.sorted(by: >))
    let obs = try #require(themes.first { $0["id"] as? String == "observability" })
    #expect((obs["delta"] as? Double ?? 0) > 0)
    let projects = try #require(d["projects"] as? [String: Any])
    #expect((projects["added"] as? [String])?.contains("Dynamic Resource Allocation") == true)
    #expect((d["reports"] as? [String: Int]) == ["from": 2, "to": 3])
  }

  @Test func diffOfAYearWithoutReportsListsTheYears() {
    let run = Run.kubecon(["diff", "2019", "2025"])
    #expect(run.code == 64)
    #expect(run.err.contains("no report about 2019; years present: 2024, 2025"))
  }

  @Test(arguments: ["search", "talks", "speakers", "projects", "themes", "reports", "show", "diff", "parse", "build", "completions"])
  func everyCommandHasHelp(command: String) {
    let run = Run.kubecon([command, "--help"])
    #expect(run.code == 0)
    #expect(run.out.hasPrefix("OVERVIEW:"))
  }
}

@Suite struct TerminalSafetyTests {
  @Test func controlSequencesInReportsAreEscaped() throws {
    let dir = try TempDir.make()
    defer { try? FileManager.default.removeItem(at: dir) }
    let report = dir.appendingPathComponent("evil.md")
    try Data("---\ntitle: \"Evil \u{1B}[31mred\u{1B}[0m\"\n---\nKubeCon Paris 2024 talk with \u{1B}]0;pwned\u{07} bytes.\n".utf8).write(to: report)
    let run = Run.kubecon(["parse", report.path])
    #expect(!run.out.contains("\u{1B}"))
    #expect(run.out.contains("\\x1b[31m"))
  }

  @Test func jsonEscapesEveryControlCharacter() throws {
    let dir = try TempDir.make()
    defer { try? FileManager.default.removeItem(at: dir) }
    let report = dir.appendingPathComponent("evil.md")
    // ESC, a one-byte CSI (U+009B), DEL and a right-to-left override in the title.
    try Data("---\ntitle: \"A \u{1B}[2J \u{9B}31m \u{7F} \u{202E}txt\"\n---\nKubeCon Paris 2024, a report with enough words.\n".utf8).write(to: report)
    let run = Run.kubecon(["parse", "--json", report.path])
    for raw in ["\u{1B}", "\u{9B}", "\u{7F}", "\u{202E}"] { #expect(!run.out.contains(raw)) }
    #expect(run.out.contains(#"A \u001b[2J \u009b31m \u007f \u202etxt"#))
    let parsed = try #require(try run.json() as? [[String: Any]])
    #expect(parsed.first?["title"] as? String == "A \u{1B}[2J \u{9B}31m \u{7F} \u{202E}txt")
  }
}
