import Foundation

/// A pull reader of JSON (RFC 8259, UTF-8): the caller asks for the value it expects (a string,
/// an object whose members it reads one by one...), and nothing else is built. It reads the
/// corpus many times faster than `JSONDecoder`, without JSONDecoder's map of the whole text
/// (see BENCHMARKS.md). It also reads the catalogs and the synonyms.
///
/// ```swift
/// let names: [String] = try JSONReader.read(bytes) { r in
///   var names: [String] = []
///   try r.array { r in names.append(try r.string()) }
///   return names
/// }
/// ```
public struct JSONReader {
  let bytes: UnsafeBufferPointer<UInt8>
  private(set) var i = 0
  private var depth = 0
  /// The strings read by ``sharedString()``, kept once.
  private var shared = Set<String>()

  /// What is wrong and where: a line for a syntax error, a path (`.reports[3].title`) for a value
  /// of the wrong shape.
  struct Problem: Error, CustomStringConvertible {
    enum Kind: Equatable { case syntax, missingField, wrongType, missingValue }
    var kind: Kind
    var message: String
    var line = 0
    /// Innermost last: components are added while the error travels out.
    var path: [String] = []

    var location: String { path.reversed().joined() }

    var description: String {
      switch kind {
      case .syntax: "invalid JSON (line \(line): \(message))"
      case .missingField: "missing field '\(message)'" + (path.isEmpty ? "" : " at " + location)
      case .wrongType: "wrong type" + (path.isEmpty ? "" : " at " + location) + ": " + message
      case .missingValue: "missing value" + (path.isEmpty ? "" : " at " + location)
      }
    }
  }

  init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

  /// Reads one whole JSON text with `body`; anything but white space after the value is an error.
  static func read<T>(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (inout JSONReader) throws -> T) throws -> T {
    var r = JSONReader(bytes)
    let value = try body(&r)
    r.skipSpace()
    guard r.i == bytes.count else { throw r.syntax("unexpected text after the value") }
    return value
  }

  /// A syntax error at byte `at` (default: the next one to read), with its line.
  func syntax(_ message: String, at position: Int? = nil) -> Problem {
    var line = 1
    for b in bytes[..<min(position ?? i, bytes.count)] where b == 0x0A { line += 1 }
    return Problem(kind: .syntax, message: message, line: line)
  }

  static func missingField(_ key: String) -> Problem { Problem(kind: .missingField, message: key) }

  /// A value that is not of the expected kind: a type error when it is a JSON value at all.
  private func unexpected(_ expected: String) -> Problem {
    guard i < bytes.count else { return syntax("unexpected end") }
    switch bytes[i] {
    case UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "\""), UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "-"),
      UInt8(ascii: "0")...UInt8(ascii: "9"):
      return Problem(kind: .wrongType, message: "expected \(expected)")
    case UInt8(ascii: "n"): return Problem(kind: .missingValue, message: expected)
    default: return syntax("expected a value")
    }
  }

  mutating func skipSpace() {
    while i < bytes.count {
      switch bytes[i] {
      case 0x20, 0x0A, 0x0D, 0x09: i += 1
      default: return
      }
    }
  }

  /// The first byte of the next value, after white space; nil at the end.
  mutating func peek() -> UInt8? {
    skipSpace()
    return i < bytes.count ? bytes[i] : nil
  }

  private mutating func literal(_ word: StaticString) throws {
    let n = word.utf8CodeUnitCount
    guard i + n <= bytes.count, memcmp(bytes.baseAddress! + i, word.utf8Start, n) == 0 else {
      throw syntax("expected \(word)")
    }
    i += n
  }

  /// Consumes a `null` if one comes next.
  mutating func null() throws -> Bool {
    guard peek() == UInt8(ascii: "n") else { return false }
    try literal("null")
    return true
  }

  mutating func bool() throws -> Bool {
    switch peek() {
    case UInt8(ascii: "t"): try literal("true"); return true
    case UInt8(ascii: "f"): try literal("false"); return false
    default: throw unexpected("true or false")
    }
  }

  /// The text of a number, as RFC 8259 writes it.
  private mutating func numberText() throws -> Range<Int> {
    let start = i
    func digits() -> Bool {
      let s = i
      while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 { i += 1 }
      return i > s
    }
    if i < bytes.count, bytes[i] == UInt8(ascii: "-") { i += 1 }
    if i < bytes.count, bytes[i] == UInt8(ascii: "0") {
      i += 1
      if i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 { throw syntax("a number with a leading zero") }
    } else if !digits() {
      throw syntax("expected a value")
    }
    if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
      i += 1
      guard digits() else { throw syntax("expected digits after '.'") }
    }
    if i < bytes.count, bytes[i] | 0x20 == UInt8(ascii: "e") {
      i += 1
      if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
      guard digits() else { throw syntax("expected digits in an exponent") }
    }
    return start..<i
  }

  mutating func number() throws -> Double {
    guard let b = peek(), b == UInt8(ascii: "-") || (b >= 0x30 && b <= 0x39) else { throw unexpected("a number") }
    let range = try numberText()
    guard let d = Double(String(decoding: bytes[range], as: UTF8.self)) else { throw syntax("a number out of range") }
    return d
  }

  mutating func int() throws -> Int {
    guard let b = peek(), b == UInt8(ascii: "-") || (b >= 0x30 && b <= 0x39) else { throw unexpected("an integer") }
    let start = i
    let range = try numberText()
    var value = 0
    var k = range.lowerBound + (bytes[start] == UInt8(ascii: "-") ? 1 : 0)
    while k < range.upperBound {
      let d = Int(bytes[k]) - 0x30
      guard d >= 0, d <= 9 else { throw Problem(kind: .wrongType, message: "expected an integer") }
      let (m, o1) = value.multipliedReportingOverflow(by: 10)
      let (s, o2) = m.addingReportingOverflow(d)
      guard !o1, !o2 else { throw Problem(kind: .wrongType, message: "an integer out of range") }
      value = s
      k += 1
    }
    return bytes[start] == UInt8(ascii: "-") ? -value : value
  }

  /// A string; a mistake in its UTF-8 or its escapes is a syntax error.
  mutating func string() throws -> String {
    guard peek() == UInt8(ascii: "\"") else { throw unexpected("a string") }
    i += 1
    let start = i
    // Most strings have no escape: made straight from the bytes.
    while i < bytes.count {
      let b = bytes[i]
      if b == UInt8(ascii: "\"") {
        guard let s = String(validating: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self) else {
          throw syntax("invalid UTF-8 in a string")
        }
        i += 1
        return s
      }
      if b == UInt8(ascii: "\\") || b < 0x20 { break }
      i += 1
    }
    var out = Array(bytes[start..<i])
    while true {
      // The bytes up to the next escape or end, copied at once (texts escape every line break).
      let run = i
      while i < bytes.count, bytes[i] != UInt8(ascii: "\""), bytes[i] != UInt8(ascii: "\\"), bytes[i] >= 0x20 { i += 1 }
      out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
      guard i < bytes.count else { throw syntax("unterminated string") }
      let b = bytes[i]
      i += 1
      if b == UInt8(ascii: "\"") {
        guard let s = String(validating: out, as: UTF8.self) else { throw syntax("invalid UTF-8 in a string") }
        return s
      }
      // (Named at the byte read: a line break in a string is on the line it ends.)
      guard b >= 0x20 else { throw syntax("control character in a string", at: i - 1) }
      // A backslash.
      guard i < bytes.count else { throw syntax("unterminated string") }
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
      default: throw syntax("bad escape", at: i - 1)
      }
    }
  }

  private mutating func hex4() throws -> UInt32 {
    guard i + 4 <= bytes.count else { throw syntax("bad \\u escape") }
    var v: UInt32 = 0
    for _ in 0..<4 {
      let b = bytes[i] | 0x20
      let d: UInt8
      switch b {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): d = b - 0x30
      case UInt8(ascii: "a")...UInt8(ascii: "f"): d = b - 0x57
      default: throw syntax("bad \\u escape")
      }
      v = v << 4 | UInt32(d)
      i += 1
    }
    return v
  }

  private mutating func enter() throws {
    depth += 1
    guard depth < 512 else { throw syntax("nested too deeply") }
  }

  /// An object: `member` is called with each key and must read its value.
  mutating func object(_ member: (inout JSONReader, String) throws -> Void) throws {
    guard peek() == UInt8(ascii: "{") else { throw unexpected("an object") }
    try enter()
    i += 1
    if peek() == UInt8(ascii: "}") {
      i += 1
      depth -= 1
      return
    }
    while true {
      guard peek() == UInt8(ascii: "\"") else { throw syntax("expected a string key") }
      let key = try string()
      guard peek() == UInt8(ascii: ":") else { throw syntax("expected :") }
      i += 1
      do {
        try member(&self, key)
      } catch var p as Problem where p.kind != .syntax {
        p.path.append("." + key)
        throw p
      }
      switch peek() {
      case UInt8(ascii: ","): i += 1
      case UInt8(ascii: "}"):
        i += 1
        depth -= 1
        return
      default: throw syntax("expected , or }")
      }
    }
  }

  /// An array: `element` is called for each element and must read it.
  mutating func array(_ element: (inout JSONReader) throws -> Void) throws {
    guard peek() == UInt8(ascii: "[") else { throw unexpected("an array") }
    try enter()
    i += 1
    if peek() == UInt8(ascii: "]") {
      i += 1
      depth -= 1
      return
    }
    var n = 0
    while true {
      do {
        try element(&self)
      } catch var p as Problem where p.kind != .syntax {
        p.path.append("[\(n)]")
        throw p
      }
      n += 1
      switch peek() {
      case UInt8(ascii: ","): i += 1
      case UInt8(ascii: "]"):
        i += 1
        depth -= 1
        return
      default: throw syntax("expected , or ]")
      }
    }
  }

  /// Reads past one value of any kind, checking its syntax.
  mutating func skip() throws {
    switch peek() {
    case UInt8(ascii: "{"): try object { r, _ in try r.skip() }
    case UInt8(ascii: "["): try array { r in try r.skip() }
    case UInt8(ascii: "\""): _ = try string()
    case UInt8(ascii: "t"), UInt8(ascii: "f"): _ = try bool()
    case UInt8(ascii: "n"): try literal("null")
    case nil: throw syntax("unexpected end")
    default: _ = try numberText()
    }
  }

  /// A string that recurs (an id in lists of ids), held once however often it is read: a
  /// corpus of 10,000 reports names its reports 5.8 million times.
  mutating func sharedString() throws -> String {
    shared.insert(try string()).memberAfterInsert
  }

  // Typed helpers for the corpus's shapes.

  /// A list of ids or names, shared (see ``sharedString()``).
  mutating func strings() throws -> [String] {
    var out: [String] = []
    try array { r in out.append(try r.sharedString()) }
    return out
  }

  mutating func optionalString() throws -> String? { try null() ? nil : try string() }

  /// An array of objects.
  mutating func list<T: JSONReadable>() throws -> [T] {
    var out: [T] = []
    try array { r in out.append(try T(json: &r)) }
    return out
  }

  /// An object of integers (`{"2024": 3}`).
  mutating func counts() throws -> [String: Int] {
    var out: [String: Int] = [:]
    try object { r, key in out[key] = try r.int() }
    return out
  }

  mutating func value<T: RawRepresentable>(of: T.Type) throws -> T where T.RawValue == String {
    let raw = try string()
    guard let v = T(rawValue: raw) else { throw Problem(kind: .wrongType, message: "'\(raw)' is not a known value") }
    return v
  }
}

/// A type read from JSON by ``JSONReader``, with JSONDecoder's rules: unknown keys are skipped,
/// an optional may be missing or null, anything else missing is an error.
protocol JSONReadable {
  init(json r: inout JSONReader) throws
}

/// A required field read from an object.
@inline(__always) func required<T>(_ value: T?, _ key: String) throws -> T {
  guard let value else { throw JSONReader.missingField(key) }
  return value
}
