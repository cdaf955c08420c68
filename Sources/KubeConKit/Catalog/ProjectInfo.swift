/// A project of the catalog `Data/projects.json`.
struct ProjectInfo: Codable, Hashable, Sendable {
  var name: String
  var aliases: [String]
  /// `graduated`, `incubating`, `sandbox`, `archived`, or nil outside the CNCF (today's).
  var maturity: String?
  /// The catalog's category, which themes read (`observability`, `service-mesh`).
  var category: String
  /// Only the exact spelling matches (also true of every ordinary name).
  var caseSensitive: Bool
  /// The name is an ordinary English or French word (Flux, Port, Score): a mention counts only
  /// with evidence around it (see ``ProjectMatcher``).
  var ordinary: Bool
  /// A company's product in the landscape (outside the CNCF, no repository: Dynatrace,
  /// Snyk), mostly named for the company: a mention counts only with evidence that is neither
  /// another project's name nearby (a company stands next to its projects) nor a link to its
  /// homepage (the company's site).
  var organization: Bool
  /// What the CNCF landscape says of it, when it lists it.
  var landscape: Landscape?

  /// A project's place in the CNCF landscape and its maturity dates (`YYYY-MM-DD`).
  struct Landscape: Codable, Hashable, Sendable {
    var category: String
    var subcategory: String
    var accepted: String?
    var incubating: String?
    var graduated: String?
    var archived: String?
    var repo: String?
    var homepage: String?

    init(
      category: String, subcategory: String, accepted: String? = nil, incubating: String? = nil, graduated: String? = nil,
      archived: String? = nil, repo: String? = nil, homepage: String? = nil
    ) {
      (self.category, self.subcategory, self.accepted, self.incubating) = (category, subcategory, accepted, incubating)
      (self.graduated, self.archived, self.repo, self.homepage) = (graduated, archived, repo, homepage)
    }
  }

  var id: String { Slug.make(name) }

  enum CodingKeys: String, CodingKey { case name, aliases, maturity, category, caseSensitive, ordinary, organization, landscape }

  init(
    name: String, aliases: [String] = [], maturity: String? = nil, category: String, caseSensitive: Bool = false,
    ordinary: Bool = false, organization: Bool = false, landscape: Landscape? = nil
  ) {
    self.name = name
    self.aliases = aliases
    self.maturity = maturity
    self.category = category
    self.caseSensitive = caseSensitive || ordinary
    self.ordinary = ordinary
    self.organization = organization
    self.landscape = landscape
  }

  /// A mention needs evidence around it (``ordinary`` or ``organization``).
  var needsEvidence: Bool { ordinary || organization }

  init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      name: try c.decode(String.self, forKey: .name), aliases: try c.decodeIfPresent([String].self, forKey: .aliases) ?? [],
      maturity: try c.decodeIfPresent(String.self, forKey: .maturity), category: try c.decode(String.self, forKey: .category),
      caseSensitive: try c.decodeIfPresent(Bool.self, forKey: .caseSensitive) ?? false,
      ordinary: try c.decodeIfPresent(Bool.self, forKey: .ordinary) ?? false,
      organization: try c.decodeIfPresent(Bool.self, forKey: .organization) ?? false,
      landscape: try c.decodeIfPresent(Landscape.self, forKey: .landscape))
  }

  /// Writes only what is set: `caseSensitive` when the name is not ordinary, `ordinary` when it is.
  func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(name, forKey: .name)
    try c.encode(aliases, forKey: .aliases)
    try c.encode(maturity, forKey: .maturity)
    try c.encode(category, forKey: .category)
    if caseSensitive && !ordinary { try c.encode(true, forKey: .caseSensitive) }
    if ordinary { try c.encode(true, forKey: .ordinary) }
    if organization { try c.encode(true, forKey: .organization) }
    try c.encodeIfPresent(landscape, forKey: .landscape)
  }

  /// The maturity the project had on a day (`YYYY-MM-DD`): nil before the CNCF accepted it (or
  /// for a project outside it), then sandbox, incubating, graduated, archived as its dates say.
  /// Without dates, today's maturity.
  func maturity(on day: String) -> String? {
    guard let l = landscape, l.accepted != nil || l.incubating != nil || l.graduated != nil || l.archived != nil else { return maturity }
    if let d = l.archived, d <= day { return "archived" }
    if let d = l.graduated, d <= day { return "graduated" }
    if let d = l.incubating, d <= day { return "incubating" }
    if let d = l.accepted, d <= day { return "sandbox" }
    return nil
  }
}
