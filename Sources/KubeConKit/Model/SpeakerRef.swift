/// A speaker as a talk names them: `{"name": "Jane Doe", "organization": "Acme"}`.
public struct SpeakerRef: Codable, Hashable, Sendable {
  public var name: String
  @Nullable public var organization: String?

  public init(name: String, organization: String? = nil) {
    self.name = name
    self.organization = organization
  }
}
