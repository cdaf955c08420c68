/// How a talk's title was obtained.
public enum TitleSource: String, Codable, Sendable, FieldEnum {
  /// Written by the report: a heading, quoted text, bold or link text.
  case stated
  /// Made from the section that presents the talk.
  case derived
  /// The official title of the session of the program the talk is linked to.
  case schedule
}

/// The kind of conference session.
public enum TalkKind: String, Codable, Sendable, CaseIterable, FieldEnum {
  case keynote, session, panel, lightning, demo, tutorial
}

/// Where a report presents a talk.
public struct Mention: Codable, Hashable, Sendable {
  public var report = ""
  public var line = 0
  public var excerpt = ""

  init(report: String, line: Int, excerpt: String) {
    self.report = report
    self.line = line
    self.excerpt = excerpt
  }
}

/// A conference session presented by one or more reports.
public struct Talk: Codable, Hashable, Sendable {
  public var id = ""
  public var title = ""
  public var titleSource = TitleSource.stated
  /// How the first report that presents it words the title, when that is not `title`.
  public var reportTitle: String?
  public var kind = TalkKind.session
  public var edition: EditionRef?
  public var speakers: [SpeakerRef] = []
  public var projects: [String] = []
  public var themes: [String] = []
  public var reports: [String] = []
  public var mentions: [Mention] = []
  /// The text of the section that presents the talk (first mention).
  var text = ""
  /// The session of the program the talk is, when it is linked to one.
  public var session: SessionRef?

  init(
    id: String, title: String, titleSource: TitleSource, kind: TalkKind, edition: EditionRef?,
    speakers: [SpeakerRef], projects: [String], themes: [String], reports: [String],
    mentions: [Mention], text: String, reportTitle: String? = nil, session: SessionRef? = nil
  ) {
    self.id = id
    self.title = title
    self.titleSource = titleSource
    self.kind = kind
    self.edition = edition
    self.speakers = speakers
    self.projects = projects
    self.themes = themes
    self.reports = reports
    self.mentions = mentions
    self.text = text
    self.reportTitle = reportTitle
    self.session = session
  }
}

extension Mention: FieldListed {
  init() {}

  mutating func fields<V: FieldVisitor>(_ v: inout V) throws(V.Failure) {
    try v.field("excerpt", &excerpt, .detail)
    try v.field("line", &line)
    try v.field("report", &report, .shared)
  }
}

extension Talk: FieldListed {
  init() {}

  mutating func fields<V: FieldVisitor>(_ v: inout V) throws(V.Failure) {
    try v.field("edition", &edition)
    try v.field("id", &id)
    try v.field("kind", &kind)
    try v.field("mentions", &mentions)
    try v.field("projects", &projects)
    try v.field("reportTitle", &reportTitle)
    try v.field("reports", &reports)
    try v.field("session", &session)
    try v.field("speakers", &speakers)
    try v.field("text", &text, .detail)
    try v.field("themes", &themes)
    try v.field("title", &title)
    try v.field("titleSource", &titleSource)
  }
}
