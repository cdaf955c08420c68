/// The KubeCon edition a report or talk belongs to: `{"id": "eu-2025", "year": 2025, "city": "London", "region": "EU"}`.
public struct EditionRef: Codable, Hashable, Sendable, Comparable {
  public var id = ""
  public var year = 0
  public var city = ""
  public var region = ""

  init(id: String, year: Int, city: String, region: String) {
    self.id = id
    self.year = year
    self.city = city
    self.region = region
  }

  /// "EU 2025 London".
  public var label: String { "\(region) \(year) \(city)" }

  public static func < (a: EditionRef, b: EditionRef) -> Bool {
    (a.year, a.region, a.city) < (b.year, b.region, b.city)
  }
}

extension EditionRef: FieldListed {
  init() {}

  mutating func fields<V: FieldVisitor>(_ v: inout V) throws(V.Failure) {
    try v.field("city", &city)
    try v.field("id", &id)
    try v.field("region", &region)
    try v.field("year", &year)
  }
}
