import Foundation

/// The cores this process may use, read once: on Linux, `activeProcessorCount` reads two cgroup
/// files at every call (ten times in a build).
let activeCores = ProcessInfo.processInfo.activeProcessorCount

/// Slots filled by concurrent work (`DispatchQueue.concurrentPerform`), read once it is done.
final class Slots<Value>: @unchecked Sendable {
  private var slots: [Value?]
  private let lock = NSLock()
  init(count: Int) { slots = Array(repeating: nil, count: count) }
  func set(_ i: Int, _ value: Value) { lock.withLock { slots[i] = value } }
  /// The values, in slot order.
  var all: [Value] { lock.withLock { slots.compactMap { $0 } } }
}

/// The values of three functions, worked out at the same time.
func concurrently<A, B, C>(_ a: @Sendable () -> A, _ b: @Sendable () -> B, _ c: @Sendable () -> C) -> (A, B, C) {
  let first = Slots<A>(count: 1), second = Slots<B>(count: 1), third = Slots<C>(count: 1)
  DispatchQueue.concurrentPerform(iterations: 3) { i in
    switch i {
    case 0: first.set(0, a())
    case 1: second.set(0, b())
    default: third.set(0, c())
    }
  }
  return (first.all[0], second.all[0], third.all[0])
}

/// `transform` of each element, in order, worked out on every core (in runs of consecutive
/// elements) when there are enough of them.
func parallelMap<T: Sendable, R>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
  guard items.count >= 16 else { return items.map(transform) }
  let runs = activeCores * 4
  let results = Slots<[R]>(count: runs)
  DispatchQueue.concurrentPerform(iterations: runs) { run in
    results.set(run, items[(items.count * run / runs)..<(items.count * (run + 1) / runs)].map(transform))
  }
  return Array(results.all.joined())
}
