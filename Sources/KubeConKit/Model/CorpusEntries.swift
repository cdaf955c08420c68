/// A person who presented at least one talk, across reports and editions.
public struct Speaker: Codable, Hashable, Sendable {
  public var id = ""
  public var name = ""
  public var organizations: [String] = []
  public var talks: [String] = []
  public var years: [Int] = []
  public var reports: [String] = []
}

/// A catalog project as the corpus sees it: where it is mentioned.
public struct ProjectEntry: Codable, Hashable, Sendable {
  public var id = ""
  public var name = ""
  public var aliases: [String] = []
  @Nullable public var maturity: String? = nil
  public var category = ""
  /// Reports mentioning the project, per edition year (`"2024": 3`).
  public var mentions: [String: Int] = [:]
  public var talks: [String] = []
  public var reports: [String] = []
  /// False for a project no catalog knows, named by two reports or more.
  var known: Bool = true
}

/// A theme of the taxonomy as the corpus sees it.
public struct ThemeEntry: Codable, Hashable, Sendable {
  public var id = ""
  public var labels = Labels()
  /// Talks per edition year (`"2025": 7`).
  public var talks: [String: Int] = [:]
  public var talkIds: [String] = []
  public var reports: [String] = []
}

/// A label in English and in French.
public struct Labels: Codable, Hashable, Sendable {
  public var en = ""
  public var fr = ""

  init(en: String, fr: String) {
    self.en = en
    self.fr = fr
  }
}

extension Speaker: FieldListed {
  mutating func fields<V: FieldVisitor>(_ v: inout V) throws(V.Failure) {
    try v.field("id", &id)
    try v.field("name", &name)
    try v.field("organizations", &organizations)
    try v.field("reports", &reports)
    try v.field("talks", &talks)
    try v.field("years", &years)
  }
}

extension ProjectEntry: FieldListed {
  mutating func fields<V: FieldVisitor>(_ v: inout V) throws(V.Failure) {
    try v.field("aliases", &aliases)
    try v.field("category", &category)
    try v.field("id", &id)
    try v.field("known", &known, .mayBeMissing)
    try v.field("maturity", &_maturity)
    try v.field("mentions", &mentions)
    try v.field("name", &name)
    try v.field("reports", &reports)
    try v.field("talks", &talks)
  }
}

extension ThemeEntry: FieldListed {
  mutating func fields<V: FieldVisitor>(_ v: inout V) throws(V.Failure) {
    try v.field("id", &id)
    try v.field("labels", &labels)
    try v.field("reports", &reports)
    try v.field("talkIds", &talkIds)
    try v.field("talks", &talks)
  }
}

extension Labels: FieldListed {
  init() {}

  mutating func fields<V: FieldVisitor>(_ v: inout V) throws(V.Failure) {
    try v.field("en", &en)
    try v.field("fr", &fr)
  }
}
