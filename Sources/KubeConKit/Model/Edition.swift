/// A KubeCon + CloudNativeCon edition from the catalog `Data/editions.json`.
public struct Edition: Codable, Hashable, Sendable {
  /// `eu-2025`, `na-2023`, `china-2024`.
  public var id = ""
  public var year = 0
  /// `EU`, `NA`, `China`, `India`, `Japan`, ...
  public var region = ""
  public var city = ""
  /// Other names of the city (`Londres`, `Barcelone`).
  var cityAliases: [String] = []
  /// `YYYY-MM-DD`, or nil when not known.
  var start: String?
  var end: String?
  var virtual = false

  var ref: EditionRef { EditionRef(id: id, year: year, city: city, region: region) }

  /// The year an edition id ends with (`eu-2025` gives 2025), as every id of `Data/editions.json`
  /// does (a test checks it): what needs no more of the catalog reads it.
  public static func year(ofId id: String) -> Int? {
    id.split(separator: "-").last.flatMap { Int($0) }
  }

  enum CodingKeys: String, CodingKey { case id, year, region, city, cityAliases, start, end, virtual }

  init(
    id: String, year: Int, region: String, city: String, cityAliases: [String] = [], start: String? = nil,
    end: String? = nil, virtual: Bool = false
  ) {
    self.id = id
    self.year = year
    self.region = region
    self.city = city
    self.cityAliases = cityAliases
    self.start = start
    self.end = end
    self.virtual = virtual
  }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    id = try c.decode(String.self, forKey: .id)
    year = try c.decode(Int.self, forKey: .year)
    region = try c.decode(String.self, forKey: .region)
    city = try c.decode(String.self, forKey: .city)
    cityAliases = try c.decodeIfPresent([String].self, forKey: .cityAliases) ?? []
    start = try c.decodeIfPresent(String.self, forKey: .start)
    end = try c.decodeIfPresent(String.self, forKey: .end)
    virtual = try c.decodeIfPresent(Bool.self, forKey: .virtual) ?? false
  }
}

extension Edition: FieldListed {
  init() {}

  mutating func fields<V: FieldVisitor>(_ v: inout V) throws(V.Failure) {
    try v.field("city", &city)
    try v.field("cityAliases", &cityAliases, .mayBeMissing)
    try v.field("end", &end)
    try v.field("id", &id)
    try v.field("region", &region)
    try v.field("start", &start)
    try v.field("virtual", &virtual, .mayBeMissing)
    try v.field("year", &year)
  }
}
