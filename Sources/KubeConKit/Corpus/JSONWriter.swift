import Foundation

/// Writes JSON in the project's one format (``JSONOutput``: pretty-printed with two spaces,
/// `"key" : value`, slashes unescaped, terminal controls escaped) straight into bytes. Models are
/// written through their field lists (``FieldListed``), keys in sorted order; a test checks the
/// bytes are JSONEncoder's. It writes the corpus many times faster than `JSONEncoder` (see
/// BENCHMARKS.md).
struct JSONWriter {
  /// The bytes written and not yet given to the sink.
  private(set) var bytes: [UInt8] = []
  /// Takes the bytes as they are finished, in order; without a sink they all stay in `bytes`.
  private let sink: ((UnsafeRawBufferPointer) -> Void)?
  private var indent = 0
  /// Whether the container being written has a member already.
  private var hasMember = false

  /// How many bytes a list written with a sink holds before giving them to it.
  private let flushSize: Int

  init(capacity: Int = 0, sink: ((UnsafeRawBufferPointer) -> Void)? = nil, flushSize: Int = 1 << 20) {
    bytes.reserveCapacity(capacity)
    self.sink = sink
    self.flushSize = flushSize
  }

  /// Gives the bytes written so far to the sink, if there is one.
  mutating func flush() {
    guard let sink, !bytes.isEmpty else { return }
    bytes.withUnsafeBytes(sink)
    bytes.removeAll(keepingCapacity: true)
  }

  /// A line break, and the indentation of the current level.
  mutating func newline() {
    // (Copied from a line break and spaces made once: appending repeated spaces goes element by
    // element.)
    let line = JSONWriter.lineBreak
    guard indent < line.count else {
      bytes.append(0x0A)
      bytes.append(contentsOf: repeatElement(0x20, count: indent))
      return
    }
    line.withUnsafeBufferPointer { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[0...indent])) }
  }

  /// A line break and the spaces of the deepest indentation written from it.
  private static let lineBreak: [UInt8] = [0x0A] + Array(repeating: 0x20, count: 64)

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
      // A long list goes to the sink as it is written.
      if sink != nil && bytes.count >= flushSize { flush() }
    }
    close(UInt8(ascii: "]"))
  }

  /// A key of the object being written, a name that needs no escaping; its value comes next.
  mutating func key(_ key: String) {
    next()
    bytes.append(UInt8(ascii: "\""))
    bytes.append(contentsOf: key.utf8)
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
    let special = JSONWriter.special
    s.withUTF8 { utf8 in
      var start = 0
      var k = 0
      let n = utf8.count
      let base = UnsafeRawPointer(utf8.baseAddress)
      while k < n {
        // Eight bytes at a time while none is special (most of a text).
        if let base, k &+ 8 <= n, !JSONWriter.holdsSpecial(base.loadUnaligned(fromByteOffset: k, as: UInt64.self)) {
          k &+= 8
          continue
        }
        let b = utf8[k]
        guard special[Int(b)] else {
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

  /// Whether any of the eight bytes of `word` is one of ``special``'s: below 0x20, or equal to one
  /// of the others. (Exact: a borrow runs from a byte only when that byte itself matches.)
  @inline(__always)
  static func holdsSpecial(_ word: UInt64) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    func below(_ v: UInt64, _ n: UInt64) -> UInt64 { (v &- ones &* n) & ~v & highs }
    func zero(_ v: UInt64) -> UInt64 { below(v, 1) }
    let found = below(word, 0x20) | zero(word ^ (ones &* 0x22)) | zero(word ^ (ones &* 0x5C)) | zero(word ^ (ones &* 0x7F))
      | zero(word ^ (ones &* 0xC2)) | zero(word ^ (ones &* 0xE2))
    return found != 0
  }

  /// The bytes that may begin something to escape (looked up: seven comparisons a byte were a
  /// twentieth of writing a corpus).
  static let special: [Bool] = (0...255).map { b in
    b < 0x20 || b == Int(UInt8(ascii: "\"")) || b == Int(UInt8(ascii: "\\")) || b == 0x7F || b == 0xC2 || b == 0xE2
  }

  /// An object of integers, keys in byte order as JSONEncoder sorts them.
  mutating func counts(_ dictionary: [String: Int]) {
    object { w in
      for key in dictionary.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
        w.dynamicKey(key)
        w.int(dictionary[key]!)
      }
    }
  }

  /// A list of models, written on every core: each round of elements is cut into as many runs, one a
  /// core. With a sink, a run is about ``runBytes`` (a report or two, or hundreds of talks) and the
  /// sink takes each round's bytes while the next round is written (two sets of buffers,
  /// reused), so that a large corpus is never all in memory as bytes and its writing overlaps its
  /// encoding; without one, the list is one round.
  mutating func parallelList<T: FieldValue>(_ list: [T]) {
    let runs = min(activeCores, list.count / 16)
    guard runs > 1 else { return array(list) { w, e in e.write(json: &w, []) } }
    open(UInt8(ascii: "["))
    flush()
    let sets = (0..<2).map { _ in (0..<runs).map { _ in Run(JSONWriter(capacity: 1 << 16)) } }
    var perRun = 4  // elements, until a round tells their size
    let output = Output(sink)
    let indent = self.indent
    var written: [Run]? = nil  // the previous round's runs, for the sink
    var first = 0
    var number = 0
    while first < list.count {
      let elements = list[first..<(sink == nil ? list.count : min(first + runs * perRun, list.count))]
      first = elements.endIndex
      let writers = sets[number % 2]
      number += 1
      let previous = written
      // One iteration gives the previous round to the sink (the first, to start at once), the
      // others write the runs of this round.
      DispatchQueue.concurrentPerform(iterations: runs + 1) { iteration in
        guard iteration > 0 else {
          if let previous { output.take(previous) }
          return
        }
        let run = iteration - 1
        let slice = elements.dropFirst(elements.count * run / runs).prefix(elements.count * (run + 1) / runs - elements.count * run / runs)
        let w = writers[run]
        w.writer.indent = indent
        w.writer.hasMember = slice.startIndex > 0  // after the list's first element: a comma first
        for e in slice {
          w.writer.next()
          e.write(json: &w.writer, [])
        }
      }
      written = writers
      let bytes = writers.reduce(0) { $0 + $1.writer.bytes.count }
      perRun = max(1, JSONWriter.runBytes * elements.count / (runs * max(1, bytes)))
    }
    if let written {
      if sink != nil {
        output.take(written)
      } else {
        for w in written { bytes += w.writer.bytes }
      }
    }
    hasMember = true
    close(UInt8(ascii: "]"))
  }

  /// The bytes of a run of ``parallelList(_:)`` with a sink. (Runs of 32 elements made buffers of
  /// megabytes of reports, and every page of memory new to the process costs microseconds here:
  /// ~1,800 of them for 100 reports.)
  static let runBytes = 1 << 18

  /// The writer of one run of ``parallelList(_:)``, kept from round to round with its buffer.
  private final class Run: @unchecked Sendable {
    var writer: JSONWriter
    init(_ writer: JSONWriter) { self.writer = writer }
  }

  /// The sink, called by one iteration of a round at a time (the rounds follow one another).
  private final class Output: @unchecked Sendable {
    let sink: ((UnsafeRawBufferPointer) -> Void)?
    init(_ sink: ((UnsafeRawBufferPointer) -> Void)?) { self.sink = sink }

    /// Gives the runs' bytes to the sink, in order, and empties their buffers for reuse.
    func take(_ runs: [Run]) {
      for w in runs {
        w.writer.bytes.withUnsafeBytes { sink?($0) }
        w.writer.bytes.removeAll(keepingCapacity: true)
      }
    }
  }
}
