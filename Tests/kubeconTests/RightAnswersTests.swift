import Foundation
import Testing
@testable import KubeConCLI
@testable import KubeConKit

/// Edges of user input, counts that match their headings, and the `--json` contract on errors.
@Suite struct NumericOptionTests {
  @Test(arguments: [["search", "dra"], ["talks"], ["sessions"]])
  func limitTakesOneOrMore(command: [String]) throws {
    for bad in ["0", "-1", "abc", "", "1.5"] {
      let run = Run.kubecon(command + ["--limit", bad])
      #expect(run.code == 64, "\(command) --limit \(bad)")
      #expect(run.err.contains("--limit takes a whole number of 1 or more"))
      let json = Run.kubecon(command + ["--limit", bad, "--json"])
      #expect(json.code == 64)
      let error = try #require(try json.json() as? [String: Any])
      #expect(error["error"] as? String == "usage")
    }
    // A number too large for the machine means all of them.
    #expect(Run.kubecon(command + ["--limit", "99999999999999999999999"]).code == 0)
    #expect(Run.kubecon(command + ["--limit", "1"]).code == 0)
  }

  @Test func yearsAndEditionsThatAreNotThere() {
    for args in [["talks", "--year", "0"], ["talks", "--year", "abc"], ["talks", "--year", "-2024"], ["talks", "--year", "99999999999999999999"],
                 ["projects", "--year", "12"], ["sessions", "--year", "-1"], ["sessions", "--year", "0"], ["diff", "2024", "abc"], ["diff", "0", "2025"], ["search", "dra", "--year", "x"]] {
      let run = Run.kubecon(args)
      #expect(run.code == 64, "\(args)")
      #expect(run.out.isEmpty)
    }
    #expect(Run.kubecon(["talks", "--year", "abc"]).err.contains("'abc' is not a year"))
  }

  @Test(arguments: ["", "   "])
  func anEmptyNameIsAUsageError(name: String) {
    let run = Run.kubecon(["show", name])
    #expect(run.code == 64)
    #expect(!run.err.contains("did you mean"))
  }
}

@Suite struct JSONErrorTests {
  @Test func anAmbiguousNameGivesItsCandidatesAsJSON() throws {
    let run = Run.kubecon(["show", "kube", "--json"])
    #expect(run.code == 1)
    let error = try #require(try run.json() as? [String: Any])
    #expect(error["error"] as? String == "ambiguous")
    let candidates = try #require(error["candidates"] as? [[String: String]])
    #expect(candidates.count > 1)
    #expect(candidates.allSatisfy { $0["type"] != nil && $0["id"] != nil && $0["name"] != nil })
    #expect(run.err.contains("ambiguous"))
  }

  @Test func aNameNotFoundIsJSON() throws {
    let run = Run.kubecon(["show", "zzqx-nothing", "--json"])
    #expect(run.code == 1)
    #expect((try run.json() as? [String: Any])?["error"] as? String == "not-found")
  }

  /// Every command: a usage error under `--json` leaves only a JSON error on stdout.
  @Test(arguments: CLI.commands.map { $0.spec.name })
  func usageErrorsAreJSON(command: String) throws {
    let run = Run.kubecon([command, "--bogus-option", "--json"])
    #expect(run.code == 64)
    let error = try #require(try run.json() as? [String: Any], "\(run.out)")
    #expect(error["error"] as? String == "usage")
    #expect((error["message"] as? String)?.contains("--bogus-option") == true)
  }

  @Test func anUnknownCommandIsJSONToo() throws {
    let run = Run.kubecon(["serch", "dra", "--json"])
    #expect(run.code == 64)
    #expect((try run.json() as? [String: Any])?["error"] as? String == "usage")
  }
}

/// A corpus of three reports: two editions in 2024 (EU and NA), one in 2025.
@Suite struct CountsOfAnEditionTests {
  static let corpus: String = {
    do {
      let dir = try TempDir.make()
      let reports: [(String, String)] = [
        ("eu24.md", "# KubeCon Europe 2024 in Paris\n\nWe used Cilium and Flux all week at KubeCon.\n"),
        ("na24.md", "# KubeCon North America 2024 in Salt Lake City\n\nCilium everywhere at KubeCon, and Flux too.\n"),
        ("eu25.md", "# KubeCon Europe 2025 in London\n\nCilium again at KubeCon.\n"),
      ]
      for (name, text) in reports { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
      let out = dir.appendingPathComponent("corpus.json").path
      let run = Run.kubecon(["build", "--reports", dir.path, "--out", out])
      guard run.code == 0 else { fatalError(run.err) }
      return out
    } catch { fatalError("\(error)") }
  }()

  @Test func diffCountsTheReportsOfEachEdition() throws {
    let run = Run.kubecon(["diff", "eu-2024", "eu-2025", "--json", "--corpus", CountsOfAnEditionTests.corpus])
    #expect(run.code == 0, "\(run.err)")
    let d = try #require(try run.json() as? [String: Any])
    #expect((d["reports"] as? [String: Int]) == ["from": 1, "to": 1])
    let projects = try #require(d["projects"] as? [String: Any])
    let mentions = try #require(projects["mentions"] as? [String: [Int]])
    #expect(mentions["Cilium"] == [1, 1])
    #expect(mentions["Flux"] == [1, 0])
    let text = Run.kubecon(["diff", "eu-2024", "eu-2025", "--corpus", CountsOfAnEditionTests.corpus]).out
    #expect(text.contains("Cilium (1→1)"))
  }

  @Test func projectsOfAYearCountThatYear() throws {
    let run = Run.kubecon(["projects", "--year", "2025", "--json", "--corpus", CountsOfAnEditionTests.corpus])
    let projects = try #require(try run.json() as? [[String: Any]])
    let cilium = try #require(projects.first { $0["name"] as? String == "Cilium" })
    #expect(cilium["mentions"] as? [String: Int] == ["2025": 1])
    #expect((cilium["reports"] as? [String])?.count == 1)
    #expect(!projects.contains { $0["name"] as? String == "Flux" })
  }

  @Test func aChangeThatRoundsToZeroIsZero() {
    #expect(DiffCommand.percentPoints(-0.004) == 0)
    #expect("\(DiffCommand.percentPoints(-0.004))%" == "0%")
    #expect(DiffCommand.percentPoints(0.126) == 13)
    #expect(DiffCommand.percentPoints(-0.05) == -5)
  }
}

@Suite struct SmallAnswersTests {
  @Test func didYouMeanNeverRepeatsTheQueryNorOffersAStopWord() {
    #expect(SearchCommand.suggestions(for: "the", in: ["she", "them", "then"]) == nil)
    #expect(SearchCommand.suggestions(for: "kubernetes zzqx", in: ["kubernetes", "kubeflow"]) == nil)
    #expect(SearchCommand.suggestions(for: "kubernets", in: ["kubernetes", "kubeflow"]) == "kubernetes")
    let run = Run.kubecon(["search", "the"])
    #expect(!run.out.contains("Did you mean"))
  }

  @Test func helpOfAnUnknownCommandIsAUsageError() {
    let run = Run.kubecon(["help", "serch"])
    #expect(run.code == 64)
    #expect(run.err.contains("did you mean 'search'?"))
  }

  @Test func pluralsFollowTheirCount() {
    #expect(counted(1, "report") == "1 report")
    #expect(counted(2, "report") == "2 reports")
    #expect(counted(0, "talk") == "0 talks")
  }

  @Test func theDerivedTitleNoteOnlyWhenARowHasOne() throws {
    let all = Run.kubecon(["talks"])
    #expect(all.out.contains("(~ title derived"))
    let json = try #require(try Run.kubecon(["talks", "--json"]).json() as? [[String: Any]])
    let stated = try #require(json.first { $0["titleSource"] as? String != "derived" && ($0["speakers"] as? [Any])?.isEmpty == false })
    let speaker = try #require(((stated["speakers"] as? [[String: Any]])?.first?["name"]) as? String)
    let some = Run.kubecon(["talks", "--speaker", speaker])
    #expect(some.code == 0)
    #expect(!some.out.contains("~ "))
    #expect(!some.out.contains("(~ title derived"))
  }

  @Test func aReportListsItsTalksInItsOrder() throws {
    let reports = try #require(try Run.kubecon(["reports", "--json"]).json() as? [[String: Any]])
    let report = try #require(reports.max { ($0["talks"] as? Int ?? 0) < ($1["talks"] as? Int ?? 0) })
    let id = try #require(report["id"] as? String)
    let file = try #require(report["file"] as? String)
    // The report's order is the order `parse` finds its talks in, line by line.
    let parsed = try #require(try Run.kubecon(["parse", "Data/reports/" + file, "--json"]).json() as? [[String: Any]])
    let titles = try #require(parsed.first?["talks"] as? [[String: Any]]).compactMap { $0["title"] as? String }
    #expect(titles.count >= 3)
    let out = Run.kubecon(["show", id]).out
    let positions = titles.compactMap { out.range(of: "  " + $0 + "  ")?.lowerBound }
    #expect(positions.count == titles.count)
    #expect(positions == positions.sorted())
  }

  @Test func fullwidthQueriesAreFolded() throws {
    #expect(Folding.fold("ＫｕｂｅＣｏｎ") == "kubecon")
    #expect(Folding.compatibility("ＫｕｂｅＣｏｎ ２０２５") == "KubeCon 2025")
    #expect(Folding.fold("ﬁnops") == "finops")
    let plain = try #require(try Run.kubecon(["search", "dra", "--json"]).json() as? [[String: Any]])
    let wide = try #require(try Run.kubecon(["search", "ｄｒａ", "--json"]).json() as? [[String: Any]])
    #expect(!plain.isEmpty)
    #expect(plain.compactMap { $0["id"] as? String } == wide.compactMap { $0["id"] as? String })
  }
}

/// Organizations as entities: `show ORG`, `speakers --org` by any spelling.
@Suite struct OrganizationCommandTests {
  @Test func showsAnOrganizationWithItsSpeakersAndTheirTalks() throws {
    let run = Run.kubecon(["show", "google"])
    #expect(run.code == 0, "\(run.err)")
    #expect(run.out.hasPrefix("Google\n"))
    #expect(run.out.contains("John Belamaric"))
    #expect(run.out.contains("EU 2025 London"))
    let json = try #require(try Run.kubecon(["show", "gcp", "--json"]).json() as? [String: Any])
    #expect(json["type"] as? String == "organization")
    #expect(json["id"] as? String == "google")
    let speakers = try #require(json["speakers"] as? [[String: Any]])
    #expect(speakers.count >= 2)
    #expect(speakers.allSatisfy { !(($0["talks"] as? [Any]) ?? []).isEmpty })
  }

  @Test func speakersOfAnOrganizationByItsShortForm() throws {
    let byAcronym = try #require(try Run.kubecon(["speakers", "--org", "cncf", "--json"]).json() as? [[String: Any]])
    let byName = try #require(try Run.kubecon(["speakers", "--org", "Cloud Native Computing Foundation", "--json"]).json() as? [[String: Any]])
    #expect(!byAcronym.isEmpty)
    #expect(byAcronym.compactMap { $0["id"] as? String } == byName.compactMap { $0["id"] as? String })
  }
}

/// A project's maturity as it was at each edition (issue 28): Kyverno was a sandbox project at EU
/// 2022 (accepted 2020, incubating from July 2022), graduated by 2026.
@Suite struct MaturityInTimeTests {
  static let corpus: String = {
    do {
      let dir = try TempDir.make()
      try "# KubeCon Europe 2022 in Valencia\n\nKyverno and Cilium at KubeCon, all week.\n"
        .write(to: dir.appendingPathComponent("eu22.md"), atomically: true, encoding: .utf8)
      try "# KubeCon Europe 2025 in London\n\nKyverno again at KubeCon.\n"
        .write(to: dir.appendingPathComponent("eu25.md"), atomically: true, encoding: .utf8)
      let out = dir.appendingPathComponent("corpus.json").path
      let run = Run.kubecon(["build", "--reports", dir.path, "--out", out])
      guard run.code == 0 else { fatalError(run.err) }
      return out
    } catch { fatalError("\(error)") }
  }()

  @Test func projectsOfAYearHaveTheMaturityTheyHadThen() throws {
    let sandbox = try #require(try Run.kubecon(["projects", "--maturity", "sandbox", "--year", "2022", "--json", "--corpus", Self.corpus]).json() as? [[String: Any]])
    #expect(sandbox.compactMap { $0["name"] as? String } == ["Kyverno"])
    #expect(sandbox.first?["maturity"] as? String == "sandbox")
    let today = try #require(try Run.kubecon(["projects", "--maturity", "sandbox", "--json", "--corpus", Self.corpus]).json() as? [[String: Any]])
    #expect(!today.contains { $0["name"] as? String == "Kyverno" })
  }

  @Test func showSaysWhatItWasAtEachEdition() throws {
    let run = Run.kubecon(["show", "kyverno", "--corpus", Self.corpus])
    #expect(run.out.contains("EU 2022 Valencia: sandbox"))
    let json = try #require(try Run.kubecon(["show", "kyverno", "--json", "--corpus", Self.corpus]).json() as? [String: Any])
    #expect((json["maturityAt"] as? [String: String])?["eu-2022"] == "sandbox")
  }
}

/// `kubecon catalog import`: the landscape's items into a Data folder's catalog.
@Suite struct CatalogImportCommandTests {
  @Test func importsThenChangesNothingTheSecondTime() throws {
    let dir = try TempDir.make()
    for name in ["projects.json", "ordinary-words.txt", "landscape-categories.json"] {
      try FileManager.default.copyItem(
        at: Run.root.appendingPathComponent("Data/" + name), to: dir.appendingPathComponent(name))
    }
    let tsv = dir.appendingPathComponent("items.tsv")
    try """
      name\tcategory\tsubcategory\tmaturity\taccepted\tincubating\tgraduated\tarchived\trepo_url\thomepage_url
      Widgetron Mesh\tOrchestration & Management\tService Mesh\tsandbox\t2026-01-10\t\t\t\thttps://github.com/widget-labs/widgetron\thttps://widgetron.example/
      not enough fields

      """.write(to: tsv, atomically: true, encoding: .utf8)
    let first = Run.kubecon(["catalog", "import", tsv.path, "--data", dir.path])
    #expect(first.code == 0, "\(first.err)")
    #expect(first.out.hasPrefix("Wrote "))
    #expect(first.err.contains("items.tsv:3: warning:"))
    let catalog = try String(contentsOf: dir.appendingPathComponent("projects.json"), encoding: .utf8)
    #expect(catalog.contains("\"name\":\"Widgetron Mesh\""))
    #expect(catalog.contains("\"category\":\"service-mesh\""))
    let second = Run.kubecon(["catalog", "import", tsv.path, "--data", dir.path])
    #expect(second.out.hasPrefix("Unchanged "))
    #expect(Run.kubecon(["catalog", "import", dir.appendingPathComponent("missing.tsv").path, "--data", dir.path]).code == 1)
    #expect(Run.kubecon(["catalog", "export", tsv.path]).code == 64)
  }
}
