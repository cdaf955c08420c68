/// An optional property that JSON output writes as `null` when it has no value, where `Codable`
/// would leave its key out: every object of one kind has every key, and a script reads one shape.
///
/// ```swift
/// struct SpeakerRef: Codable { var name: String; @Nullable var organization: String? }
/// // {"name": "Jane Doe", "organization": null}
/// ```
/// Read from JSON, a missing key or `null` is nil.
@propertyWrapper
public struct Nullable<Value> {
  public var wrappedValue: Value?

  public init(wrappedValue: Value?) {
    self.wrappedValue = wrappedValue
  }
}

extension Nullable: Encodable where Value: Encodable {
  public func encode(to encoder: Encoder) throws {
    var c = encoder.singleValueContainer()
    if let value = wrappedValue { try c.encode(value) } else { try c.encodeNil() }
  }
}

extension Nullable: Decodable where Value: Decodable {
  public init(from decoder: Decoder) throws {
    let c = try decoder.singleValueContainer()
    wrappedValue = c.decodeNil() ? nil : try c.decode(Value.self)
  }
}

extension KeyedDecodingContainer {
  /// A missing key is nil, as for any optional (the synthesized `init(from:)` calls this).
  public func decode<Value: Decodable>(_: Nullable<Value>.Type, forKey key: Key) throws -> Nullable<Value> {
    Nullable(wrappedValue: try decodeIfPresent(Value.self, forKey: key))
  }
}

extension Nullable: Equatable where Value: Equatable {}
extension Nullable: Hashable where Value: Hashable {}
extension Nullable: Sendable where Value: Sendable {}
