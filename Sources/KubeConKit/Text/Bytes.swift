import Foundation

/// Searches in UTF-8 bytes: spaces, a byte, a string of bytes (`memchr`, `memcmp`).
enum Bytes {
  /// Where the spaces, tabs and no-break spaces (U+00A0, U+202F) that start `bytes[start..<end]`
  /// end: the spaces `trimmingSpaces` trims.
  static func endOfSpaces(_ b: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
    var a = start
    while a < end {
      if b[a] == 0x20 || b[a] == 0x09 {
        a += 1
      } else if b[a] == 0xC2, a + 1 < end, b[a + 1] == 0xA0 {
        a += 2
      } else if b[a] == 0xE2, a + 2 < end, b[a + 1] == 0x80, b[a + 2] == 0xAF {
        a += 3
      } else {
        break
      }
    }
    return a
  }

  /// Where `needle` first occurs in `bytes` from `start` (nil for an empty needle): memchr finds
  /// the next place of the needle's first byte that is not a space (spaces are everywhere in
  /// text; terms are searched for between spaces), memcmp compares the whole.
  static func firstIndex(of needle: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
    guard !needle.isEmpty else { return nil }
    let j = needle.firstIndex { $0 != 0x20 } ?? 0
    var i = start
    while i + needle.count <= bytes.count, let k = firstIndex(of: needle[j], in: bytes, from: i + j) {
      let at = k - j
      if at + needle.count <= bytes.count && memcmp(bytes.baseAddress! + at, needle.baseAddress!, needle.count) == 0 { return at }
      i = at + 1
    }
    return nil
  }

  /// Where `needle` last occurs in `bytes` (nil for an empty needle).
  static func lastIndex(of needle: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    guard let first = needle.first else { return nil }
    var k = bytes.count - needle.count
    while k >= 0 {
      if bytes[k] == first && memcmp(bytes.baseAddress! + k, needle.baseAddress!, needle.count) == 0 { return k }
      k -= 1
    }
    return nil
  }

  /// The first place of `byte` in `bytes` from `start` (memchr reads many bytes at a time).
  static func firstIndex(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
    guard let base = bytes.baseAddress, start < bytes.count else { return nil }
    return memchr(base + start, Int32(byte), bytes.count - start).map { UnsafeRawPointer(base).distance(to: UnsafeRawPointer($0)) }
  }

  /// The number of scalars of some UTF-8 bytes (whole scalars): the bytes that are not continuations.
  static func scalarCount(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Int {
    bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
  }

  /// The scalar that starts at byte `i` of UTF-8 text, and its length in bytes.
  static func scalar(at i: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (Unicode.Scalar, length: Int) {
    let b = bytes[i]
    guard b >= 0x80 else { return (Unicode.Scalar(b), 1) }
    let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
    var v = UInt32(b) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
    for k in 1..<length where i + k < bytes.count { v = v << 6 | UInt32(bytes[i + k] & 0x3F) }
    return (Unicode.Scalar(v) ?? "\u{FFFD}", length)
  }
}
