import Foundation
@testable import KubeConKit
import Testing

/// A folder with a copy of the bundled corpus, for commands that write.
struct Workspace {
  let dir: URL
  var corpus: String { dir.appendingPathComponent("corpus.json").path }

  init() throws {
    dir = try TempDir.make()
    try FileManager.default.copyItem(atPath: Run.bundled, toPath: corpus)
  }

  func write(_ name: String, _ text: String) throws -> String {
    try write(name, Data(text.utf8))
  }

  func write(_ name: String, _ data: Data) throws -> String {
    let url = dir.appendingPathComponent(name)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try data.write(to: url)
    return url.path
  }

  func corpusBytes() throws -> Data { try Data(contentsOf: URL(fileURLWithPath: corpus)) }

  func add(_ paths: [String]) -> Run { Run.kubecon(["add", "--corpus", corpus] + paths) }

  func remove() { try? FileManager.default.removeItem(at: dir) }

  static let report = """
    ---
    title: "Notes from KubeCon Europe 2025 in London"
    date: 2025-04-10
    ---
    # Keynotes

    ## Cilium at scale

    By Ada Example from Initech. The talk showed how Cilium and eBPF replace kube-proxy on large clusters,
    with OpenTelemetry traces for every flow.
    """
}

/// `add` and `remove` on a fresh corpus: what lands, what is refused, and the bytes in between.
@Suite struct AddRemoveCommandTests {
  @Test func addThenRemoveGivesBackTheSameBytes() throws {
    let ws = try Workspace()
    defer { ws.remove() }
    let before = try ws.corpusBytes()
    let file = try ws.write("london-notes.md", Workspace.report)
    let added = ws.add([file])
    #expect(added.code == 0, "\(added.err)")
    #expect(added.out.contains("added london-notes from"))
    #expect(added.out.contains("1 talk, 1 speaker, 3 projects, 0 warnings"))
    #expect(added.out.contains("    - Cilium at scale — Ada Example (Initech)"))
    #expect(try ws.corpusBytes() != before)
    let talks = Run.kubecon(["talks", "--corpus", ws.corpus, "--report", "london-notes", "--json"])
    #expect(talks.out.contains("Cilium at scale"))
    let removed = Run.kubecon(["remove", "--corpus", ws.corpus, "london-notes"])
    #expect(removed.code == 0, "\(removed.err)")
    #expect(try ws.corpusBytes() == before)
  }

  @Test func theSameContentTwiceChangesNothing() throws {
    let ws = try Workspace()
    defer { ws.remove() }
    let file = try ws.write("a.md", Workspace.report)
    _ = ws.add([file])
    let once = try ws.corpusBytes()
    let copy = try ws.write("elsewhere/b.md", Workspace.report)
    let again = ws.add([copy])
    #expect(again.code == 0)
    #expect(again.out.contains("already in the corpus as a; nothing to do"))
    #expect(again.out.contains("The corpus is unchanged."))
    #expect(try ws.corpusBytes() == once)
  }

  @Test func aChangedFileReplacesItsOldVersion() throws {
    let ws = try Workspace()
    defer { ws.remove() }
    let file = try ws.write("notes.md", Workspace.report)
    _ = ws.add([file])
    _ = try ws.write("notes.md", Workspace.report.replacingOccurrences(of: "Cilium at scale", with: "Gateway API at scale"))
    let run = ws.add([file])
    #expect(run.code == 0)
    #expect(run.out.contains("replaced notes from"))
    let titles = Run.kubecon(["talks", "--corpus", ws.corpus, "--report", "notes", "--json"]).out
    #expect(titles.contains("Gateway API at scale"))
    #expect(!titles.contains("Cilium at scale"))
    let reports = try #require(try Run.kubecon(["reports", "--corpus", ws.corpus, "--json"]).json() as? [[String: Any]])
    #expect(reports.count == 6)
  }

  @Test func addsAFolderAndASavedWebPage() throws {
    let ws = try Workspace()
    defer { ws.remove() }
    _ = try ws.write("in/one.md", Workspace.report)
    _ = try ws.write("in/two/index.html", """
      <!doctype html><html lang="en"><head><title>Day two at KubeCon Paris 2024 | Blog</title>
      <meta property="og:site_name" content="Blog"><meta name="author" content="Sam Writer">
      <meta property="article:published_time" content="2024-03-22T10:00:00Z"></head>
      <body><nav><a href="/">Home</a></nav><article><h2>Kyverno policies in practice</h2>
      <p>By Lee Sample from Globex: Kyverno policies enforced in CI and at admission, with clear reports.</p>
      </article><footer>Copyright</footer></body></html>
      """)
    let run = Run.kubecon(["add", "--corpus", ws.corpus, ws.dir.appendingPathComponent("in").path, "--json"])
    #expect(run.code == 0, "\(run.err)")
    let results = try #require(try run.json() as? [[String: Any]])
    #expect(results.map { $0["id"] as? String } == ["one", "two"])
    #expect(results.allSatisfy { $0["status"] as? String == "added" })
    let two = try #require(try Run.kubecon(["reports", "--corpus", ws.corpus, "--json"]).json() as? [[String: Any]]).first { $0["id"] as? String == "two" }
    #expect(two?["title"] as? String == "Day two at KubeCon Paris 2024")
    #expect(two?["author"] as? String == "Sam Writer")
    #expect(two?["date"] as? String == "2024-03-22")
  }

  @Test func withoutCorpusItWritesTheUsersCorpusAndQueriesReadIt() throws {
    let ws = try Workspace()
    defer { ws.remove() }
    let env = ["HOME": "/nonexistent-home-for-tests", "XDG_DATA_HOME": ws.dir.appendingPathComponent("xdg").path]
    let user = ws.dir.appendingPathComponent("xdg/kubecon/corpus.json").path
    let file = try ws.write("london-notes.md", Workspace.report)
    let run = Run.kubecon(["add", file], environment: env)
    #expect(run.code == 0, "\(run.err)")
    #expect(run.out.contains("Wrote \(user) (6 reports)"))
    let reports = try #require(try Run.kubecon(["reports", "--json"], environment: env).json() as? [[String: Any]])
    #expect(reports.count == 6)  // the five bundled reports, copied, and the new one
    #expect(Run.kubecon(["search", "kube-proxy"], environment: env).out.contains("Cilium at scale"))
    #expect(Run.kubecon(["remove", "london-notes"], environment: env).code == 0)
    #expect(try Data(contentsOf: URL(fileURLWithPath: user)) == Data(contentsOf: URL(fileURLWithPath: Run.bundled)))
  }

  @Test func aLargeCorpusTakesAddsInItsJournalUntilItIsWrittenAgain() throws {
    let ws = try Workspace()
    defer { ws.remove() }
    let bundled = try ws.corpusBytes()
    // White space after the JSON makes a corpus file large enough (4 MB) for a journal.
    let large = bundled + Data(repeating: 0x0A, count: 4 << 20)
    try large.write(to: URL(fileURLWithPath: ws.corpus))
    _ = Run.kubecon(["reports", "--corpus", ws.corpus])  // builds the index, which add reads
    let file = try ws.write("london-notes.md", Workspace.report)
    let added = ws.add([file])
    #expect(added.code == 0, "\(added.err)")
    #expect(added.out.contains("added london-notes from"))
    #expect(added.out.hasSuffix("Wrote \(ws.corpus).journal/00000001.json (6 reports).\n"), "\(added.out)")
    #expect(try ws.corpusBytes() == large)
    #expect(Run.kubecon(["search", "kube-proxy", "--corpus", ws.corpus]).out.contains("Cilium at scale"))
    let again = ws.add([file])
    #expect(again.out.contains("already in the corpus as london-notes; nothing to do"))
    #expect(!FileManager.default.fileExists(atPath: ws.corpus + ".journal/00000002.json"))
    // remove writes the corpus file, the journal folded in: what was bundled, without the padding.
    #expect(Run.kubecon(["remove", "--corpus", ws.corpus, "london-notes"]).code == 0)
    #expect(try ws.corpusBytes() == bundled)
    #expect(!FileManager.default.fileExists(atPath: ws.corpus + ".journal"))
  }

  @Test func removingAnUnknownReportSuggestsAndChangesNothing() throws {
    let ws = try Workspace()
    defer { ws.remove() }
    let before = try ws.corpusBytes()
    let run = Run.kubecon(["remove", "--corpus", ws.corpus, "fr-ippon-kubecon-eu-2025"])
    #expect(run.code == 1)
    #expect(run.err.contains("no report 'fr-ippon-kubecon-eu-2025' in the corpus; did you mean 'fr-ippon-kubecon-eu-2025-london'?"))
    #expect(try ws.corpusBytes() == before)
  }

  @Test func removeTakesAwayWhatOnlyThatReportMentioned() throws {
    let ws = try Workspace()
    defer { ws.remove() }
    let run = Run.kubecon(["remove", "--corpus", ws.corpus, "fr-arte-kubecon-eu-2024-paris", "--json"])
    #expect(run.code == 0, "\(run.err)")
    let projects = Run.kubecon(["projects", "--corpus", ws.corpus, "--json"]).out
    #expect(!projects.contains("\"OpsLevel\""))  // only that report named it
    #expect(projects.contains("\"OpenTelemetry\""))  // others do too
  }

  @Test func twoAddsAtTheSameTimeBothLand() async throws {
    let ws = try Workspace()
    defer { ws.remove() }
    let a = try ws.write("a.md", Workspace.report)
    let b = try ws.write("b.md", Workspace.report.replacingOccurrences(of: "Cilium", with: "Envoy"))
    async let first = ws.add([a])
    async let second = ws.add([b])
    let (r1, r2) = await (first, second)
    #expect(r1.code == 0 && r2.code == 0, "\(r1.err) \(r2.err)")
    let ids = try #require(try Run.kubecon(["reports", "--corpus", ws.corpus, "--json"]).json() as? [[String: Any]]).compactMap { $0["id"] as? String }
    #expect(ids.contains("a") && ids.contains("b"))
  }

  @Test func anInterruptedWriteLeavesTheOldCorpus() throws {
    let ws = try Workspace()
    defer { ws.remove() }
    let before = try ws.corpusBytes()
    // What a killed `add` leaves: a half-written temporary file beside the corpus.
    _ = try ws.write(".corpus.json.tmp-99999-1", before.prefix(1000))
    #expect(Run.kubecon(["reports", "--corpus", ws.corpus]).code == 0)
    #expect(try ws.corpusBytes() == before)
    let file = try ws.write("a.md", Workspace.report)
    #expect(ws.add([file]).code == 0)
  }
}

/// Every hostile input is refused with a message naming the file, exit code 1, and the corpus
/// byte-identical.
@Suite struct HostileInputTests {
  func refused(_ make: (Workspace) throws -> [String], says expected: String, strict: Bool = false) throws {
    let ws = try Workspace()
    defer { ws.remove() }
    let before = try ws.corpusBytes()
    let run = ws.add(try make(ws) + (strict ? ["--strict"] : []))
    #expect(run.code == 1)
    #expect(run.err.hasPrefix("Error: "), "\(run.err)")
    #expect(run.err.contains(expected), "\(run.err)")
    #expect(run.err.contains("Nothing was added; the corpus is unchanged."))
    #expect(try ws.corpusBytes() == before)
  }

  @Test func emptyFile() throws {
    try refused({ [try $0.write("empty.md", "")] }, says: "empty.md: the report is empty")
  }

  @Test func whitespaceOnlyFile() throws {
    try refused({ [try $0.write("blank.md", " \n\n\t\n")] }, says: "blank.md: the report is empty")
  }

  @Test func binaryFile() throws {
    try refused({ [try $0.write("photo.md", Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]))] }, says: "photo.md: not a text report: binary data")
  }

  @Test func invalidUTF8Garbage() throws {
    var rng = SeededGenerator(seed: 7)
    let garbage = Data((0..<4000).map { _ in UInt8(truncatingIfNeeded: rng.next() % 255 + 1) })
    try refused({ [try $0.write("garbage.txt", garbage)] }, says: "garbage.txt: not a text report: invalid UTF-8 at byte offset")
  }

  @Test func latin1IsReadWithAWarning() throws {
    let ws = try Workspace()
    defer { ws.remove() }
    let text = "Compte rendu de la KubeCon Europe 2024 à Paris : les keynotes étaient très réussies et la sécurité était partout.\n"
    let file = try ws.write("latin.txt", text.data(using: .isoLatin1)!)
    let run = ws.add([file])
    #expect(run.code == 0, "\(run.err)")
    #expect(run.err.contains("latin.txt:1: warning: not valid UTF-8; read as Windows-1252 (Latin-1)"))
  }

  @Test func fiftyMegabyteReport() throws {
    try refused({ ws in
      let path = ws.dir.appendingPathComponent("huge.md").path
      #expect(FileManager.default.createFile(atPath: path, contents: nil))
      let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
      try handle.truncate(atOffset: 50 << 20)  // sparse: 50 MB without writing them
      try handle.close()
      return [path]
    }, says: "huge.md: too large for a report (50.0 MB; the limit is 16.0 MB)")
  }

  @Test func tenMegabyteLine() throws {
    try refused({ [try $0.write("line.txt", String(repeating: "kubernetes ", count: 10 << 20 / 11))] }, says: "line.txt:1: a line longer than 256 KB")
  }

  /// Broken front matter is read around with a warning naming the file and line; `--strict`
  /// refuses it.
  @Test(arguments: [
    ("open.md", "---\ntitle: KubeCon 2025\ndate: 2025-04-02\n\nThe front matter never closes but the KubeCon text goes on.\n",
     "open.md:1: front matter opened with '---' is never closed"),
    ("types.md", "---\ntitle: [one, two]\ndate: next tuesday\n---\nA KubeCon London 2025 report with enough words in it.\n",
     "types.md:2: front matter 'title' should be text, not a list"),
    ("types.md", "---\ntitle: Fine\ndate: next tuesday\n---\nA KubeCon London 2025 report with enough words in it.\n",
     "types.md:3: front matter 'date' is not a date (YYYY-MM-DD): 'next tuesday'"),
    ("hugo.md", "---\ntitle: \"Notes from KubeCon Europe 2025\"\nauthor:\ntags:\n  - kubernetes\n---\nCilium at KubeCon in London.\n",
     "hugo.md:3: front matter 'author' is empty"),
  ])
  func brokenFrontMatterIsAWarning(name: String, text: String, warning: String) throws {
    let ws = try Workspace()
    defer { ws.remove() }
    let file = try ws.write(name, text)
    let run = ws.add([file])
    #expect(run.code == 0, "\(run.err)")
    #expect(run.err.contains(warning.replacingOccurrences(of: ": front matter", with: ": warning: front matter")), "\(run.err)")
    #expect(run.out.contains("added "))
    try refused({ [try $0.write(name, text)] }, says: warning, strict: true)
  }

  @Test func missingFile() throws {
    try refused({ [$0.dir.appendingPathComponent("nowhere.md").path] }, says: "nowhere.md: no such file or directory")
  }

  @Test func folderWithNoReports() throws {
    try refused({ ws in
      _ = try ws.write("photos/a.jpg", Data([0xFF, 0xD8]))
      return [ws.dir.appendingPathComponent("photos").path]
    }, says: "photos: no reports found")
  }

  @Test func unreadableFile() throws {
    if getuid() == 0 {
      // root reads any file: a file whose read fails is the same path.
      try refused({ _ in ["/proc/self/mem"] }, says: "/proc/self/mem: cannot read: Input/output error")
    } else {
      try refused({ ws in
        let path = try ws.write("secret.md", Workspace.report)
        chmod(path, 0)
        return [path]
      }, says: "secret.md: cannot read: Permission denied")
    }
  }

  @Test func symlinkLoop() throws {
    try refused({ ws in
      let a = ws.dir.appendingPathComponent("a.md").path
      let b = ws.dir.appendingPathComponent("b.md").path
      symlink(b, a)
      symlink(a, b)
      return [a]
    }, says: "a.md: cannot read: Too many levels of symbolic links")
  }

  @Test func aFolderLinkedIntoItselfIsWalkedOnce() throws {
    let ws = try Workspace()
    defer { ws.remove() }
    _ = try ws.write("in/one.md", Workspace.report)
    symlink(ws.dir.appendingPathComponent("in").path, ws.dir.appendingPathComponent("in/again").path)
    let run = ws.add([ws.dir.appendingPathComponent("in").path])
    #expect(run.code == 0, "\(run.err)")
    #expect(run.out.contains("added one"))
  }

  @Test func oneBadFileAmongGoodOnesIsListedAndTheOthersAdded() throws {
    let ws = try Workspace()
    defer { ws.remove() }
    let (good, bad) = (try ws.write("good.md", Workspace.report), try ws.write("bad.md", ""))
    let run = ws.add([good, bad])
    #expect(run.code == 1)
    #expect(run.out.contains("added good"))
    #expect(run.err.contains("bad.md: the report is empty"))
    #expect(run.err.contains("1 file refused; the others were added."))
    #expect(Run.kubecon(["reports", "--corpus", ws.corpus]).out.contains("good"))
    let json = Run.kubecon(["add", "--corpus", ws.corpus, good, bad, "--json"])
    #expect(json.code == 1)
    let outcomes = try #require(try json.json() as? [[String: Any]])
    #expect(outcomes.map { $0["status"] as? String } == ["unchanged", "refused"])
    #expect((outcomes[1]["reason"] as? String)?.contains("the report is empty") == true)
    #expect(outcomes[0]["reason"] is NSNull)
  }

  @Test func oneBadFileAmongGoodOnesAddsNothingWhenStrict() throws {
    try refused({ [try $0.write("good.md", Workspace.report), try $0.write("bad.md", "")] }, says: "bad.md: the report is empty", strict: true)
  }

  @Test func aTextWithNoSignOfKubeConIsRefusedUnlessForced() throws {
    try refused({ [try $0.write("bread.md", "A recipe for bread: flour, water, salt and a long time.\n")] }, says: "bread.md: no sign of a KubeCon report")
    let ws = try Workspace()
    defer { ws.remove() }
    let file = try ws.write("bread.md", "A recipe for bread: flour, water, salt and a long time.\n")
    #expect(ws.add([file, "--force"]).code == 0)
  }
}

/// A corpus that cannot be read or written is reported and left as it is.
@Suite struct BrokenCorpusTests {
  func refused(corpus bytes: Data, says expected: String) throws {
    let ws = try Workspace()
    defer { ws.remove() }
    try bytes.write(to: URL(fileURLWithPath: ws.corpus))
    let file = try ws.write("a.md", Workspace.report)
    for args in [["add", "--corpus", ws.corpus, file], ["remove", "--corpus", ws.corpus, "x"], ["reports", "--corpus", ws.corpus]] {
      let run = Run.kubecon(args)
      #expect(run.code == 1, "\(args)")
      #expect(run.err.contains(expected), "\(run.err)")
      #expect(try ws.corpusBytes() == bytes)
    }
  }

  var bundled: Data { get throws { try Data(contentsOf: URL(fileURLWithPath: Run.bundled)) } }

  @Test func truncatedJSON() throws {
    try refused(corpus: try bundled.prefix(5000), says: "corpus.json: corrupted corpus: invalid JSON")
  }

  @Test func corruptedJSON() throws {
    var bytes = try bundled
    bytes.replaceSubrange(100..<110, with: Data("{{{{]]]]::".utf8))
    try refused(corpus: bytes, says: "corpus.json: corrupted corpus: invalid JSON")
  }

  @Test func newerSchema() throws {
    let text = String(decoding: try bundled, as: UTF8.self).replacingOccurrences(of: "\"schemaVersion\" : 2", with: "\"schemaVersion\" : 99")
    try refused(corpus: Data(text.utf8), says: "corpus schemaVersion 99 is newer than this kubecon understands (2); upgrade kubecon")
  }

  @Test func missingFields() throws {
    try refused(corpus: Data("{\"schemaVersion\": 2, \"reports\": []}".utf8), says: "corrupted corpus: missing field 'editions'")
  }

  @Test func folderThatCannotBeWritten() throws {
    let ws = try Workspace()
    defer { ws.remove() }
    let file = try ws.write("a.md", Workspace.report)
    // A folder that cannot be made (its parent is a file), and, when not root, a read-only one.
    var targets = [ws.dir.appendingPathComponent("a.md/corpus.json").path]
    if getuid() != 0 {
      let ro = ws.dir.appendingPathComponent("ro")
      try FileManager.default.createDirectory(at: ro, withIntermediateDirectories: true)
      try FileManager.default.copyItem(atPath: Run.bundled, toPath: ro.appendingPathComponent("corpus.json").path)
      chmod(ro.path, 0o555)
      targets.append(ro.appendingPathComponent("corpus.json").path)
    }
    for target in targets {
      let before = try? Data(contentsOf: URL(fileURLWithPath: target))
      let run = Run.kubecon(["add", "--corpus", target, file])
      #expect(run.code == 1)
      #expect(run.err.contains("\(target): cannot"), "\(run.err)")
      #expect((try? Data(contentsOf: URL(fileURLWithPath: target))) == before)
    }
  }
}
