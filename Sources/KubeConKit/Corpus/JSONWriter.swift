import Foundation

/// Writes JSON in the project's one format (``JSONOutput``: pretty-printed with two spaces,
/// `"key" : value`, slashes unescaped, terminal controls escaped) straight into bytes. The caller
/// writes an object's keys in sorted order; a test checks the bytes are JSONEncoder's. It writes
/// the corpus many times faster than `JSONEncoder` (see BENCHMARKS.md).
struct JSONWriter {
  private(set) var bytes: [UInt8] = []
  /// What ``parallelList(_:)`` finished before `bytes`: the output is `parts + [bytes]`.
  private(set) var parts: [[UInt8]] = []
  private var indent = 0
  /// Whether the container being written has a member already.
  private var hasMember = false

  init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

  /// A line break, and the indentation of the current level.
  mutating func newline() {
    bytes.append(0x0A)
    bytes.append(contentsOf: repeatElement(0x20, count: indent))
  }

  /// Before each member of a container.
  private mutating func next() {
    if hasMember { bytes.append(UInt8(ascii: ",")) }
    hasMember = true
    newline()
  }

  private mutating func open(_ bracket: UInt8) {
    bytes.append(bracket)
    indent += 2
    hasMember = false
  }

  private mutating func close(_ bracket: UInt8) {
    let empty = !hasMember
    indent -= 2
    if empty { bytes.append(0x0A) }
    newline()
    bytes.append(bracket)
    hasMember = true
  }

  mutating func object(_ body: (inout JSONWriter) -> Void) {
    open(UInt8(ascii: "{"))
    body(&self)
    close(UInt8(ascii: "}"))
  }

  mutating func array<S: Sequence>(_ elements: S, _ element: (inout JSONWriter, S.Element) -> Void) {
    open(UInt8(ascii: "["))
    for e in elements {
      next()
      element(&self, e)
    }
    close(UInt8(ascii: "]"))
  }

  /// A key of the object being written; its value comes next.
  mutating func key(_ key: StaticString) {
    next()
    bytes.append(UInt8(ascii: "\""))
    bytes.append(contentsOf: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
    bytes.append(contentsOf: "\" : ".utf8)
  }

  mutating func dynamicKey(_ key: String) {
    next()
    string(key)
    bytes.append(contentsOf: " : ".utf8)
  }

  mutating func int(_ value: Int) { bytes.append(contentsOf: String(value).utf8) }

  mutating func bool(_ value: Bool) { bytes.append(contentsOf: (value ? "true" : "false").utf8) }

  mutating func null() { bytes.append(contentsOf: "null".utf8) }

  mutating func string(_ s: String) {
    bytes.append(UInt8(ascii: "\""))
    var s = s
    s.withUTF8 { utf8 in
      var start = 0
      var k = 0
      let n = utf8.count
      while k < n {
        let b = utf8[k]
        // Only these bytes may begin something to escape.
        guard b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") || b == 0x7F || b == 0xC2 || b == 0xE2 else {
          k += 1
          continue
        }
        switch b {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"):
          bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<k]))
          bytes.append(UInt8(ascii: "\\"))
          bytes.append(b)
          k += 1
        case 0x08, 0x09, 0x0A, 0x0C, 0x0D:
          bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<k]))
          bytes.append(UInt8(ascii: "\\"))
          switch b {
          case 0x08: bytes.append(UInt8(ascii: "b"))
          case 0x09: bytes.append(UInt8(ascii: "t"))
          case 0x0A: bytes.append(UInt8(ascii: "n"))
          case 0x0C: bytes.append(UInt8(ascii: "f"))
          default: bytes.append(UInt8(ascii: "r"))
          }
          k += 1
        case 0..<0x20:
          bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<k]))
          JSONOutput.appendEscape(UInt32(b), to: &bytes)
          k += 1
        default:
          guard let (value, length) = JSONOutput.terminalControl(utf8, at: k) else {
            k += 1
            continue
          }
          bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<k]))
          JSONOutput.appendEscape(value, to: &bytes)
          k += length
        }
        start = k
      }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<n]))
    }
    bytes.append(UInt8(ascii: "\""))
  }

  mutating func strings(_ list: [String]) { array(list) { w, s in w.string(s) } }

  mutating func ints(_ list: [Int]) { array(list) { w, n in w.int(n) } }

  /// An object of integers, keys in byte order as JSONEncoder sorts them.
  mutating func counts(_ dictionary: [String: Int]) {
    object { w in
      for key in dictionary.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
        w.dynamicKey(key)
        w.int(dictionary[key]!)
      }
    }
  }

  mutating func list<T: JSONWritable>(_ list: [T]) { array(list) { w, e in e.write(json: &w) } }

  /// ``list(_:)``, written on every core in as many runs of elements, kept as parts of the output
  /// (not joined into `bytes`): the same bytes once the parts are written one after the other.
  mutating func parallelList<T: JSONWritable & Sendable>(_ list: [T]) {
    let runs = min(ProcessInfo.processInfo.activeProcessorCount, list.count / 64)
    guard runs > 1 else { return self.list(list) }
    open(UInt8(ascii: "["))
    parts.append(bytes)
    let written = Slots<[UInt8]>(count: runs)
    let indent = self.indent
    DispatchQueue.concurrentPerform(iterations: runs) { run in
      var w = JSONWriter(capacity: 1 << 16)
      w.indent = indent
      w.hasMember = run > 0  // runs after the first continue the list: a comma first
      for e in list[(list.count * run / runs)..<(list.count * (run + 1) / runs)] {
        w.next()
        e.write(json: &w)
      }
      written.set(run, w.bytes)
    }
    parts += written.all
    bytes = []
    hasMember = true
    close(UInt8(ascii: "]"))
  }
}

/// A type written as JSON by ``JSONWriter``, its keys in sorted order.
protocol JSONWritable {
  func write(json w: inout JSONWriter)
}
