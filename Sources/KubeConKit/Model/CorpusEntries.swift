/// A person who presented at least one talk, across reports and editions.
public struct Speaker: Codable, Hashable, Sendable {
  public var id: String
  public var name: String
  public var organizations: [String]
  public var talks: [String]
  public var years: [Int]
  public var reports: [String]
}

/// A catalog project as the corpus sees it: where it is mentioned.
public struct ProjectEntry: Codable, Hashable, Sendable {
  public var id: String
  public var name: String
  public var aliases: [String]
  @Nullable public var maturity: String?
  public var category: String
  /// Reports mentioning the project, per edition year (`"2024": 3`).
  public var mentions: [String: Int]
  public var talks: [String]
  public var reports: [String]
  /// False for a project no catalog knows, named by two reports or more.
  var known: Bool = true
}

/// A theme of the taxonomy as the corpus sees it.
public struct ThemeEntry: Codable, Hashable, Sendable {
  public var id: String
  public var labels: Labels
  /// Talks per edition year (`"2025": 7`).
  public var talks: [String: Int]
  public var talkIds: [String]
  public var reports: [String]
}

/// A label in English and in French.
public struct Labels: Codable, Hashable, Sendable {
  public var en: String
  public var fr: String

  init(en: String, fr: String) {
    self.en = en
    self.fr = fr
  }
}
