/// A speaker as a talk names them: `{"name": "Jane Doe", "organization": "Acme"}`.
public struct SpeakerRef: Codable, Hashable, Sendable {
  public var name = ""
  @Nullable public var organization: String? = nil

  public init(name: String, organization: String? = nil) {
    self.name = name
    self.organization = organization
  }
}

extension SpeakerRef: FieldListed {
  init() {}

  mutating func fields<V: FieldVisitor>(_ v: inout V) throws(V.Failure) {
    try v.field("name", &name)
    try v.field("organization", &_organization)
  }
}
