/// SplitMix64: a small random generator that gives the same numbers for the same seed, for
/// deterministic test inputs and benchmark corpora (never for anything secret).
struct SeededGenerator: RandomNumberGenerator, Sendable {
  var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A number in `0..<n` (0 when `n` is not positive).
  mutating func below(_ n: Int) -> Int { n <= 0 ? 0 : Int(next() % UInt64(n)) }

  mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}
