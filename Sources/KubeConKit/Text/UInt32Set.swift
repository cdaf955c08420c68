/// A set of 32-bit keys looked up without hashing them through `Hasher` (which costs more than
/// the rest of a lookup): open addressing with Fibonacci hashing, a slot holding its key and a
/// bit saying it is taken.
struct UInt32Set: Sendable {
  private var slots: [UInt64]
  private let shift: UInt64

  init(_ keys: some Collection<UInt32>) {
    var bits: UInt64 = 4
    while (1 << bits) < 2 * keys.count { bits += 1 }
    shift = 64 - bits
    slots = [UInt64](repeating: 0, count: 1 << bits)
    for k in keys { insert(k) }
  }

  @inline(__always)
  private func slot(_ key: UInt32) -> Int { Int((UInt64(key) &* 0x9E37_79B9_7F4A_7C15) >> shift) }

  private mutating func insert(_ key: UInt32) {
    let taken = UInt64(key) | 1 << 32
    var i = slot(key)
    while slots[i] != 0 {
      if slots[i] == taken { return }
      i = (i + 1) & (slots.count - 1)
    }
    slots[i] = taken
  }

  @inline(__always)
  func contains(_ key: UInt32) -> Bool {
    let taken = UInt64(key) | 1 << 32
    var i = slot(key)
    while slots[i] != 0 {
      if slots[i] == taken { return true }
      i = (i + 1) & (slots.count - 1)
    }
    return false
  }
}
