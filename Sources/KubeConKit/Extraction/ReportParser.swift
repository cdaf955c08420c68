import Foundation

/// A report with the talks found in it, before linking with other reports.
public struct ParsedReport: Sendable {
  public var report: Report
  /// The report's own talks (from `report.extracted`), with ids local to the report.
  public let talks: [Talk]
  public var diagnostics: [Diagnostic]
  /// The numbers among the words of the report's sections (``Linker/numbers(in:)``), when the
  /// parser read them from the words it had; otherwise the linker reads the sections again.
  let numbers: [String]?
  /// Every decision about what is a talk, in the order of the report's lines, when asked for
  /// (``ReportParser/parse(fileAt:displayPath:id:explain:)``); empty otherwise.
  public var explanation: [ExtractionNote] = []

  init(report: Report, diagnostics: [Diagnostic] = []) {
    self.init(report: report, diagnostics: diagnostics, numbers: nil)
  }

  /// Whether the text shows any sign of being a KubeCon report: an edition, a talk, a project,
  /// or the word KubeCon or CloudNativeCon.
  public var showsKubeCon: Bool {
    if report.edition != nil || !talks.isEmpty || !report.projects.isEmpty { return true }
    return ([report.title] + report.sections.map(\.text)).contains { text in
      let folded = Folding.fold(text)
      return folded.containsASCII("kubecon") || folded.containsASCII("cloudnativecon") || folded.containsASCII("cloud native con")
    }
  }

  init(report: Report, diagnostics: [Diagnostic], numbers: [String]?) {
    self.report = report
    self.diagnostics = diagnostics
    self.numbers = numbers
    talks = report.extracted.map { t in
      let text = t.text ?? (report.sections.indices.contains(t.section) ? report.sections[t.section].text : "")
      return Talk(
        id: t.id, title: t.title, titleSource: t.titleSource, kind: t.kind, edition: report.edition,
        speakers: t.speakers, projects: t.projects, themes: t.themes, reports: [report.id],
        mentions: [Mention(report: report.id, line: t.line, excerpt: ReportParser.excerpt(text))], text: text,
        reportTitle: t.reportTitle, session: t.session)
    }
  }

  /// A report of a linked corpus as it was parsed: its own talks, no translations.
  init(unlinking linked: Report) {
    var report = linked
    report.translations = []
    report.talks = report.extracted.map(\.id)
    var sectionTalk: [Int: String] = [:]
    for t in report.extracted where sectionTalk[t.section] == nil { sectionTalk[t.section] = t.id }
    for i in report.sections.indices { report.sections[i].talk = sectionTalk[i] }
    self.init(report: report)
  }
}

/// Reads one report file into a typed ``Report`` with its talks, speakers, projects and themes.
///
/// ```swift
/// let parser = ReportParser(catalog: try Catalog.load(from: dataDirectory))
/// let parsed = try parser.parse(fileAt: "my-kubecon-report.md")
/// ```
public struct ReportParser: Sendable {
  let catalog: Catalog
  let speakers: SpeakerParser
  let talkExtractor: TalkExtractor
  let projectMatcher: ProjectMatcher
  let themeClassifier: ThemeClassifier
  let editionResolver: EditionResolver
  let categoryOf: [String: String]

  public init(catalog: Catalog) {
    self.catalog = catalog
    // Made on both cores: the catalog's phrases and names, every time a command reads reports.
    let (themes, (names, editions), projects) = concurrently(
      { ThemeClassifier(themes: catalog.themes) },
      { (PersonNames(catalog: catalog), EditionResolver(catalog: catalog)) },
      { ProjectMatcher(projects: catalog.projects) })
    speakers = SpeakerParser(names: names)
    projectMatcher = projects
    talkExtractor = TalkExtractor(parser: speakers, projects: projectMatcher)
    themeClassifier = themes
    editionResolver = editions
    categoryOf = Dictionary(catalog.projects.map { ($0.name, $0.category) }, uniquingKeysWith: { a, _ in a })
  }

  /// Parses the file at `path`.
  /// - Parameter displayPath: how warnings and errors name the file (default: `path`).
  /// - Throws: ``KubeConError`` when the file cannot be read or is not text.
  /// - Parameter explain: keep every decision about what is a talk (``ParsedReport/explanation``).
  public func parse(fileAt path: String, displayPath: String? = nil, id: String? = nil, explain: Bool = false) throws -> ParsedReport {
    let shown = displayPath ?? path
    let data = try FileReading.read(path, shown: shown, limit: ReportFile.maxSize)
    return try parse(data: data, file: shown, id: id ?? ReportParser.id(forFile: path), explain: explain)
  }

  /// File names that say nothing of the report (a site generator's page bundle): the folder names it.
  static let genericNames: Set<String> = ["index", "_index", "readme", "post", "article", "content", "page"]

  /// A report's id from its file name: `2025/kubecon-london/index.md` gives `kubecon-london`.
  static func id(forFile path: String) -> String {
    let url = URL(fileURLWithPath: path)
    var name = url.deletingPathExtension().lastPathComponent
    if genericNames.contains(name.lowercased()) {
      let folder = url.deletingLastPathComponent().lastPathComponent
      if !folder.isEmpty && folder != "/" { name = folder }
    }
    return Slug.make(name, maxLength: 80)
  }

  /// The system's words for a file error ("Permission denied").
  public static func reason(_ error: Error) -> String {
    let ns = error as NSError
    if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
      return String(cString: strerror(Int32(underlying.code)))
    }
    if ns.domain == NSCocoaErrorDomain && ns.code == NSFileReadNoPermissionError { return "permission denied" }
    return ns.localizedDescription
  }

  /// Parses files on every core; the results come back in the order of `files`.
  ///
  /// Each report's id comes from its file name (``id(forFile:)``), made unique in the order of
  /// `files`: `a.md` and `a.txt` give `a` and `a-2`.
  /// - Parameter files: (path, how messages name it) pairs.
  public func parseAll(_ files: [(path: String, shown: String)]) -> [Result<ParsedReport, Error>] {
    var used = UniqueIds()
    let ids = files.map { used.claim(ReportParser.id(forFile: $0.path)) }
    let results = Slots<Result<ParsedReport, Error>>(count: files.count)
    // The largest files first: the cores take the next file as they finish one, and the small
    // ones left at the end keep them both busy until the last (3-4% less time for 100 and 1,000
    // reports, see BENCHMARKS.md). A file that cannot be read counts as empty here and fails below.
    let sizes = files.map { file -> Int in
      var info = stat()
      return stat(file.path, &info) == 0 ? Int(info.st_size) : 0
    }
    let order = files.indices.sorted { sizes[$0] != sizes[$1] ? sizes[$0] > sizes[$1] : $0 < $1 }
    DispatchQueue.concurrentPerform(iterations: files.count) { k in
      let i = order[k]
      results.set(i, Result { try parse(fileAt: files[i].path, displayPath: files[i].shown, id: ids[i]) })
    }
    return results.all
  }

  /// Parses a report's bytes. `file` names it in warnings and errors.
  func parse(data: Data, file: String, id: String, explain: Bool = false) throws -> ParsedReport {
    let doc = try ReportFile.document(data, file: file)
    var diagnostics = doc.warnings

    let title = ReportMetadata.title(doc, file: file)
    let author = ReportMetadata.author(doc, parser: speakers)
    let organization = ReportMetadata.organization(doc)
    let bodyText = doc.bodyText
    let reportTitleTokens = Tokenizer.tokens(title)
    let bodyTokens = doc.bodyTokens
    let hint = ["lang", "language", "locale"].lazy.compactMap { doc.frontMatter.string($0) }.first
    let language = LanguageDetector.detect(words: bodyTokens, hint: hint)
    if bodyText.pieceCount(upTo: 5) < 5 {
      diagnostics.append(Diagnostic(file: file, line: 1, message: "the report has almost no text"))
    }
    let date = DateExtractor.fromFrontMatter(doc.frontMatter)
      // The first 20 blocks start the body: their words are the body's first ones.
      ?? DateExtractor.fromText(bodyText, tokens: bodyTokens.prefix(doc.blocks.prefix(20).reduce(0) { $0 + $1.tokens.count }))
    diagnostics += ReportParser.frontMatterTypes(doc.frontMatter, file: file)
    let ranked = editionResolver.ranked(
      title: title, frontMatterText: ReportMetadata.frontMatterText(doc.frontMatter), text: bodyText,
      tokens: bodyTokens, date: date)
    let edition = (ReportParser.programVote(ranked, tokens: bodyTokens, programs: catalog.programs, editions: catalog.editions)
      ?? ranked.first?.edition)?.ref
    if edition == nil {
      diagnostics.append(Diagnostic(file: file, line: 1, message: "no KubeCon edition recognized (no city, year or date points to one)"))
    }

    let outline = Outline.sections(of: doc)
    let sectionTexts = outline.map(\.text)
    // The body's project names and theme keywords, found once: a talk's text is part of the body,
    // and its matches are read from these.
    let projectScan = projectMatcher.read(bodyTokens, text: bodyText, marks: ProjectMatcher.Marks(doc.blocks))
    let themeScan = themeClassifier.scan(bodyTokens)
    let log = explain ? ExtractionLog() : nil
    var candidates = talkExtractor.talks(in: outline, author: author, projectScan: projectScan, log: log)
    // Linked to the edition's program; without one, session names copied into the report are still read.
    let program = edition.flatMap { catalog.programs.program($0.id) } ?? Program.empty
    candidates = SessionLinker(program: program, names: speakers.names).link(candidates, sections: outline, author: author, log: log)
    var extracted: [ExtractedTalk] = []
    var usedIds = UniqueIds()
    var sectionTalk: [Int: String] = [:]
    for c in candidates {
      let talkId = usedIds.claim((edition?.id ?? id) + "-" + Slug.make(c.title))
      if sectionTalk[c.section] == nil { sectionTalk[c.section] = talkId }
      // The tokens of "title\ntext" are the title's and the text's (the line break starts a
      // sentence, as the start of a text does).
      let titleTokens = Tokenizer.tokens(c.title)
      let textTokens = c.tokens
      let projects = projectMatcher.mentions(in: titleTokens[...], then: textTokens, known: projectScan).keys.sorted()
      let themes = themeClassifier.themes(
        titleTokens: titleTokens, textTokens: textTokens, projectCategories: projects.compactMap { categoryOf[$0] },
        known: themeScan)
      let sectionText = sectionTexts.indices.contains(c.section) ? sectionTexts[c.section] : nil
      extracted.append(ExtractedTalk(
        id: talkId, title: c.title, titleSource: c.titleSource, kind: c.kind, speakers: c.speakers,
        projects: projects, themes: themes.sorted(), line: c.line, section: c.section,
        text: c.text == sectionText ? nil : c.text, reportTitle: c.reportTitle, session: c.session))
    }

    let reportMentions = projectMatcher.mentions(in: reportTitleTokens[...], then: bodyTokens[...], known: projectScan)
    var themeSet = Set(extracted.flatMap(\.themes))
    let reportThemes = themeClassifier.themes(
      titleTokens: reportTitleTokens, textTokens: bodyTokens[...], projectCategories: reportMentions.keys.compactMap { categoryOf[$0] },
      known: themeScan)
    // The report's own text names its main subjects: those with strong evidence count too.
    themeSet.formUnion(reportThemes.prefix(6))

    var sections: [Section] = []
    var sectionIds = UniqueIds()
    for (index, s) in outline.enumerated() {
      let sid = sectionIds.claim(s.title.map { Slug.make($0) } ?? "intro")
      sections.append(Section(id: sid, heading: s.title, level: s.level, line: s.line, text: sectionTexts[index], talk: sectionTalk[index]))
    }

    let report = Report(
      id: id, file: file, title: title, language: language, date: date, author: author,
      organization: organization, edition: edition, translations: [], talks: extracted.map(\.id),
      projects: reportMentions.keys.sorted(), themes: themeSet.sorted(), sections: sections,
      warnings: diagnostics.map(\.description), contentHash: SHA256.hex(data), extracted: extracted,
      unknownProjects: UnknownProjects.find(in: doc.blocks, matcher: projectMatcher))
    // The sections' words are slices of the body's: their numbers are read here, not from their
    // texts again when translations are compared.
    var parsed = ParsedReport(report: report, diagnostics: diagnostics, numbers: outline.flatMap { Linker.numbers(in: $0.tokens) })
    if let log {
      let talks = candidates.map { c in
        let score = Evidence.score(c.evidence)
        let decision = (score > 0 ? "talk (score \(score))" : "talk") + (c.session.map { ", session " + $0.id } ?? "")
          + (c.titleIsAuthorsHeading ? ", its title the author's heading (derived): no session of the program has it" : "")
        return ExtractionNote(line: c.line, span: c.reportTitle ?? c.title, evidence: c.evidence, isTalk: true, decision: decision)
      }
      parsed.explanation = (log.notes + talks).enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
    }
    return parsed
  }

  /// The edition the program names, when the text leaves the edition open (nothing points to
  /// one, or editions tie): of the editions in question (all those with a program when none), the
  /// one whose program has the most session titles in the report, two at least and more than any
  /// other's. Nil when the text decides, or the programs do not.
  static func programVote(_ ranked: [(edition: Edition, score: Double)], tokens: [Token], programs: Programs, editions: [Edition]) -> Edition? {
    let tied = ranked.filter { $0.score == ranked.first?.score }.map(\.edition)
    guard ranked.isEmpty || tied.count > 1 else { return nil }
    let withPrograms = Set(programs.editions)
    let open = (ranked.isEmpty ? editions : tied).filter { withPrograms.contains($0.id) }
    let counts = open.map { e in (e, Set(programs.program(e.id)?.titles(inside: tokens[...]) ?? []).count) }.sorted { $0.1 > $1.1 }
    guard let top = counts.first, top.1 >= 2, counts.count == 1 || counts[1].1 < top.1 else { return nil }
    return top.0
  }

  /// Fields of the wrong type: a title or date given as a list, a date that is no date.
  static func frontMatterTypes(_ fm: FrontMatter, file: String) -> [Diagnostic] {
    var found: [Diagnostic] = []
    func flag(_ key: String, _ message: String) {
      found.append(Diagnostic(file: file, line: fm.lines[key] ?? 1, message: "front matter '\(key)' \(message)", invalid: true, fallback: "ignored"))
    }
    for key in ["title", "date", "pubdate", "published", "lang", "language"] {
      if case .list(let items)? = fm.fields[key] { flag(key, items.isEmpty ? "is empty or a nested map, not text" : "should be text, not a list") }
    }
    for key in ["date", "pubdate", "published", "publishdate"] {
      if let value = fm.string(key), DateExtractor.isoDate(value) == nil, DateExtractor.fromText(value) == nil {
        flag(key, "is not a date (YYYY-MM-DD): '\(value.prefix(40))'")
      }
    }
    if case .list(let items)? = fm.fields["author"], items.isEmpty { flag("author", "is empty or a nested map, not a name") }
    return found
  }

  /// Whether `text` has at least `n` characters, counted no further.
  static func hasCharacters(_ text: String, atLeast n: Int) -> Bool {
    // Fewer bytes are fewer characters. Where the first n scalars are lone, they are n characters,
    // counted from the bytes (walking characters is much slower).
    if text.utf8.count < n { return false }
    var text = text
    let counted = text.withUTF8 { b in Graphemes.endOfLoneScalars(b, upTo: n).map { $0.count == n } }
    return counted ?? (text.index(text.startIndex, offsetBy: n, limitedBy: text.endIndex) != nil)
  }

  /// The first 200 characters of a text, its line breaks made spaces, cut at a word.
  static func excerpt(_ text: String) -> String {
    var text = text
    return text.withUTF8 { all in
      // Only the start of a long text is read: enough bytes for 201 characters and the start of a
      // 202nd (which proves the 201st whole), doubled while there are fewer and the text goes on.
      var take = 256
      while true {
        var end = min(take, all.count)
        while end < all.count && all[end] & 0xC0 == 0x80 { end += 1 }  // a scalar boundary
        let whole = end == all.count
        let flat = [UInt8](unsafeUninitializedCapacity: end) { out, count in
          for k in 0..<end { out[k] = all[k] == 0x0A ? 0x20 : all[k] }
          count = end
        }
        let excerpt = flat.withUnsafeBufferPointer { b -> String? in
          let characters = CharacterOffsets(b)
          let i = characters.advance(0, by: 200)
          if i == b.count { return whole ? String(decoding: b, as: UTF8.self) : nil }  // at most 200 characters
          guard whole || characters.next(i) < b.count else { return nil }
          // At the last space of the 200 characters (a space with an accent on it is no space).
          let cut = b[..<i].indices.last { b[$0] == 0x20 && Graphemes.breaksAfterSpace(b, at: $0 + 1) } ?? i
          return String(decoding: UnsafeBufferPointer(rebasing: b[..<cut]), as: UTF8.self) + "…"
        }
        if let excerpt { return excerpt }
        take *= 2
      }
    }
  }
}
