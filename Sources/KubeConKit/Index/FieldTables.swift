/// Writes ``FieldListed`` models as the rows of an index table: each field in the order of its
/// model's list, strings pooled (see ``StringPool``). The fields marked ``FieldOptions/detail``
/// (long texts) go to the row's details record instead, strings inline: a query reads the table
/// whole, and the details of the one entry it shows.
///
/// A table is the number of rows, then each row followed by where its details record is (a 0 byte
/// when it has none).
struct TableWriter: FieldVisitor {
  typealias Failure = Never
  var pool = StringPool()
  /// The details records of every row written, one after the other.
  var details = ByteWriter()
  private var row = ByteWriter()
  private var rowDetails = ByteWriter()
  private var inDetails = false

  mutating func table<T: FieldListed>(_ rows: [T]) -> [UInt8] {
    row = ByteWriter()
    row.varint(rows.count)
    for var entry in rows {
      entry.fields(&self)
      if rowDetails.count == 0 {
        row.u8(0)
      } else {
        row.u8(1)
        RecordRef.write(rowDetails.bytes, into: &details, ref: &row)
        rowDetails.bytes.removeAll(keepingCapacity: true)
      }
    }
    return row.bytes
  }

  mutating func field<T: FieldValue>(_ key: String, _ value: inout T, _ options: FieldOptions) {
    guard options.contains(.detail), !inDetails else { return value.write(table: &self) }
    inDetails = true
    value.write(table: &self)
    inDetails = false
  }

  mutating func string(_ s: String) {
    if inDetails { rowDetails.string(s) } else { row.varint(pool.number(s)) }
  }

  mutating func number(_ n: Int) {
    if inDetails { rowDetails.varint(n) } else { row.varint(n) }
  }

  mutating func byte(_ b: UInt8) {
    if inDetails { rowDetails.u8(b) } else { row.u8(b) }
  }
}

/// Reads what ``TableWriter`` wrote: a table's rows (their details left blank), or the details
/// of one row. A damaged table ends in ``ByteReader/Malformed``.
struct TableReader: FieldVisitor {
  typealias Failure = any Error
  private enum Part {
    case rows(PooledStrings)
    /// A details record: only the detail fields are read, wherever they are in the row.
    case details
  }
  private let part: Part
  private var bytes: ByteReader
  private var inDetails = false

  private init(_ part: Part, _ bytes: UnsafeRawBufferPointer) {
    self.part = part
    self.bytes = ByteReader(bytes)
  }

  /// The rows of a table, and where each one's details are.
  static func rows<T: FieldListed>(_ table: UnsafeRawBufferPointer, strings: PooledStrings) throws -> ([T], [RecordRef?]) {
    var r = TableReader(.rows(strings), table)
    let n = try r.count()
    var rows: [T] = []
    var refs: [RecordRef?] = []
    rows.reserveCapacity(n)
    refs.reserveCapacity(n)
    for _ in 0..<n {
      rows.append(try T.read(table: &r))
      refs.append(try Bool.read(table: &r) ? try RecordRef.read(&r.bytes) : nil)
    }
    return (rows, refs)
  }

  /// Fills in the detail fields of `entry` (a row as ``rows(_:strings:)`` read it) from its record.
  static func details<T: FieldListed>(_ record: UnsafeRawBufferPointer, into entry: inout T) throws {
    var r = TableReader(.details, record)
    try entry.fields(&r)
  }

  mutating func field<T: FieldValue>(_ key: String, _ value: inout T, _ options: FieldOptions) throws {
    switch part {
    case .rows:
      if !options.contains(.detail) { value = try T.read(table: &self) }
    case .details:
      if inDetails {
        value = try T.read(table: &self)
      } else if options.contains(.detail) {
        inDetails = true
        value = try T.read(table: &self)
        inDetails = false
      } else {
        try value.nestedFields(&self)
      }
    }
  }

  mutating func string() throws -> String {
    switch part {
    case .rows(let strings): try strings.string(try bytes.varint())
    case .details: try bytes.string()
    }
  }

  mutating func number() throws -> Int { try bytes.varint() }

  mutating func count() throws -> Int { try bytes.count() }

  mutating func byte() throws -> UInt8 { try bytes.u8() }
}

extension FieldListed {
  static func read(table r: inout TableReader) throws -> Self {
    var value = Self()
    try value.fields(&r)
    return value
  }

  func write(table w: inout TableWriter) {
    var value = self
    value.fields(&w)
  }
}

extension String {
  static func read(table r: inout TableReader) throws -> String { try r.string() }
  func write(table w: inout TableWriter) { w.string(self) }
}

extension Int {
  static func read(table r: inout TableReader) throws -> Int { try r.number() }
  func write(table w: inout TableWriter) { w.number(self) }
}

extension Bool {
  static func read(table r: inout TableReader) throws -> Bool {
    switch try r.byte() {
    case 0: false
    case 1: true
    default: throw ByteReader.Malformed()
    }
  }

  func write(table w: inout TableWriter) { w.byte(self ? 1 : 0) }
}

extension FieldEnum {
  static func read(table r: inout TableReader) throws -> Self {
    guard let value = Self(rawValue: try r.string()) else { throw ByteReader.Malformed() }
    return value
  }

  func write(table w: inout TableWriter) { w.string(rawValue) }
}

extension Optional where Wrapped: FieldValue {
  static func read(table r: inout TableReader) throws -> Wrapped? {
    try Bool.read(table: &r) ? try Wrapped.read(table: &r) : nil
  }

  func write(table w: inout TableWriter) {
    guard let value = self else { return w.byte(0) }
    w.byte(1)
    value.write(table: &w)
  }
}

extension Nullable where Value: FieldValue {
  static func read(table r: inout TableReader) throws -> Nullable { Nullable(wrappedValue: try Value?.read(table: &r)) }
  func write(table w: inout TableWriter) { wrappedValue.write(table: &w) }
}

extension Array where Element: FieldValue {
  static func read(table r: inout TableReader) throws -> [Element] {
    let n = try r.count()
    var out: [Element] = []
    out.reserveCapacity(n)
    for _ in 0..<n { out.append(try Element.read(table: &r)) }
    return out
  }

  func write(table w: inout TableWriter) {
    w.number(count)
    for e in self { e.write(table: &w) }
  }
}

/// Keys in sorted order, so that the same counts give the same bytes.
extension Dictionary where Key == String, Value == Int {
  static func read(table r: inout TableReader) throws -> [String: Int] {
    let n = try r.count()
    var out: [String: Int] = [:]
    for _ in 0..<n { out[try r.string()] = try r.number() }
    return out
  }

  func write(table w: inout TableWriter) {
    w.number(count)
    for key in keys.sorted() {
      w.string(key)
      w.number(self[key] ?? 0)
    }
  }
}
