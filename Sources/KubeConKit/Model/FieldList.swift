/// A model whose stored fields are listed once, in ``fields(_:)``. The list drives its JSON
/// reading and writing (``JSONReader``, ``JSONWriter``, see `FieldJSON.swift`) and its rows in the
/// index tables (``TableWriter``, ``TableReader``); the index's version follows the lists (see
/// ``FieldShape``). Adding a field to a model is adding it to the type and to its list.
///
/// ```swift
/// extension SpeakerRef: FieldListed {
///   mutating func fields<V: FieldVisitor>(_ v: inout V) throws(V.Failure) {
///     try v.field("name", &name)
///     try v.field("organization", &_organization)  // @Nullable: written as null when nil
///   }
/// }
/// ```
///
/// Fields are listed in the byte order of their keys, the order JSON writes them in (a test checks
/// every model). `Codable` is synthesized from the same stored properties, for the commands' JSON
/// output; a test checks that both give the same bytes.
protocol FieldListed: FieldValue {
  /// A blank value, which readers fill in.
  init()
  /// Calls `v` with each stored field, its key and its options.
  mutating func fields<V: FieldVisitor>(_ v: inout V) throws(V.Failure)
}

/// What goes through a model's fields: a reader, a writer, a check.
protocol FieldVisitor {
  associatedtype Failure: Error
  mutating func field<T: FieldValue>(_ key: String, _ value: inout T, _ options: FieldOptions) throws(Failure)
}

extension FieldVisitor {
  mutating func field<T: FieldValue>(_ key: String, _ value: inout T) throws(Failure) { try field(key, &value, []) }
}

/// How a field is stored, beyond its type.
struct FieldOptions: OptionSet, Sendable {
  let rawValue: UInt8

  /// May be missing or null in JSON, as in corpora written before the field was: it keeps its
  /// blank value. (An optional always may.)
  static let mayBeMissing = FieldOptions(rawValue: 1 << 0)
  /// Kept out of the index's tables, in its entry's details record: a long text, read for the
  /// one entry a command shows.
  static let detail = FieldOptions(rawValue: 1 << 1)
  /// A list of the corpus written on every core (see ``JSONWriter/parallelList(_:)``).
  static let parallel = FieldOptions(rawValue: 1 << 2)
  /// A string that recurs, held once when read (see ``JSONReader/sharedString()``). The strings
  /// of a list always are.
  static let shared = FieldOptions(rawValue: 1 << 3)
}

/// A type a field may have: a string, a number, a flag, a string enum, a model, or an optional,
/// a list or a count by key of one. Its JSON coding is in `FieldJSON.swift`, its table coding in
/// `FieldTables.swift`.
protocol FieldValue: Sendable {
  static func read(json r: inout JSONReader, _ options: FieldOptions) throws -> Self
  func write(json w: inout JSONWriter, _ options: FieldOptions)
  static func read(table r: inout TableReader) throws -> Self
  func write(table w: inout TableWriter)
  /// Adds the type's shape to `s`, for the index's version (see ``FieldShape``).
  static func shape(into s: inout FieldShape)
  /// Whether JSON leaves the key out (a nil optional).
  var isMissing: Bool { get }
  /// Whether the key may be missing from JSON.
  static var mayBeMissing: Bool { get }
  /// Calls `v` with the fields of the models inside this value (for reading the details of an
  /// entry, which may be fields of its list's elements).
  mutating func nestedFields<V: FieldVisitor>(_ v: inout V) throws(V.Failure)
}

extension FieldValue {
  var isMissing: Bool { false }
  static var mayBeMissing: Bool { false }
  mutating func nestedFields<V: FieldVisitor>(_ v: inout V) throws(V.Failure) {}
}

extension FieldListed {
  mutating func nestedFields<V: FieldVisitor>(_ v: inout V) throws(V.Failure) { try fields(&v) }

  static func shape(into s: inout FieldShape) {
    s.add("{")
    var blank = Self()
    blank.fields(&s)
    s.add("}")
  }
}

/// A string enum, stored as its raw value.
protocol FieldEnum: FieldValue, RawRepresentable where RawValue == String {}

extension String: FieldValue {
  static func shape(into s: inout FieldShape) { s.add("s") }
}

extension Int: FieldValue {
  static func shape(into s: inout FieldShape) { s.add("i") }
}

extension Bool: FieldValue {
  static func shape(into s: inout FieldShape) { s.add("b") }
}

extension FieldEnum {
  static func shape(into s: inout FieldShape) { s.add("e") }
}

extension Optional: FieldValue where Wrapped: FieldValue {
  var isMissing: Bool { map { _ in false } ?? true }
  static var mayBeMissing: Bool { true }
  static func shape(into s: inout FieldShape) {
    Wrapped.shape(into: &s)
    s.add("?")
  }

  mutating func nestedFields<V: FieldVisitor>(_ v: inout V) throws(V.Failure) {
    guard var value = self else { return }
    try value.nestedFields(&v)
    self = value
  }
}

/// An optional written as `null` when nil, where an optional's key is left out.
extension Nullable: FieldValue where Value: FieldValue {
  static var mayBeMissing: Bool { true }
  static func shape(into s: inout FieldShape) {
    Value.shape(into: &s)
    s.add("?!")
  }

  mutating func nestedFields<V: FieldVisitor>(_ v: inout V) throws(V.Failure) { try wrappedValue.nestedFields(&v) }
}

extension Array: FieldValue where Element: FieldValue {
  static func shape(into s: inout FieldShape) {
    s.add("[")
    Element.shape(into: &s)
    s.add("]")
  }

  mutating func nestedFields<V: FieldVisitor>(_ v: inout V) throws(V.Failure) {
    for k in indices { try self[k].nestedFields(&v) }
  }
}

/// Counts by key (`{"2024": 3}`).
extension Dictionary: FieldValue where Key == String, Value == Int {
  static func shape(into s: inout FieldShape) { s.add("{s:i}") }
}

/// The shape of a model's fields (keys, options, types), which the index's version is made from:
/// an index written with other field lists is rebuilt. It is a checksum, made as the fields are
/// visited (every command that opens the index makes it once).
struct FieldShape: FieldVisitor {
  typealias Failure = Never
  /// FNV-1a of the shape's text.
  private(set) var checksum: UInt64 = 0xcbf2_9ce4_8422_2325

  /// The shape of a model.
  static func of<T: FieldValue>(_: T.Type) -> UInt64 {
    var s = FieldShape()
    T.shape(into: &s)
    return s.checksum
  }

  mutating func add(_ text: String) {
    for b in text.utf8 { add(byte: b) }
  }

  private mutating func add(byte b: UInt8) { checksum = (checksum ^ UInt64(b)) &* 0x100_0000_01b3 }

  mutating func field<T: FieldValue>(_ key: String, _ value: inout T, _ options: FieldOptions) {
    add(key)
    add(byte: options.rawValue)
    T.shape(into: &self)
    add(",")
  }
}
