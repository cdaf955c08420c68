import Foundation
import Testing
@testable import KubeConKit

@Suite struct CorpusTests {
  static func buildBundled() throws -> Corpus {
    let files = try FileManager.default.contentsOfDirectory(atPath: Fixtures.reports.path)
      .filter { !$0.lowercased().hasPrefix("readme") && ($0.hasSuffix(".md") || $0.hasSuffix(".txt")) }.sorted()
    let parsed = try files.map { name -> ParsedReport in
      var p = try Fixtures.parser.parse(fileAt: Fixtures.reports.appendingPathComponent(name).path, displayPath: name)
      p.report.file = name
      return p
    }
    return CorpusBuilder.build(parsed, catalog: Fixtures.catalog)
  }

  @Test func committedCorpusIsCurrent() throws {
    let fresh = CorpusStore.encode(try Self.buildBundled())
    let committed = try Data(contentsOf: Fixtures.data.appendingPathComponent("corpus.json"))
    #expect(fresh == committed, "Data/corpus.json is out of date, run `swift run kubecon build`")
  }

  @Test func buildingTwiceGivesTheSameBytes() throws {
    let (first, second) = (CorpusStore.encode(try Self.buildBundled()), CorpusStore.encode(try Self.buildBundled()))
    #expect(first == second)
  }

  @Test func translationsAndSharedTalksAreLinked() throws {
    let corpus = try Self.buildBundled()
    let en = try #require(corpus.reports.first { $0.id == "en-sokube-kubecon-eu-2025-london" })
    #expect(en.translations == ["fr-sokube-kubecon-eu-2025-london"])
    #expect(corpus.reports.first { $0.id == "fr-ippon-kubecon-eu-2025-london" }?.translations == [])
    let dra = try #require(corpus.talks.first { $0.title.hasPrefix("More Nodes, More Problems") })
    #expect(dra.reports.count == 2)
    #expect(dra.speakers.map(\.organization) == ["Google", "Google"])
    // Titles written with ' and ’ are one talk.
    #expect(corpus.talks.filter { $0.title.hasPrefix("Day-2") }.count == 1)
  }

  /// A speaker's reports are those of their talks, and their organizations those their talks
  /// give them; a project's or a theme's reports and talks are those that mention it: each list
  /// sorted, without repeats (on the seeds and the dev reports).
  @Test func speakersAndProjectsListWhatTheirTalksAndReportsSay() throws {
    var corpora = [try CorpusTests.buildBundled()]
    if Fixtures.hasDevReports {
      let names = try FileManager.default.contentsOfDirectory(atPath: Fixtures.devReports.path).filter { !$0.hasSuffix(".tsv") }.sorted()
      corpora.append(CorpusBuilder.build(try names.map { try Fixtures.parser.parse(fileAt: Fixtures.devReports.appendingPathComponent($0).path) }, catalog: Fixtures.catalog))
    }
    // The seeds' translated reports share speakers.
    #expect(corpora[0].speakers.contains { $0.reports.count > 1 })
    // One speaker, two talks of one report: the report once.
    let twice = try Fixtures.parse("""
      ## Talks

      ### Scaling Widgets With Gadgets: A Journey - Jane Doe, Acme

      A session on widgets.

      ### Gadgets Everywhere: Lessons From Production - Jane Doe, ACME

      A session on gadgets.
      """)
    let speaker = CorpusBuilder.build([twice], catalog: Fixtures.catalog).speakers.first { $0.name == "Jane Doe" }
    #expect(speaker?.talks.count == 2)
    #expect(speaker?.reports == ["test"])
    // One spelling of the organization: the first talk's (talks are in id order).
    #expect(speaker?.organizations == ["ACME"])
    for corpus in corpora {
      let talks = Dictionary(uniqueKeysWithValues: corpus.talks.map { ($0.id, $0) })
      for s in corpus.speakers {
        #expect(s.reports == Array(Set(s.talks.flatMap { talks[$0]!.reports })).sorted(), "\(s.id)")
      }
      for s in corpus.speakers {
        // One spelling of each organization (case and accents aside) their talks give them.
        let refs = s.talks.flatMap { talks[$0]!.speakers }.filter { SpeakerIdentity.key($0.name) == s.id }
        #expect(Set(s.organizations.map(Folding.fold)) == Set(refs.compactMap(\.organization).map(Folding.fold)), "\(s.id)")
        #expect(Set(s.organizations.map(Folding.fold)).count == s.organizations.count, "\(s.id)")
      }
      for p in corpus.projects {
        #expect(p.reports == corpus.reports.filter { $0.projects.contains(p.name) }.map(\.id), "\(p.id)")
        #expect(p.talks == corpus.talks.filter { $0.projects.contains(p.name) }.map(\.id), "\(p.id)")
      }
      for t in corpus.themes {
        let themed = corpus.talks.filter { $0.themes.contains(t.id) }
        #expect(t.talkIds == themed.map(\.id), "\(t.id)")
        #expect(t.talks == Dictionary(grouping: themed) { $0.edition.map { String($0.year) } ?? "unknown" }.mapValues(\.count), "\(t.id)")
        #expect(t.reports == corpus.reports.filter { $0.themes.contains(t.id) }.map(\.id), "\(t.id)")
      }
      #expect(corpus.themes.contains { !$0.talkIds.isEmpty && !$0.reports.isEmpty })
      #expect(corpus.speakers.contains { !$0.organizations.isEmpty })
    }
  }

  /// Talks of the same speakers in an edition are one talk, unless the speakers gave talks of
  /// several stated titles there: then only titles join their talks (a speaker's talks would all
  /// be one, and through their titles the talks of other speakers too).
  @Test func speakersOfSeveralTalksJoinNoneOfThem() throws {
    func report(_ id: String, _ sections: [String]) throws -> ParsedReport {
      let text = "# KubeCon Europe 2025 London\n\nNotes from KubeCon + CloudNativeCon Europe 2025 in London.\n"
        + sections.map { "\n## \($0)\n" }.joined()
      return try Fixtures.parser.parse(data: Data(text.utf8), file: id + ".md", id: id)
    }
    func talks(_ reports: [ParsedReport]) -> [String] {
      CorpusBuilder.build(reports, catalog: Fixtures.catalog).talks.map {
        $0.mentions.map(\.report).joined(separator: ",") + " " + $0.speakers.map(\.name).joined(separator: ",")
      }.sorted()
    }
    let once = [
      try report("a", ["Scaling Widgets With Gadgets\n\nBy Jane Doe from Acme. A session on widgets."]),
      try report("b", [
        "Day one\n\nJane Doe from Acme gave a talk about her migration to widgets.",
        "Day two\n\nJohn Roe from Initech gave a talk about his migration to a service mesh.",
      ]),
    ]
    #expect(talks(once) == ["a,b Jane Doe", "b John Roe"])
    let twice = once + [
      try report("c", ["Gadgets Everywhere in Production\n\nBy Jane Doe from Acme. A session on gadgets."]),
      try report("d", ["Scaling Widgets With Gadgets\n\nBy Ann Smith from Globex. A session on widgets."]),
    ]
    #expect(talks(twice) == ["a,d Jane Doe,Ann Smith", "b Jane Doe", "b John Roe", "c Jane Doe"])
  }

  @Test func seedMetadata() throws {
    let corpus = try Self.buildBundled()
    let expected: [String: (String, String)] = [
      "fr-ippon-kubecon-eu-2025-london": ("fr", "eu-2025"), "fr-sokube-kubecon-eu-2025-london": ("fr", "eu-2025"),
      "en-sokube-kubecon-eu-2025-london": ("en", "eu-2025"), "fr-sokube-kubecon-eu-2024-paris": ("fr", "eu-2024"),
      "fr-arte-kubecon-eu-2024-paris": ("fr", "eu-2024"),
    ]
    for r in corpus.reports {
      #expect(r.language == expected[r.id]?.0, "\(r.id)")
      #expect(r.edition?.id == expected[r.id]?.1, "\(r.id)")
    }
  }

  @Test func refusesANewerSchema() {
    let data = Data(#"{"schemaVersion": 99, "reports": []}"#.utf8)
    #expect(throws: KubeConError.newerSchema("c.json", found: 99, known: Corpus.currentSchemaVersion)) {
      try CorpusStore.decode(data, path: "c.json")
    }
  }

  @Test func reportsCorruptedJSON() {
    #expect(throws: KubeConError.self) { try CorpusStore.decode(Data("{\"schemaVersion\": 1, \"rep".utf8), path: "c.json") }
  }

  /// The files are parsed largest first, on every core; the results still come in the files' order.
  @Test func parsingManyFilesKeepsTheirOrder() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kubecon-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let large = try Data(contentsOf: Fixtures.reports.appendingPathComponent("fr-sokube-kubecon-eu-2024-paris.txt"))
    let small = Data("# KubeCon Paris 2024\n\nA short note on Kubernetes and Argo CD at KubeCon Europe 2024 in Paris.\n".utf8)
    let contents: [(String, Data?)] = [("small.md", small), ("large.txt", large), ("missing.md", nil), ("a.md", small), ("a.txt", large)]
    for case let (name, data?) in contents { try data.write(to: dir.appendingPathComponent(name)) }
    let files = contents.map { (path: dir.appendingPathComponent($0.0).path, shown: $0.0) }
    let results = Fixtures.parser.parseAll(files)
    #expect(results.map { (try? $0.get())?.report.id } == ["small", "large", nil, "a", "a-2"])
    #expect(throws: KubeConError.self) { try results[2].get() }
    for i in [0, 1, 3, 4] {
      let alone = try Fixtures.parser.parse(fileAt: files[i].path, displayPath: files[i].shown, id: try results[i].get().report.id)
      #expect(try results[i].get().report == alone.report)
    }
  }

  /// A report's id is read from its path as `URL` reads it (the name without its extension, or the
  /// folder's for a page bundle's `index.md`), for paths of every shape.
  @Test func idsAreReadFromPathsAsURLReadsThem() {
    func reference(_ path: String) -> String {
      let url = URL(fileURLWithPath: path)
      var name = url.deletingPathExtension().lastPathComponent
      if ReportParser.genericNames.contains(name.lowercased()) {
        let folder = url.deletingLastPathComponent().lastPathComponent
        if !folder.isEmpty && folder != "/" { name = folder }
      }
      return Slug.make(name, maxLength: 80)
    }
    var random = SeededGenerator(seed: 11)
    let pieces = ["a", ".", "..", " ", "é", "MD", "md", "-", "_", "\u{301}", "%", "%20", ":", "#", "?", "~", "\n", "index", "README", "Post"]
    func component() -> String { (0..<Int.random(in: 0...4, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined() }
    var paths = ["/r/index.md", "/index.md", "/r/a.md/", "r/index.md", "index.md", "/r/./a.md", "/r/../a.md", "/r//a.md", "/r/..md", "/r/...a"]
    for _ in 0..<3000 {
      let components = (0..<Int.random(in: 1...4, using: &random)).map { _ in component() }
      paths.append(random.next() % 4 == 0 ? components.joined(separator: "/") : "/" + components.joined(separator: "/"))
    }
    for path in paths { #expect(ReportParser.id(forFile: path) == reference(path), "\(path.debugDescription)") }
  }

  @Test func writesAtomically() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kubecon-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("corpus.json").path
    try CorpusStore.save(Corpus(), to: path)
    try CorpusStore.save(Corpus(), to: path)
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["corpus.json"])
    #expect(throws: KubeConError.self) { try CorpusStore.save(Corpus(), to: "/nonexistent-dir/corpus.json") }
  }
}
