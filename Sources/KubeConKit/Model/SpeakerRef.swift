/// A speaker as a talk names them: `{"name": "Jane Doe", "organization": "Acme"}`.
public struct SpeakerRef: Codable, Hashable, Sendable {
  public var name: String
  public var organization: String?

  public init(name: String, organization: String? = nil) {
    self.name = name
    self.organization = organization
  }

  enum CodingKeys: String, CodingKey { case name, organization }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(name, forKey: .name)
    try c.encode(organization, forKey: .organization)  // explicit null keeps the contract visible
  }
}
