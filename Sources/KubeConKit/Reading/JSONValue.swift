/// A JSON value, read by ``JSONValue/parse(_:)``: for the small catalogs a query reads on every
/// run, where `JSONSerialization` costs more (its first use, ~0.5 ms here) than the query.
enum JSONValue: Equatable {
  case object([(String, JSONValue)])
  case array([JSONValue])
  case string(String)
  case number(Double)
  case bool(Bool)
  case null

  /// What is wrong, and on which line.
  struct SyntaxError: Error, CustomStringConvertible {
    var line: Int
    var message: String
    var description: String { "line \(line): \(message)" }
  }

  static func == (a: JSONValue, b: JSONValue) -> Bool {
    switch (a, b) {
    case (.object(let x), .object(let y)): x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    case (.array(let x), .array(let y)): x == y
    case (.string(let x), .string(let y)): x == y
    case (.number(let x), .number(let y)): x == y
    case (.bool(let x), .bool(let y)): x == y
    case (.null, .null): true
    default: false
    }
  }

  subscript(key: String) -> JSONValue? {
    if case .object(let members) = self { return members.first { $0.0 == key }?.1 }
    return nil
  }

  var array: [JSONValue]? { if case .array(let a) = self { a } else { nil } }
  var string: String? { if case .string(let s) = self { s } else { nil } }

  /// Parses a whole JSON text (RFC 8259), UTF-8.
  static func parse(_ bytes: [UInt8]) throws -> JSONValue {
    do {
      return try bytes.withUnsafeBufferPointer { b in try JSONReader.read(b) { try value(&$0) } }
    } catch let p as JSONReader.Problem {
      throw SyntaxError(line: p.line, message: p.message)
    }
  }

  private static func value(_ r: inout JSONReader) throws -> JSONValue {
    switch r.peek() {
    case UInt8(ascii: "{"):
      var members: [(String, JSONValue)] = []
      try r.object { r, key in members.append((key, try value(&r))) }
      return .object(members)
    case UInt8(ascii: "["):
      var elements: [JSONValue] = []
      try r.array { r in elements.append(try value(&r)) }
      return .array(elements)
    case UInt8(ascii: "\""): return .string(try r.string())
    case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool(try r.bool())
    case UInt8(ascii: "n"):
      _ = try r.null()
      return .null
    default: return .number(try r.number())
    }
  }
}
