/// One trip report, as read from a file.
public struct Report: Codable, Hashable, Sendable {
  public var id = ""
  /// The path as given when parsing; relative to the reports folder in a corpus.
  public var file = ""
  public var title = ""
  public var language = ""
  /// `YYYY-MM-DD`.
  public var date: String?
  public var author: String?
  public var organization: String?
  public var edition: EditionRef?
  public var translations: [String] = []
  public var talks: [String] = []
  public var projects: [String] = []
  /// Projects no catalog knows, named by a link to their repository or in a code span next to a
  /// cue word (`"known": false`); counted across reports once two reports name one.
  public var unknownProjects: [String] = []
  public var themes: [String] = []
  public var sections: [Section] = []
  public var warnings: [String] = []
  /// SHA-256 of the file's bytes: the report's identity by content.
  var contentHash = ""
  /// The talks as this report presents them, before linking with other reports: the corpus is
  /// rebuilt from these when reports are added or removed.
  var extracted: [ExtractedTalk] = []

  init(
    id: String, file: String, title: String, language: String, date: String?, author: String?,
    organization: String?, edition: EditionRef?, translations: [String] = [], talks: [String] = [],
    projects: [String] = [], themes: [String] = [], sections: [Section] = [], warnings: [String] = [],
    contentHash: String = "", extracted: [ExtractedTalk] = [], unknownProjects: [String] = []
  ) {
    self.id = id
    self.file = file
    self.title = title
    self.language = language
    self.date = date
    self.author = author
    self.organization = organization
    self.edition = edition
    self.translations = translations
    self.talks = talks
    self.projects = projects
    self.unknownProjects = unknownProjects
    self.themes = themes
    self.sections = sections
    self.warnings = warnings
    self.contentHash = contentHash
    self.extracted = extracted
  }
}

/// A talk as one report presents it, before linking (ids are local to the report).
struct ExtractedTalk: Codable, Hashable, Sendable {
  var id = ""
  var title = ""
  var titleSource = TitleSource.stated
  var kind = TalkKind.session
  var speakers: [SpeakerRef] = []
  var projects: [String] = []
  var themes: [String] = []
  var line = 0
  /// The index of the section that presents it.
  var section = 0
  /// The text that presents it, when it is not the whole section's text.
  var text: String?
  /// The report's wording of the title, when the title is the program's.
  var reportTitle: String?
  /// The session of the program the talk is, when it is linked to one.
  var session: SessionRef?

  init(
    id: String, title: String, titleSource: TitleSource, kind: TalkKind, speakers: [SpeakerRef], projects: [String],
    themes: [String], line: Int, section: Int, text: String?, reportTitle: String? = nil, session: SessionRef? = nil
  ) {
    self.id = id
    self.title = title
    self.titleSource = titleSource
    self.kind = kind
    self.speakers = speakers
    self.projects = projects
    self.themes = themes
    self.line = line
    self.section = section
    self.text = text
    self.reportTitle = reportTitle
    self.session = session
  }
}

extension Report: FieldListed {
  init() {}

  mutating func fields<V: FieldVisitor>(_ v: inout V) throws(V.Failure) {
    try v.field("author", &author)
    try v.field("contentHash", &contentHash)
    try v.field("date", &date)
    try v.field("edition", &edition)
    try v.field("extracted", &extracted, .detail)
    try v.field("file", &file)
    try v.field("id", &id)
    try v.field("language", &language)
    try v.field("organization", &organization)
    try v.field("projects", &projects)
    try v.field("sections", &sections, .detail)
    try v.field("talks", &talks)
    try v.field("themes", &themes)
    try v.field("title", &title)
    try v.field("translations", &translations)
    try v.field("unknownProjects", &unknownProjects, .mayBeMissing)
    try v.field("warnings", &warnings)
  }
}

extension ExtractedTalk: FieldListed {
  init() {}

  mutating func fields<V: FieldVisitor>(_ v: inout V) throws(V.Failure) {
    try v.field("id", &id)
    try v.field("kind", &kind)
    try v.field("line", &line)
    try v.field("projects", &projects)
    try v.field("reportTitle", &reportTitle)
    try v.field("section", &section)
    try v.field("session", &session)
    try v.field("speakers", &speakers)
    try v.field("text", &text)
    try v.field("themes", &themes)
    try v.field("title", &title)
    try v.field("titleSource", &titleSource)
  }
}
