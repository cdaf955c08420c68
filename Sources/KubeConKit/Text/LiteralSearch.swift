/// Finding a literal piece of text (a separator such as `" - "`) by its UTF-8 bytes, with
/// ``Bytes/firstIndex(of:in:from:)`` and ``Bytes/lastIndex(of:in:)``.
///
/// Foundation's `range(of:)` goes through `NSString` and compares by canonical equivalence, which
/// the separators linking looks for do not need.
extension StringProtocol {
  /// The first range of `needle`'s bytes, or the last with `backwards`.
  func literalRange(of needle: StaticString, backwards: Bool = false) -> Range<Index>? {
    let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
    func search(_ hay: UnsafeBufferPointer<UInt8>) -> Int? {
      backwards ? Bytes.lastIndex(of: pattern, in: hay) : Bytes.firstIndex(of: pattern, in: hay)
    }
    let found = utf8.withContiguousStorageIfAvailable(search) ?? Array(utf8).withUnsafeBufferPointer(search)
    guard let i = found else { return nil }
    let lower = utf8.index(utf8.startIndex, offsetBy: i)
    return lower..<utf8.index(lower, offsetBy: pattern.count)
  }

  /// Whether the text holds `needle`'s bytes.
  func containsLiteral(_ needle: StaticString) -> Bool { literalRange(of: needle) != nil }
}
