import Foundation

/// A report with the talks found in it, before linking with other reports.
public struct ParsedReport: Sendable {
  public var report: Report
  public var talks: [Talk]
  public var diagnostics: [Diagnostic]
}

/// Reads one report file into a typed ``Report`` with its talks, speakers, projects and themes.
///
/// ```swift
/// let parser = ReportParser(catalog: try Catalog.load(from: dataDirectory))
/// let parsed = try parser.parse(fileAt: "my-kubecon-report.md")
/// ```
public struct ReportParser: Sendable {
  public let catalog: Catalog
  let speakers: SpeakerParser
  let talkExtractor: TalkExtractor
  let projectMatcher: ProjectMatcher
  let themeClassifier: ThemeClassifier
  let editionResolver: EditionResolver
  let categoryOf: [String: String]

  public init(catalog: Catalog) {
    self.catalog = catalog
    let names = PersonNames(catalog: catalog)
    speakers = SpeakerParser(names: names)
    projectMatcher = ProjectMatcher(projects: catalog.projects)
    talkExtractor = TalkExtractor(parser: speakers, projects: projectMatcher)
    themeClassifier = ThemeClassifier(themes: catalog.themes)
    editionResolver = EditionResolver(catalog: catalog)
    categoryOf = Dictionary(catalog.projects.map { ($0.name, $0.category) }, uniquingKeysWith: { a, _ in a })
  }

  /// Parses the file at `path`.
  /// - Parameter displayPath: how warnings and errors name the file (default: `path`).
  /// - Throws: ``KubeConError`` when the file cannot be read or is not text.
  public func parse(fileAt path: String, displayPath: String? = nil, id: String? = nil) throws -> ParsedReport {
    let shown = displayPath ?? path
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw KubeConError.fileNotFound(shown)
    }
    if isDirectory.boolValue { throw KubeConError.unreadable(shown, reason: "is a directory") }
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw KubeConError.unreadable(shown, reason: ReportParser.reason(error))
    }
    let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    return try parse(data: data, file: shown, id: id ?? Slug.make(name, maxLength: 80))
  }

  static func reason(_ error: Error) -> String {
    let ns = error as NSError
    if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
      return String(cString: strerror(Int32(underlying.code)))
    }
    if ns.domain == NSCocoaErrorDomain && ns.code == NSFileReadNoPermissionError { return "permission denied" }
    return ns.localizedDescription
  }

  /// Parses a report's bytes. `file` names it in warnings and errors.
  public func parse(data: Data, file: String, id: String) throws -> ParsedReport {
    let decoded = try TextDecoding.decode(data, path: file)
    var diagnostics = decoded.warnings.map { Diagnostic(file: file, line: 1, message: $0) }
    let doc = Document(text: decoded.text, file: file)
    diagnostics += doc.warnings

    let title = ReportMetadata.title(doc)
    let author = ReportMetadata.author(doc, parser: speakers)
    let organization = ReportMetadata.organization(doc)
    let bodyText = doc.blocks.map(\.text).joined(separator: "\n")
    let language = LanguageDetector.detect(bodyText)
    if bodyText.split(separator: " ").count < 5 {
      diagnostics.append(Diagnostic(file: file, line: 1, message: "the report has almost no text"))
    }
    let date = DateExtractor.fromFrontMatter(doc.frontMatter)
      ?? DateExtractor.fromText(doc.blocks.prefix(20).map(\.text).joined(separator: "\n"))
    if date == nil, doc.frontMatter.fields["date"] != nil {
      diagnostics.append(Diagnostic(file: file, line: 1, message: "front matter 'date' is not a date (YYYY-MM-DD); ignored"))
    }
    for key in ["title", "date"] {
      if case .list? = doc.frontMatter.fields[key] {
        diagnostics.append(Diagnostic(file: file, line: 1, message: "front matter '\(key)' should be text, not a list; ignored"))
      }
    }
    let edition = editionResolver.resolve(
      title: title, frontMatterText: ReportMetadata.frontMatterText(doc.frontMatter), text: bodyText, date: date)?.ref
    if edition == nil {
      diagnostics.append(Diagnostic(file: file, line: 1, message: "no KubeCon edition recognized (no city, year or date points to one)"))
    }

    let outline = Outline.sections(doc.blocks)
    let candidates = talkExtractor.talks(in: outline, author: author)
    var talks: [Talk] = []
    var usedIds = Set<String>()
    var sectionTalk: [Int: String] = [:]
    for c in candidates {
      let talkId = Slug.unique((edition?.id ?? id) + "-" + Slug.make(c.title), among: &usedIds)
      if sectionTalk[c.section] == nil { sectionTalk[c.section] = talkId }
      let projects = projectMatcher.mentions(in: c.title + "\n" + c.text).keys.sorted()
      let themes = themeClassifier.themes(
        title: c.title, text: c.text, projectCategories: projects.compactMap { categoryOf[$0] })
      talks.append(Talk(
        id: talkId, title: c.title, titleSource: c.titleSource, kind: c.kind, edition: edition,
        speakers: c.speakers, projects: projects, themes: themes.sorted(), reports: [id],
        mentions: [Mention(report: id, line: c.line, excerpt: ReportParser.excerpt(c.text))], text: c.text))
    }

    let reportMentions = projectMatcher.mentions(in: title + "\n" + bodyText)
    var themeSet = Set(talks.flatMap(\.themes))
    let reportThemes = themeClassifier.themes(
      title: title, text: bodyText, projectCategories: reportMentions.keys.compactMap { categoryOf[$0] })
    // The report's own text names its main subjects: those with strong evidence count too.
    themeSet.formUnion(reportThemes.prefix(6))

    var sections: [Section] = []
    var sectionIds = Set<String>()
    for (index, s) in outline.enumerated() {
      let sid = Slug.unique(s.title.map { Slug.make($0) } ?? "intro", among: &sectionIds)
      sections.append(Section(id: sid, heading: s.title, level: s.level, line: s.line, text: s.text, talk: sectionTalk[index]))
    }

    let report = Report(
      id: id, file: file, title: title, language: language, date: date, author: author,
      organization: organization, edition: edition, translations: [], talks: talks.map(\.id),
      projects: reportMentions.keys.sorted(), themes: themeSet.sorted(), sections: sections,
      warnings: diagnostics.map(\.description), contentHash: SHA256.hex(data))
    return ParsedReport(report: report, talks: talks, diagnostics: diagnostics)
  }

  /// The first 200 characters of a text, cut at a word.
  static func excerpt(_ text: String) -> String {
    let flat = text.replacingOccurrences(of: "\n", with: " ")
    guard flat.count > 200 else { return flat }
    let cut = flat.prefix(200)
    let end = cut.lastIndex(of: " ") ?? cut.endIndex
    return String(cut[..<end]) + "…"
  }
}
