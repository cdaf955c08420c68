import Foundation

/// Phrases looked for in a text in one pass: how many ``WordSearch/containsWords(_:_:)`` finds,
/// without searching for each phrase in turn.
struct PhraseSet: Sendable {
  /// The phrases' bytes one after another: phrase `k` is `bytes[starts[k]..<starts[k + 1]]`.
  private let bytes: [UInt8]
  private let starts: [Int]
  /// For each byte, the first phrase that starts with it, and for each phrase the next one
  /// that starts with the same byte (-1 at the end).
  private let first: [Int32]
  private let next: [Int32]

  init(_ phrases: [String]) {
    let list = phrases.map { Array($0.utf8) }.filter { !$0.isEmpty }
    var first = [Int32](repeating: -1, count: 256)
    var next = [Int32](repeating: -1, count: list.count)
    for (k, p) in list.enumerated().reversed() {
      next[k] = first[Int(p[0])]
      first[Int(p[0])] = Int32(k)
    }
    bytes = list.flatMap { $0 }
    starts = list.reduce(into: [0]) { $0.append($0.last! + $1.count) }
    self.first = first
    self.next = next
  }

  /// How many of the phrases occur in `folded` between non-letters, counted until there are
  /// `limit` (the rest of the text is not read).
  ///
  /// The text is read scalar by scalar, knowing whether the one before is a letter: phrases
  /// are tried only where a word starts (looking back for the letter before each place where a
  /// phrase may start was most of the cost).
  func count(in folded: String, upTo limit: Int = .max) -> Int {
    var text = folded
    let (first, next, starts) = (first, next, starts)
    return text.withUTF8 { t in
      bytes.withUnsafeBufferPointer { all in
        var found = [Bool](repeating: false, count: starts.count - 1)
        var count = 0
        var afterLetter = false
        var i = 0
        let n = t.count
        while i < n {
          let b = t[i]
          var length = 1
          let isLetter: Bool
          if b < 0x80 {
            isLetter = (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A)
          } else {
            let (scalar, l) = Bytes.scalar(at: i, in: t)
            length = l
            isLetter = Tokenizer.isAlphabetic(scalar.value)
          }
          if !afterLetter {
            var k = Int(first[Int(b)])
            while k >= 0 {
              let size = starts[k + 1] - starts[k]
              if !found[k], i + size <= n, memcmp(t.baseAddress! + i, all.baseAddress! + starts[k], size) == 0,
                !WordSearch.letterStarts(t, at: i + size)
              {
                found[k] = true
                count += 1
                if count >= limit { return count }
              }
              k = Int(next[k])
            }
          }
          afterLetter = isLetter
          i += length
        }
        return count
      }
    }
  }
}
