/// The JSON of ``FieldListed`` models. A model is an object of its fields, written in the order
/// of its list (sorted keys: the bytes JSONEncoder gives with ``JSONOutput``, a test checks it), a
/// nil optional left out and a ``Nullable`` one written as `null`. It is read with JSONDecoder's
/// rules: unknown keys are skipped, a missing optional or ``FieldOptions/mayBeMissing`` field
/// keeps its blank value, any other missing field is an error.

extension FieldListed {
  static func read(json r: inout JSONReader, _ options: FieldOptions) throws -> Self {
    var value = Self()
    var found: UInt64 = 0  // by the field's place in the list
    try r.object { r, key in
      let place = try withUnsafeMutablePointer(to: &r) { reader in
        var member = JSONMember(key: key, reader: reader)
        try value.fields(&member)
        return member.found
      }
      if let place { found |= 1 << place } else { try r.skip() }
    }
    var check = MissingFields(found: found)
    try value.fields(&check)
    return value
  }

  func write(json w: inout JSONWriter, _ options: FieldOptions) {
    var value = self
    w.object { w in value.fields(&w) }
  }
}

extension JSONWriter: FieldVisitor {
  typealias Failure = Never

  mutating func field<T: FieldValue>(_ key: String, _ value: inout T, _ options: FieldOptions) {
    guard !value.isMissing else { return }
    self.key(key)
    value.write(json: &self, options)
  }
}

/// Reads an object's member into the field of its key, if the model has one.
private struct JSONMember: FieldVisitor {
  typealias Failure = any Error
  let key: String
  let reader: UnsafeMutablePointer<JSONReader>
  private var place = 0
  /// The place of the field read.
  private(set) var found: Int?

  init(key: String, reader: UnsafeMutablePointer<JSONReader>) {
    self.key = key
    self.reader = reader
  }

  mutating func field<T: FieldValue>(_ key: String, _ value: inout T, _ options: FieldOptions) throws {
    defer { place += 1 }
    guard found == nil, key == self.key else { return }
    found = place
    if options.contains(.mayBeMissing), try reader.pointee.null() { return }
    value = try T.read(json: &reader.pointee, options)
  }
}

/// Throws for the first field that was not read and may not be missing.
private struct MissingFields: FieldVisitor {
  typealias Failure = JSONReader.Problem
  let found: UInt64
  private var place = 0

  init(found: UInt64) { self.found = found }

  mutating func field<T: FieldValue>(_ key: String, _ value: inout T, _ options: FieldOptions) throws(JSONReader.Problem) {
    defer { place += 1 }
    guard found & (1 << place) == 0, !T.mayBeMissing, !options.contains(.mayBeMissing) else { return }
    throw JSONReader.missingField(key)
  }
}

extension String {
  static func read(json r: inout JSONReader, _ options: FieldOptions) throws -> String {
    options.contains(.shared) ? try r.sharedString() : try r.string()
  }

  func write(json w: inout JSONWriter, _ options: FieldOptions) { w.string(self) }
}

extension Int {
  static func read(json r: inout JSONReader, _ options: FieldOptions) throws -> Int { try r.int() }
  func write(json w: inout JSONWriter, _ options: FieldOptions) { w.int(self) }
}

extension Bool {
  static func read(json r: inout JSONReader, _ options: FieldOptions) throws -> Bool { try r.bool() }
  func write(json w: inout JSONWriter, _ options: FieldOptions) { w.bool(self) }
}

extension FieldEnum {
  static func read(json r: inout JSONReader, _ options: FieldOptions) throws -> Self { try r.value(of: Self.self) }
  func write(json w: inout JSONWriter, _ options: FieldOptions) { w.string(rawValue) }
}

extension Optional where Wrapped: FieldValue {
  static func read(json r: inout JSONReader, _ options: FieldOptions) throws -> Wrapped? {
    try r.null() ? nil : try Wrapped.read(json: &r, options)
  }

  func write(json w: inout JSONWriter, _ options: FieldOptions) {
    if let value = self { value.write(json: &w, options) } else { w.null() }
  }
}

extension Nullable where Value: FieldValue {
  static func read(json r: inout JSONReader, _ options: FieldOptions) throws -> Nullable {
    Nullable(wrappedValue: try Value?.read(json: &r, options))
  }

  func write(json w: inout JSONWriter, _ options: FieldOptions) {
    wrappedValue.write(json: &w, options)
  }
}

extension Array where Element: FieldValue {
  static func read(json r: inout JSONReader, _ options: FieldOptions) throws -> [Element] {
    var out: [Element] = []
    try r.array { r in out.append(try Element.read(json: &r, options.union(.shared))) }
    return out
  }

  func write(json w: inout JSONWriter, _ options: FieldOptions) {
    if options.contains(.parallel) {
      w.parallelList(self)
    } else {
      w.array(self) { w, e in e.write(json: &w, []) }
    }
  }
}

extension Dictionary where Key == String, Value == Int {
  static func read(json r: inout JSONReader, _ options: FieldOptions) throws -> [String: Int] { try r.counts() }
  func write(json w: inout JSONWriter, _ options: FieldOptions) { w.counts(self) }
}
