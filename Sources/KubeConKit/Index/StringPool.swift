/// The distinct short strings of the index tables (ids, names, titles), each stored once and
/// referred to by number.
struct StringPool {
  private var numbers: [String: Int] = [:]
  private(set) var strings: [String] = []

  /// The number of `s`, adding it when new.
  mutating func number(_ s: String) -> Int {
    if let n = numbers[s] { return n }
    numbers[s] = strings.count
    strings.append(s)
    return strings.count - 1
  }

  /// `u32 count`, `count + 1` end offsets, then the UTF-8 bytes.
  func encoded() -> [UInt8] {
    var offsets = ByteWriter()
    var text = ByteWriter()
    offsets.u32(UInt32(strings.count))
    offsets.u32(0)
    for s in strings {
      var s = s
      s.withUTF8 { text.bytes.append(contentsOf: $0) }
      offsets.u32(UInt32(text.count))
    }
    return offsets.bytes + text.bytes
  }
}

/// The strings of a ``StringPool`` section, all made when it is opened (one pass; a table then
/// shares them instead of making one per mention).
struct PooledStrings {
  private let strings: [String]

  init(_ section: UnsafeRawBufferPointer) throws {
    var r = ByteReader(section)
    let count = Int(try r.u32())
    let textStart = 4 + (count + 1) * 4
    guard count >= 0, section.count >= textStart else { throw ByteReader.Malformed() }
    var strings: [String] = []
    strings.reserveCapacity(count)
    var start = Int(try r.u32())
    for _ in 0..<count {
      let end = Int(try r.u32())
      guard start <= end, textStart + end <= section.count else { throw ByteReader.Malformed() }
      strings.append(ByteReader.text(UnsafeRawBufferPointer(rebasing: section[(textStart + start)..<(textStart + end)])))
      start = end
    }
    self.strings = strings
  }

  func string(_ n: Int) throws -> String {
    guard n >= 0, n < strings.count else { throw ByteReader.Malformed() }
    return strings[n]
  }
}
