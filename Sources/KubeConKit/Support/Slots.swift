import Foundation

/// Slots filled by concurrent work (`DispatchQueue.concurrentPerform`), read once it is done.
final class Slots<Value>: @unchecked Sendable {
  private var slots: [Value?]
  private let lock = NSLock()
  init(count: Int) { slots = Array(repeating: nil, count: count) }
  func set(_ i: Int, _ value: Value) { lock.withLock { slots[i] = value } }
  /// The values, in slot order.
  var all: [Value] { lock.withLock { slots.compactMap { $0 } } }
}
