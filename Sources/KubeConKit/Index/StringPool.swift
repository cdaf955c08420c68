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

/// Reads the strings of a ``StringPool`` section on demand, each made once.
final class PooledStrings {
  private let section: UnsafeRawBufferPointer
  private let count: Int
  private var made: [String?]

  init(_ section: UnsafeRawBufferPointer) throws {
    var r = ByteReader(section)
    count = Int(try r.u32())
    guard section.count >= 4 + (count + 1) * 4 else { throw ByteReader.Malformed() }
    self.section = section
    made = Array(repeating: nil, count: count)
  }

  func string(_ n: Int) throws -> String {
    guard n >= 0, n < count else { throw ByteReader.Malformed() }
    if let s = made[n] { return s }
    var r = ByteReader(section, at: 4 + n * 4)
    let start = Int(try r.u32())
    let end = Int(try r.u32())
    let textStart = 4 + (count + 1) * 4
    guard start <= end, textStart + end <= section.count else { throw ByteReader.Malformed() }
    let s = ByteReader.text(UnsafeRawBufferPointer(rebasing: section[(textStart + start)..<(textStart + end)]))
    made[n] = s
    return s
  }
}
