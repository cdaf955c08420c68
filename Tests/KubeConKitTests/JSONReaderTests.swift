import Foundation
import Testing
@testable import KubeConKit

/// A JSON value read whole by ``JSONReader``, to compare with what JSONSerialization reads.
enum JSONValue: Equatable {
  case object([(String, JSONValue)])
  case array([JSONValue])
  case string(String)
  case number(Double)
  case bool(Bool)
  case null

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

  static func parse(_ bytes: [UInt8]) throws -> JSONValue {
    try bytes.withUnsafeBufferPointer { b in try JSONReader.read(b) { try value(&$0) } }
  }

  static func value(_ r: inout JSONReader) throws -> JSONValue {
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

/// The JSON reader gives what JSONSerialization gives, and names the line of a mistake.
@Suite struct JSONReaderTests {
  /// A Foundation object as a JSONValue, to compare the two readers.
  static func value(_ o: Any) -> JSONValue {
    switch o {
    case let d as [String: Any]: .object(d.keys.sorted().map { ($0, value(d[$0]!)) })
    case let a as [Any]: .array(a.map(value))
    case let s as String: .string(s)
    case let b as Bool where "\(type(of: o))".contains("Bool"): .bool(b)
    case let n as NSNumber: .number(n.doubleValue)
    default: .null
    }
  }

  static func sortedKeys(_ v: JSONValue) -> JSONValue {
    switch v {
    case .object(let m): .object(m.sorted { $0.0 < $1.0 }.map { ($0.0, sortedKeys($0.1)) })
    case .array(let a): .array(a.map(sortedKeys))
    default: v
    }
  }

  @Test func readsEveryCatalogAsJSONSerializationDoes() throws {
    for name in ["synonyms.json", "themes.json", "projects.json", "editions.json"] {
      let data = try Data(contentsOf: Fixtures.data.appendingPathComponent(name))
      #expect(try Self.sortedKeys(JSONValue.parse(Array(data))) == Self.value(try JSONSerialization.jsonObject(with: data)), "\(name)")
    }
  }

  @Test func readsEscapesNumbersAndLiterals() throws {
    let text = #"{"a": ["\u00e9\ud83d\ude80\n\"\\/", -1.5e3, 0, true, false, null, {}, []], "b": "\ud800x"}"#
    let v = try JSONValue.parse(Array(text.utf8))
    #expect(v["a"] == .array([.string("é🚀\n\"\\/"), .number(-1500), .number(0), .bool(true), .bool(false), .null, .object([]), .array([])]))
    #expect(v["b"] == .string("\u{FFFD}x"))
  }

  @Test(arguments: [
    ("{\n  \"a\": [1, 2,]\n}", 2), ("{\n\"a\" 1}", 2), ("[1] x", 1), ("\"open", 1), ("[\"tab\tin\"]", 1), ("", 1), ("{\n\n\"a\": tru}", 3),
    (String(repeating: "[", count: 600), 1),
  ])
  func namesTheLineOfAMistake(text: String, line: Int) {
    #expect(throws: JSONReader.Problem.self) { try JSONValue.parse(Array(text.utf8)) }
    do {
      _ = try JSONValue.parse(Array(text.utf8))
    } catch let e as JSONReader.Problem {
      #expect(e.line == line, "\(e)")
    } catch {
      Issue.record("\(error)")
    }
  }
}
