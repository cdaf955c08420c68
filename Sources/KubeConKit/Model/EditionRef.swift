/// The KubeCon edition a report or talk belongs to: `{"id": "eu-2025", "year": 2025, "city": "London", "region": "EU"}`.
public struct EditionRef: Codable, Hashable, Sendable, Comparable {
  public var id: String
  public var year: Int
  public var city: String
  public var region: String

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
