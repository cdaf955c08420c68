/// A bit per ``Token/hash(folded:)`` of some folded words: most words are none of them, and a bit
/// says so without hashing them again to look them up in a set or a dictionary.
struct WordBits: Sendable {
  private var bits = [UInt64](repeating: 0, count: 1 << 10)

  init(_ words: some Sequence<String> = [String]()) {
    for w in words { insert(hash: Token.hash(folded: w)) }
  }

  mutating func insert(hash: UInt16) { bits[Int(hash >> 6)] |= 1 << UInt64(hash & 63) }

  /// False when no word with this hash was inserted.
  func mayContain(_ hash: UInt16) -> Bool { bits[Int(hash >> 6)] & (1 << UInt64(hash & 63)) != 0 }
}

/// Values by folded word, found by the word's ``Token/hash(folded:)``, which the tokenizer has
/// worked out already: hashing the word again for a `Dictionary` cost more than the rest of
/// looking it up.
struct WordTable<Value: Sendable>: Sendable {
  /// The first entry of each chain, by the hash's low bits; -1 for none.
  private var heads = [Int32](repeating: -1, count: 1 << 10)
  private var entries: [(word: String, hash: UInt16, value: Value, next: Int32)] = []
  /// A bit per hash of the words: most words are none, and are ruled out by one load.
  private var bits = WordBits()

  init() {}

  init(_ pairs: some Sequence<(String, Value)>) {
    for (word, value) in pairs { modify(word, default: value) { $0 = value } }
  }

  var words: [String] { entries.map(\.word) }

  /// False when no word with this hash is in the table.
  func mayContain(hash: UInt16) -> Bool { bits.mayContain(hash) }

  /// - Parameter hash: ``Token/hash(folded:)`` of `word`.
  subscript(_ word: String, hash hash: UInt16) -> Value? {
    guard bits.mayContain(hash) else { return nil }
    var e = Int(heads[Int(hash & 0x3FF)])
    while e >= 0 {
      if entries[e].hash == hash && entries[e].word == word { return entries[e].value }
      e = Int(entries[e].next)
    }
    return nil
  }

  subscript(_ word: String) -> Value? { self[word, hash: Token.hash(folded: word)] }

  /// Changes the value of `word`, which is `initial` when the word is new.
  mutating func modify(_ word: String, default initial: @autoclosure () -> Value, _ change: (inout Value) -> Void) {
    let hash = Token.hash(folded: word)
    var e = Int(heads[Int(hash & 0x3FF)])
    while e >= 0 {
      if entries[e].hash == hash && entries[e].word == word {
        change(&entries[e].value)
        return
      }
      e = Int(entries[e].next)
    }
    var value = initial()
    change(&value)
    entries.append((word, hash, value, heads[Int(hash & 0x3FF)]))
    heads[Int(hash & 0x3FF)] = Int32(entries.count - 1)
    bits.insert(hash: hash)
  }
}

extension WordTable where Value == Bool {
  /// A set of words.
  init(words: some Sequence<String>) { self.init(words.lazy.map { ($0, true) }) }

  func contains(_ word: String, hash: UInt16) -> Bool { self[word, hash: hash] != nil }
}
