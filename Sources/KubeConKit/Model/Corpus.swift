/// The knowledge base: reports, and the talks, speakers, projects and themes linked from them.
///
/// Encoded as sorted, pretty-printed JSON (see ``CorpusStore``); every array is sorted by id
/// so that the same reports always give the same bytes.
public struct Corpus: Codable, Hashable, Sendable {
  /// The newest schema this program reads and writes.
  public static let currentSchemaVersion = 2

  var schemaVersion: Int
  public var reports: [Report]
  public var talks: [Talk]
  public var speakers: [Speaker]
  public var projects: [ProjectEntry]
  public var themes: [ThemeEntry]
  var editions: [Edition]

  public init(
    schemaVersion: Int = Corpus.currentSchemaVersion, reports: [Report] = [], talks: [Talk] = [],
    speakers: [Speaker] = [], projects: [ProjectEntry] = [], themes: [ThemeEntry] = [],
    editions: [Edition] = []
  ) {
    self.schemaVersion = schemaVersion
    self.reports = reports
    self.talks = talks
    self.speakers = speakers
    self.projects = projects
    self.themes = themes
    self.editions = editions
  }
}

extension Corpus: FieldListed {
  init() { self.init(schemaVersion: Corpus.currentSchemaVersion) }

  mutating func fields<V: FieldVisitor>(_ v: inout V) throws(V.Failure) {
    try v.field("editions", &editions)
    try v.field("projects", &projects, .parallel)
    try v.field("reports", &reports, .parallel)
    try v.field("schemaVersion", &schemaVersion)
    try v.field("speakers", &speakers, .parallel)
    try v.field("talks", &talks, .parallel)
    try v.field("themes", &themes, .parallel)
  }
}
