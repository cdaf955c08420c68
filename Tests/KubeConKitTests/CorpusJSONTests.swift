import Foundation
import Testing
@testable import KubeConKit

/// The corpus's own JSON reader and writer give what JSONDecoder and JSONEncoder give.
@Suite struct CorpusJSONTests {
  /// Every control and every character ``JSONOutput`` escapes, around plain and accented text.
  static let awkward: String = {
    var s = String(decoding: (0..<0x20).map { UInt8($0) }, as: UTF8.self)
    s += "\"\\/ \u{7F} \u{80}\u{9B}\u{9F}\u{A0} \u{2027}\u{2028}\u{2029}\u{202A}\u{202E}\u{202F} \u{2065}\u{2066}\u{2069}\u{206A}"
    return s + " é 🚀 👩🏽‍💻 \n\u{301} e\u{301} ’ — …"
  }()

  /// A corpus that uses every field, optionals set and unset, empty lists and odd counts.
  static let sample: Corpus = {
    let edition = EditionRef(id: "eu-2025", year: 2025, city: "London", region: "EU")
    let speakers = [SpeakerRef(name: "Jane " + awkward, organization: nil), SpeakerRef(name: "Ann", organization: "Acme/Co")]
    let session = SessionRef(
      id: "eu-2025-x", edition: "eu-2025", title: awkward, url: nil, track: "Security", kind: .sponsoredKeynote,
      speakers: [SessionSpeaker(name: "Ann", organization: nil, role: "CEO"), SessionSpeaker(name: "Bo", organization: "Acme")])
    let extracted = ExtractedTalk(
      id: "t", title: awkward, titleSource: .derived, kind: .lightning, speakers: speakers, projects: ["Argo"], themes: [],
      line: 12, section: 1, text: nil, reportTitle: "Its " + awkward, session: session)
    let report = Report(
      id: "r", file: "a/b.md", title: "T", language: "fr", date: nil, author: awkward, organization: nil, edition: edition,
      translations: [], talks: ["t"], projects: ["Argo"], themes: ["security"],
      sections: [Section(id: "s", heading: nil, level: 0, line: 1, text: awkward), Section(id: "h", heading: "H", level: 2, line: -3, text: "", talk: "t")],
      warnings: [awkward], contentHash: "abc", extracted: [extracted, ExtractedTalk(
        id: "u", title: "U", titleSource: .stated, kind: .keynote, speakers: [], projects: [], themes: ["ai"], line: 0, section: 0, text: "x")])
    let talk = Talk(
      id: "t", title: "T", titleSource: .stated, kind: .panel, edition: nil, speakers: speakers, projects: [], themes: ["ai"],
      reports: ["r"], mentions: [Mention(report: "r", line: 9, excerpt: awkward), Mention(report: "e", line: 1, excerpt: "")],
      text: awkward, reportTitle: "t", session: session)
    return Corpus(
      reports: [report, Report(id: "e", file: "e", title: "", language: "en", date: "2025-04-01", author: nil, organization: "O", edition: nil)],
      talks: [talk],
      speakers: [Speaker(id: "jane", name: "Jane", organizations: [], talks: ["t"], years: [2024, 2025], reports: ["r"])],
      projects: [ProjectEntry(
        id: "argo", name: "Argo", aliases: ["argocd"], maturity: nil, category: "CI/CD",
        mentions: ["2025": 2, "unknown": 1, "10": 1, "9": 4, "B": 1], talks: [], reports: ["r"])],
      themes: [ThemeEntry(id: "ai", labels: Labels(en: "AI", fr: "IA"), talks: [:], talkIds: [], reports: [])],
      editions: [Edition(id: "eu-2025", year: 2025, region: "EU", city: "London", cityAliases: ["Londres"], start: "2025-04-01"),
        Edition(id: "x", year: 1, region: "R", city: "C", virtual: true)])
  }()

  static func jsonEncoder(_ corpus: Corpus) throws -> Data {
    var data = try JSONOutput.encode(corpus)
    data.append(0x0A)
    return data
  }

  @Test func writesJSONEncodersBytes() throws {
    #expect(CorpusStore.encode(Self.sample) == (try Self.jsonEncoder(Self.sample)))
    #expect(CorpusStore.encode(Corpus()) == (try Self.jsonEncoder(Corpus())))
  }

  /// Strings are skimmed eight bytes at a time: a word holds a special byte exactly when one of
  /// its bytes is, and each escape in a long text, at every offset in a word, is written as
  /// JSONEncoder writes it.
  @Test func escapesAtEveryPlaceOfALongText() throws {
    var random = SeededGenerator(seed: 5)
    let specials = (0...255).map(UInt8.init).filter { JSONWriter.special[Int($0)] }
    for n in 0..<20_000 {
      var bytes = (0..<8).map { _ in UInt8(truncatingIfNeeded: random.next()) }
      // Mostly plain bytes, with at most one special one, as in a text.
      for k in bytes.indices where JSONWriter.special[Int(bytes[k])] { bytes[k] = 0x61 }
      if n % 2 == 0 { bytes[n / 2 % 8] = specials[Int(random.next() % UInt64(specials.count))] }
      if n % 7 == 0 { bytes[n % 8] = [0x1F, 0x20, 0x21, 0x23, 0x5B, 0x5D, 0x7E, 0x80, 0xC1, 0xC3, 0xE1, 0xE3, 0xFF][n % 13] }
      let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
      #expect(JSONWriter.holdsSpecial(word) == bytes.contains { JSONWriter.special[Int($0)] }, "\(bytes)")
    }
    let plain = "Une démo en direct montrait le déploiement, le retour arrière et les tableaux de bord. "
    for piece in Self.awkward.map(String.init) {
      for offset in 0..<9 {
        let text = String(plain.prefix(offset + 20)) + piece + plain + piece
        var w = JSONWriter()
        w.string(text)
        let expected = try JSONOutput.encode(text)
        #expect(Data(w.bytes) == expected, "\(piece.unicodeScalars.map(\.value)) at \(offset)")
      }
    }
  }

  /// Long lists of reports and talks are written on every core, in parts: the same bytes.
  @Test func writesJSONEncodersBytesForListsWrittenInParts() throws {
    var corpus = Self.sample
    corpus.reports = (0..<301).map { i in
      var r = Self.sample.reports[i % 2]
      r.id += "\(i)"
      return r
    }
    corpus.talks = Array(repeating: Self.sample.talks[0], count: 130)
    let expected = try Self.jsonEncoder(corpus)
    #expect(CorpusStore.encode(corpus) == expected)
    // Given to a sink as they are finished (as `save` writes them), in rounds whose size follows
    // the first ones', and every few bytes of shorter lists: the same bytes.
    for flushSize in [1 << 20, 100] {
      var chunks: [[UInt8]] = []
      var w = JSONWriter(sink: { chunks.append(Array($0)) }, flushSize: flushSize)
      CorpusStore.encode(corpus, into: &w)
      #expect(w.bytes.isEmpty)
      #expect(chunks.count >= (flushSize == 100 ? 20 : 8) || ProcessInfo.processInfo.activeProcessorCount < 2)
      #expect(Data(chunks.joined()) == expected)
    }
  }

  @Test func writesJSONEncodersBytesForTheSeedsAndTheDevReports() throws {
    var corpora = [try CorpusTests.buildBundled()]
    if Fixtures.hasDevReports {
      let names = try FileManager.default.contentsOfDirectory(atPath: Fixtures.devReports.path).filter { !$0.hasSuffix(".tsv") }.sorted()
      let parsed = try names.map { try Fixtures.parser.parse(fileAt: Fixtures.devReports.appendingPathComponent($0).path, displayPath: $0) }
      corpora.append(CorpusBuilder.build(parsed, catalog: Fixtures.catalog))
    }
    for corpus in corpora {
      let bytes = CorpusStore.encode(corpus)
      #expect(bytes == (try Self.jsonEncoder(corpus)))
      #expect(try CorpusStore.decode(bytes, path: "c.json") == corpus)
    }
  }

  @Test func readsWhatJSONDecoderReads() throws {
    // Compact, keys in declaration order, escapes JSONEncoder chose: not the writer's layout.
    let compact = try JSONEncoder().encode(Self.sample)
    #expect(try CorpusStore.decode(compact, path: "c.json") == Self.sample)
    #expect(try JSONDecoder().decode(Corpus.self, from: compact) == Self.sample)
    let pretty = CorpusStore.encode(Self.sample)
    #expect(try CorpusStore.decode(pretty, path: "c.json") == (try JSONDecoder().decode(Corpus.self, from: pretty)))
  }

  @Test func readsEscapesUnknownKeysAndNulls() throws {
    let text = #"""
      {"schemaVersion": 2, "future": {"a": [1, -2.5e3, null, true]}, "reports": [], "talks": [], "speakers": [],
       "projects": [], "themes": [], "editions": [{"id": "\u0065u", "year": 2025, "region": "E\"U", "city": "Lond\/on \ud83d\ude80",
       "start": null, "virtual": null}]}
      """#
    let corpus = try CorpusStore.decode(Data(text.utf8), path: "c.json")
    #expect(corpus.editions == [Edition(id: "eu", year: 2025, region: "E\"U", city: "Lond/on 🚀")])
  }

  func problem(_ text: String) -> String {
    do {
      _ = try CorpusStore.decode(Data(text.utf8), path: "c.json")
      return "read"
    } catch {
      return "\(error)"
    }
  }

  @Test func namesWhatIsWrongAndWhere() {
    let base = #""schemaVersion": 2, "talks": [], "speakers": [], "projects": [], "themes": [], "editions": []"#
    #expect(problem("{\(base), \"reports\": [{\"id\": \"r\"}]}").hasSuffix("corrupted corpus: missing field 'contentHash' at .reports[0]"))
    #expect(problem("{\(base), \"reports\": 3}").hasSuffix("corrupted corpus: wrong type at .reports: expected an array"))
    #expect(problem(#"{"reports": [], "schemaVersion": "2"}"#).hasSuffix("corrupted corpus: no schemaVersion"))
    #expect(problem("{\(base), \"reports\": []} x").contains("corrupted corpus: invalid JSON (line 1: unexpected text after the value)"))
    #expect(problem("{\n\(base),\n\"reports\": [01]}").contains("invalid JSON (line 3: a number with a leading zero)"))
    #expect(problem("{\(base), \"reports\": [], \"x\": \"\u{1}\"}").contains("invalid JSON (line 1: control character in a string)"))
    // A line break in a string, or after a backslash, is on the line it ends.
    #expect(problem("{\(base),\n\"reports\": \"a\nb\"}").contains("invalid JSON (line 2: control character in a string)"))
    #expect(problem("{\"bad\n").contains("invalid JSON (line 1: control character in a string)"))
    #expect(problem("{\(base),\n\"reports\": \"a\\\nb\"}").contains("invalid JSON (line 2: bad escape)"))
    // A newer schema is named even when its fields no longer read.
    #expect(problem(#"{"reports": 1, "schemaVersion": 9}"#).contains("corpus schemaVersion 9 is newer"))
    var invalidUTF8 = Data("{\"schemaVersion\": 2, \"x\": \"".utf8)
    invalidUTF8 += [0xF0, 0x9F, 0x98, 0x22, 0x7D]
    #expect(throws: KubeConError.corruptCorpus("c.json", reason: "invalid JSON (line 1: invalid UTF-8 in a string)")) {
      try CorpusStore.decode(invalidUTF8, path: "c.json")
    }
  }

  /// The excerpt flattens only the start of a text; it is what flattening all of it gives.
  /// (Every line break becomes a space, also before a combining mark, where Foundation's
  /// `replacingOccurrences`, used before, saw no line break.)
  @Test func excerptsOfLongTextsAreTheWholeTextsExcerpts() {
    func former(_ text: String) -> String {
      var scalars = String.UnicodeScalarView()
      scalars.append(contentsOf: text.unicodeScalars.map { $0 == "\n" ? " " : $0 })
      let flat = String(scalars)
      guard flat.count > 200 else { return flat }
      let cut = flat.prefix(200)
      let end = cut.lastIndex(of: " ") ?? cut.endIndex
      return String(cut[..<end]) + "…"
    }
    // A mark on the 200th character, right after 200 scalars that are each one.
    for text in [String(repeating: "à", count: 199) + "e\u{301} suite", String(repeating: "a ", count: 100) + "\u{301}b"] {
      #expect(ReportParser.excerpt(text) == former(text))
    }
    var rng = SeededGenerator(seed: 7)
    let pieces = ["word", " ", "\n", "\n\u{301}", "é", "e\u{301}", "🇫🇷", "👩🏽‍💻", "日本語", "\u{200D}", "\r\n", "x"]
    for n in [0, 1, 150, 199, 200, 201, 202, 203, 400, 3000] {
      for _ in 0..<20 {
        var text = ""
        for _ in 0..<n { text += pieces[Int(rng.next() % UInt64(pieces.count))] }
        #expect(ReportParser.excerpt(text) == former(text), "\(n)")
        // Plain ASCII is cut on bytes.
        var ascii = ""
        for _ in 0..<n { ascii += ["word", " ", "\n", "\r\n", "x"][Int(rng.next() % 5)] }
        #expect(ReportParser.excerpt(ascii) == former(ascii), "\(n)")
        // Accented Latin, where each scalar is a character, is cut on scalars.
        var latin = ""
        for _ in 0..<n { latin += ["mot", " ", "\n", "é", "«", "’", "œ", "\u{A0}", "x"][Int(rng.next() % 9)] }
        #expect(ReportParser.excerpt(latin) == former(latin), "\(n)")
      }
    }
    #expect(ReportParser.excerpt(String(repeating: "\n\u{301}", count: 5000)) == former(String(repeating: "\n\u{301}", count: 5000)))
  }
}

/// The catalog is read by ``JSONReader``: the same projects, themes and editions as JSONDecoder
/// reads from the same files, and a clear error naming the file when one is broken.
@Suite struct CatalogReadingTests {
  private struct ProjectsFile: Decodable { var projects: [ProjectInfo] }
  private struct ThemesFile: Decodable { var themes: [ThemeInfo] }
  private struct EditionsFile: Decodable {
    var editions: [Edition]
    var regionNames: [String: [String]]
  }

  @Test func theCatalogIsWhatJSONDecoderReads() throws {
    let data = Fixtures.data
    func decode<T: Decodable>(_ name: String, as: T.Type) throws -> T {
      try JSONDecoder().decode(T.self, from: Data(contentsOf: data.appendingPathComponent(name)))
    }
    let catalog = try Catalog.load(from: data)
    #expect(catalog.projects == (try decode("projects.json", as: ProjectsFile.self)).projects)
    #expect(catalog.themes == (try decode("themes.json", as: ThemesFile.self)).themes)
    let editions = try decode("editions.json", as: EditionsFile.self)
    #expect(catalog.editions == editions.editions)
    #expect(catalog.regionNames == editions.regionNames)
    #expect(catalog.projects.contains { $0.caseSensitive } && catalog.projects.contains { $0.maturity == nil })
    // Every edition id ends with its year (what `search` reads without the catalog).
    #expect(catalog.editions.allSatisfy { Edition.year(ofId: $0.id) == $0.year })
  }

  @Test func aBrokenCatalogFileIsNamed() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("catalog-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    for name in ["projects.json", "themes.json", "editions.json"] {
      try FileManager.default.copyItem(at: Fixtures.data.appendingPathComponent(name), to: folder.appendingPathComponent(name))
    }
    try Data(#"{"themes": [{"id": "x", "labels": {"en": "X", "fr": "X"}, "categories": []}]}"#.utf8)
      .write(to: folder.appendingPathComponent("themes.json"))
    #expect {
      try Catalog.load(from: folder)
    } throws: { error in
      guard case KubeConError.badCatalog(let path, let reason) = error else { return false }
      return path.hasSuffix("themes.json") && reason.contains("keywords")
    }
  }
}
