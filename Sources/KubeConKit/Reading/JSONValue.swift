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
    var p = Parser(bytes: bytes)
    let value = try p.value(depth: 0)
    p.skipSpace()
    guard p.i == bytes.count else { throw p.error("unexpected text after the value") }
    return value
  }

  private struct Parser {
    let bytes: [UInt8]
    var i = 0

    func error(_ message: String) -> SyntaxError {
      SyntaxError(line: 1 + bytes[..<min(i, bytes.count)].lazy.filter { $0 == 0x0A }.count, message: message)
    }

    mutating func skipSpace() {
      while i < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[i]) { i += 1 }
    }

    mutating func expect(_ literal: String) throws {
      let l = Array(literal.utf8)
      guard i + l.count <= bytes.count, Array(bytes[i..<(i + l.count)]) == l else { throw error("expected \(literal)") }
      i += l.count
    }

    mutating func value(depth: Int) throws -> JSONValue {
      guard depth < 512 else { throw error("nested too deeply") }
      skipSpace()
      guard i < bytes.count else { throw error("unexpected end") }
      switch bytes[i] {
      case UInt8(ascii: "{"):
        i += 1
        var members: [(String, JSONValue)] = []
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "}") {
          i += 1
          return .object(members)
        }
        while true {
          skipSpace()
          guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw error("expected a string key") }
          let key = try string()
          skipSpace()
          try expect(":")
          members.append((key, try value(depth: depth + 1)))
          skipSpace()
          guard i < bytes.count else { throw error("unexpected end in an object") }
          i += 1
          if bytes[i - 1] == UInt8(ascii: "}") { return .object(members) }
          guard bytes[i - 1] == UInt8(ascii: ",") else { throw error("expected , or }") }
        }
      case UInt8(ascii: "["):
        i += 1
        var elements: [JSONValue] = []
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "]") {
          i += 1
          return .array(elements)
        }
        while true {
          elements.append(try value(depth: depth + 1))
          skipSpace()
          guard i < bytes.count else { throw error("unexpected end in an array") }
          i += 1
          if bytes[i - 1] == UInt8(ascii: "]") { return .array(elements) }
          guard bytes[i - 1] == UInt8(ascii: ",") else { throw error("expected , or ]") }
        }
      case UInt8(ascii: "\""): return .string(try string())
      case UInt8(ascii: "t"): try expect("true"); return .bool(true)
      case UInt8(ascii: "f"): try expect("false"); return .bool(false)
      case UInt8(ascii: "n"): try expect("null"); return .null
      default: return .number(try number())
      }
    }

    mutating func number() throws -> Double {
      let start = i
      while i < bytes.count, "+-0123456789.eE".utf8.contains(bytes[i]) { i += 1 }
      guard i > start, let d = Double(String(decoding: bytes[start..<i], as: UTF8.self)) else { throw error("expected a value") }
      return d
    }

    mutating func hex4() throws -> UInt32 {
      guard i + 4 <= bytes.count, let v = UInt32(String(decoding: bytes[i..<(i + 4)], as: UTF8.self), radix: 16) else {
        throw error("bad \\u escape")
      }
      i += 4
      return v
    }

    /// A string, from its opening quote.
    mutating func string() throws -> String {
      i += 1
      var out: [UInt8] = []
      while true {
        guard i < bytes.count else { throw error("unterminated string") }
        let b = bytes[i]
        i += 1
        switch b {
        case UInt8(ascii: "\""): return String(decoding: out, as: UTF8.self)
        case 0..<0x20: throw error("control character in a string")
        case UInt8(ascii: "\\"):
          guard i < bytes.count else { throw error("unterminated string") }
          let e = bytes[i]
          i += 1
          switch e {
          case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
          case UInt8(ascii: "b"): out.append(0x08)
          case UInt8(ascii: "f"): out.append(0x0C)
          case UInt8(ascii: "n"): out.append(0x0A)
          case UInt8(ascii: "r"): out.append(0x0D)
          case UInt8(ascii: "t"): out.append(0x09)
          case UInt8(ascii: "u"):
            var v = try hex4()
            // A surrogate pair; a lone surrogate becomes U+FFFD.
            if v >= 0xD800 && v < 0xDC00, i + 6 <= bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") {
              i += 2
              let low = try hex4()
              v = low >= 0xDC00 && low < 0xE000 ? 0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00) : 0xFFFD
            }
            out.append(contentsOf: String(Character(Unicode.Scalar(v) ?? "\u{FFFD}")).utf8)
          default: throw error("bad escape")
          }
        default: out.append(b)
        }
      }
    }
  }
}
