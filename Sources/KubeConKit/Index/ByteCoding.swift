/// Appends little-endian integers, LEB128 varints and strings to a byte buffer: the writing half
/// of the index format (see ``IndexFile``).
struct ByteWriter {
  var bytes: [UInt8] = []

  var count: Int { bytes.count }

  mutating func u8(_ v: UInt8) { bytes.append(v) }

  mutating func u32(_ v: UInt32) {
    for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: v >> UInt32(shift))) }
  }

  mutating func u64(_ v: UInt64) {
    for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: v >> UInt64(shift))) }
  }

  /// Unsigned LEB128: 7 bits a byte, small numbers in one byte.
  mutating func varint(_ value: Int) {
    var v = UInt64(bitPattern: Int64(value))
    while v >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
      v >>= 7
    }
    bytes.append(UInt8(v))
  }

  /// An optional count-like number: 0 for nil, n + 1 otherwise.
  mutating func optional(_ value: Int?) { varint(value.map { $0 + 1 } ?? 0) }

  mutating func string(_ s: String) {
    var s = s
    s.withUTF8 { utf8 in
      varint(utf8.count)
      bytes.append(contentsOf: utf8)
    }
  }

  mutating func append(_ other: [UInt8]) { bytes.append(contentsOf: other) }
}

/// Reads what ``ByteWriter`` wrote, from memory it does not own (a mapped file). Every read is
/// bounds-checked: a damaged file ends in ``ByteReader/Malformed``, never in a crash.
struct ByteReader {
  struct Malformed: Error {}

  let base: UnsafeRawBufferPointer
  var offset: Int

  init(_ base: UnsafeRawBufferPointer, at offset: Int = 0) {
    self.base = base
    self.offset = offset
  }

  mutating func u8() throws -> UInt8 {
    guard offset < base.count else { throw Malformed() }
    defer { offset += 1 }
    return base[offset]
  }

  mutating func u32() throws -> UInt32 { try fixedWidth() }

  mutating func u64() throws -> UInt64 { try fixedWidth() }

  /// A little-endian integer of the type's width.
  private mutating func fixedWidth<T: FixedWidthInteger & UnsignedInteger>() throws -> T {
    let width = MemoryLayout<T>.size
    guard offset >= 0, offset + width <= base.count else { throw Malformed() }
    var v: T = 0
    for k in 0..<width { v |= T(base[offset + k]) << (8 * k) }
    offset += width
    return v
  }

  mutating func varint() throws -> Int {
    var v: UInt64 = 0
    var shift: UInt64 = 0
    while true {
      guard offset < base.count, shift < 64 else { throw Malformed() }
      let byte = base[offset]
      offset += 1
      v |= UInt64(byte & 0x7F) << shift
      if byte < 0x80 { break }
      shift += 7
    }
    return Int(Int64(bitPattern: v))
  }

  /// A varint that must be a count or an index below `limit`.
  mutating func count(below limit: Int = Int(Int32.max)) throws -> Int {
    let n = try varint()
    guard n >= 0, n < limit else { throw Malformed() }
    return n
  }

  mutating func optional() throws -> Int? {
    let n = try varint()
    guard n >= 0 else { throw Malformed() }
    return n == 0 ? nil : n - 1
  }

  mutating func bytes(_ n: Int) throws -> UnsafeRawBufferPointer {
    guard n >= 0, offset + n <= base.count else { throw Malformed() }
    defer { offset += n }
    return UnsafeRawBufferPointer(rebasing: base[offset..<(offset + n)])
  }

  mutating func string() throws -> String { ByteReader.text(try bytes(try count())) }

  /// UTF-8 bytes as a string (typed as `UInt8` so that the standard library validates them in
  /// bulk instead of byte by byte).
  static func text(_ raw: UnsafeRawBufferPointer) -> String {
    String(decoding: raw.assumingMemoryBound(to: UInt8.self), as: UTF8.self)
  }
}

/// A fast 64-bit checksum of bytes (FNV-style mixing, eight bytes at a time) for detecting a
/// damaged index file; not cryptographic.
enum Checksum {
  static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(bytes.count)
    let prime: UInt64 = 0x0000_0100_0000_01b3
    var i = 0
    let n = bytes.count
    while i + 8 <= n {
      let word = bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)
      h = (h ^ word) &* prime
      h ^= h >> 29
      i += 8
    }
    while i < n {
      h = (h ^ UInt64(bytes[i])) &* prime
      i += 1
    }
    h ^= h >> 32
    return h &* 0x9e37_79b9_7f4a_7c15
  }

  static func of(_ bytes: [UInt8]) -> UInt64 { bytes.withUnsafeBytes { of($0) } }
}
