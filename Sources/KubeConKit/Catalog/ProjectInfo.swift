/// A project of the catalog `Data/projects.json`.
public struct ProjectInfo: Codable, Hashable, Sendable {
  public var name: String
  public var aliases: [String]
  /// `graduated`, `incubating`, `sandbox`, or nil outside the CNCF.
  public var maturity: String?
  public var category: String
  /// The name is also a common word: only its exact spelling matches.
  public var caseSensitive: Bool

  public var id: String { Slug.make(name) }

  enum CodingKeys: String, CodingKey { case name, aliases, maturity, category, caseSensitive }

  public init(name: String, aliases: [String] = [], maturity: String? = nil, category: String, caseSensitive: Bool = false) {
    self.name = name
    self.aliases = aliases
    self.maturity = maturity
    self.category = category
    self.caseSensitive = caseSensitive
  }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    name = try c.decode(String.self, forKey: .name)
    aliases = try c.decodeIfPresent([String].self, forKey: .aliases) ?? []
    maturity = try c.decodeIfPresent(String.self, forKey: .maturity)
    category = try c.decode(String.self, forKey: .category)
    caseSensitive = try c.decodeIfPresent(Bool.self, forKey: .caseSensitive) ?? false
  }
}
