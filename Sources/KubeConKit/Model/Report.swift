/// One trip report, as read from a file.
public struct Report: Codable, Hashable, Sendable {
  public var id: String
  /// The path as given when parsing; relative to the reports folder in a corpus.
  public var file: String
  public var title: String
  public var language: String
  /// `YYYY-MM-DD`.
  public var date: String?
  public var author: String?
  public var organization: String?
  public var edition: EditionRef?
  public var translations: [String]
  public var talks: [String]
  public var projects: [String]
  public var themes: [String]
  public var sections: [Section]
  public var warnings: [String]
  /// SHA-256 of the file's bytes: the report's identity by content.
  public var contentHash: String

  public init(
    id: String, file: String, title: String, language: String, date: String?, author: String?,
    organization: String?, edition: EditionRef?, translations: [String] = [], talks: [String] = [],
    projects: [String] = [], themes: [String] = [], sections: [Section] = [], warnings: [String] = [],
    contentHash: String = ""
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
    self.themes = themes
    self.sections = sections
    self.warnings = warnings
    self.contentHash = contentHash
  }
}
