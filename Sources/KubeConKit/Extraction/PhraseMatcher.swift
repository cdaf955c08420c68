/// Finds catalog phrases in tokenized text, on word boundaries.
///
/// A phrase written with a capital (`AI`, `Flux` when marked case-sensitive) matches only that
/// exact spelling; a phrase ending in `*` matches any word that starts with its last word.
struct PhraseMatcher<Value: Sendable & Hashable>: Sendable {
  struct Pattern: Sendable {
    var words: [String]  // folded
    var exact: [String]?  // as written, when case matters
    var prefixLast: Bool
    var value: Value
  }

  /// The phrases by their first word (but the one-word prefix patterns), found by the word's hash.
  private var byFirstWord = WordTable<[Pattern]>()
  /// One-word prefix patterns by their first three characters (shorter ones under the whole
  /// word), with the order they were added in.
  private var prefixPatterns: [String: [(order: Int, pattern: Pattern)]] = [:]
  /// The same patterns when their key is ASCII, under the key's bytes packed in an integer: most
  /// words are ASCII and are looked up without making a string per prefix.
  private var asciiPrefixPatterns: [UInt32: [(order: Int, pattern: Pattern)]] = [:]
  /// For each of those keys (by `mergedIndex`), its patterns and those of the keys it starts
  /// with, in the order they were added: what a word whose longest key it is may match, without
  /// gathering and sorting.
  private var merged: [[(order: Int, pattern: Pattern)]] = []
  private var mergedIndex: [UInt32: Int32] = [:]
  /// `merged` in tables a word's first bytes index (a dictionary lookup for most words was a
  /// twentieth of parsing): `merged[singles[b0]]` for the key of one byte; for longer keys,
  /// `pairRows[b0 * 128 + b1]` is a row of `rows`, whose entries 0-127 give the three-byte keys by
  /// their third byte and entry 128 the two-byte key. -1 where there is no key.
  private var singles = [Int32](repeating: -1, count: 128)
  private var pairRows = [Int32](repeating: -1, count: 128 * 128)
  private var rows: [Int32] = []
  private var prefixCount = 0
  /// The most words a phrase has: how far past a token a match that starts there may reach.
  private var longest = 1

  init() {}

  /// Adds a phrase. - Parameter caseSensitive: match the spelling exactly (also implied by an all-caps phrase).
  mutating func add(_ phrase: String, value: Value, caseSensitive: Bool = false) {
    var text = phrase
    let prefix = text.hasSuffix("*")
    if prefix { text.removeLast() }
    let tokens = Tokenizer.tokens(text)
    guard !tokens.isEmpty else { return }
    let allCaps = PhraseMatcher.isAllCaps(text)
    let exact = (caseSensitive || allCaps) ? tokens.map(\.text) : nil
    let pattern = Pattern(words: tokens.map(\.folded), exact: exact, prefixLast: prefix, value: value)
    if prefix && tokens.count == 1 {
      let key = String(pattern.words[0].prefix(3))
      if let packed = PhraseMatcher.pack(key.utf8) {
        if mergedIndex[packed] == nil {
          let shorter = (1..<key.utf8.count).flatMap { asciiPrefixPatterns[PhraseMatcher.pack(key.utf8.prefix($0))!] ?? [] }
          merged.append(shorter.sorted { $0.order < $1.order })
          mergedIndex[packed] = Int32(merged.count - 1)
          index(packed, list: Int32(merged.count - 1))
        }
        for (k, list) in mergedIndex where PhraseMatcher.packed(k, startsWith: packed) {
          merged[Int(list)].append((prefixCount, pattern))
        }
        asciiPrefixPatterns[packed, default: []].append((prefixCount, pattern))
      } else {
        prefixPatterns[key, default: []].append((prefixCount, pattern))
      }
      prefixCount += 1
    } else {
      byFirstWord.modify(pattern.words[0], default: []) { $0.append(pattern) }
      longest = max(longest, pattern.words.count)
    }
  }

  /// Whether a phrase has two letters or more, all capitals (`CNCF`, `K8S`). Read as bytes when
  /// ASCII (the catalog's phrases are, and reading their characters slowed loading it).
  static func isAllCaps(_ phrase: String) -> Bool {
    if phrase.utf8.allSatisfy({ $0 < 0x80 }) {
      var letters = 0
      for b in phrase.utf8 {
        if b >= 0x61 && b <= 0x7A { return false }
        if b >= 0x41 && b <= 0x5A { letters += 1 }
      }
      return letters >= 2
    }
    let letters = phrase.filter(\.isLetter)
    return letters.count >= 2 && letters.allSatisfy(\.isUppercase)
  }

  /// Puts a key's list in the tables.
  private mutating func index(_ packed: UInt32, list: Int32) {
    let b = (0..<(packed >> 24)).map { Int(packed >> (8 * $0) & 0xFF) }
    if b.count == 1 {
      singles[b[0]] = list
      return
    }
    if pairRows[b[0] * 128 + b[1]] < 0 {
      pairRows[b[0] * 128 + b[1]] = Int32(rows.count / 129)
      rows += [Int32](repeating: -1, count: 129)
    }
    rows[Int(pairRows[b[0] * 128 + b[1]]) * 129 + (b.count == 3 ? b[2] : 128)] = list
  }

  struct Match: Sendable {
    var value: Value
    /// Index of the first token.
    var token: Int
    var length: Int
    /// The match starts a sentence (weak evidence for a name that is also a common word).
    var sentenceInitial: Bool
  }

  /// False when no phrase can start at this token (true does not say one does).
  /// - Parameter hash: the token's ``Token/foldedHash``.
  func mayStart(hash: UInt16) -> Bool { prefixCount > 0 || byFirstWord.mayContain(hash: hash) }

  /// Every match, longest first at each position; matches do not overlap.
  func matches(in tokens: [Token]) -> [Match] { matches(in: tokens[...]) }

  /// The matches within some of the tokens (``Match/token`` counts from the whole array's start).
  func matches(in tokens: ArraySlice<Token>) -> [Match] { matches(in: tokens, known: nil) }

  /// The matches of a whole run of tokens (a report's body), from which the matches of its parts
  /// (a talk's text, a section) are read instead of scanned again.
  ///
  /// A part's matches are the run's that start in it when the run's scan comes to the part's
  /// first token (no match of the run spans it) and no match of the run crosses the part's end:
  /// from the same place, both scans see the same words and choose the same way, except where
  /// a match could reach past the part's end.
  struct Scan {
    let tokens: [Token]
    /// In order, not overlapping.
    let matches: [Match]

    /// Whether `part` is a slice of ``tokens`` (the same memory), and not empty.
    func holds(_ part: ArraySlice<Token>) -> Bool {
      guard !part.isEmpty, part.endIndex <= tokens.count else { return false }
      let start = tokens.withUnsafeBufferPointer { $0.baseAddress.map { $0 + part.startIndex } }
      return part.withUnsafeBufferPointer { $0.baseAddress } == start
    }

    /// The index in ``matches`` of the first match that starts at `place` or after.
    func firstIndex(from place: Int) -> Int { matches.partitionIndex { $0.token < place } }

    /// Where the match that starts before `place` and spans it ends, if one does.
    func end(ofMatchSpanning place: Int) -> Int? {
      let k = firstIndex(from: place) - 1
      guard k >= 0, matches[k].token + matches[k].length > place else { return nil }
      return matches[k].token + matches[k].length
    }

    /// The matches that start in `range`, when the scan comes to its start.
    func matches(startingIn range: Range<Int>) -> ArraySlice<Match>? {
      guard end(ofMatchSpanning: range.lowerBound) == nil else { return nil }
      return matches[firstIndex(from: range.lowerBound)..<firstIndex(from: range.upperBound)]
    }
  }

  /// The matches of all the tokens, to read their parts' from.
  func scan(_ tokens: [Token]) -> Scan {
    var result: [Match] = []
    _ = scan(tokens[...], from: 0, to: tokens.count, into: &result)
    return Scan(tokens: tokens, matches: result)
  }

  /// ``matches(in:)``, read from `known` when it can be.
  func matches(in tokens: ArraySlice<Token>, known: Scan?) -> [Match] {
    if let known, known.holds(tokens), known.end(ofMatchSpanning: tokens.endIndex) == nil,
      let found = known.matches(startingIn: tokens.startIndex..<tokens.endIndex)
    {
      return Array(found)
    }
    var result: [Match] = []
    _ = scan(tokens, from: tokens.startIndex, to: tokens.endIndex, into: &result)
    return result
  }

  /// The matches in two runs of tokens read as one, as in an array of both (``Match/token`` counts
  /// from the first's start), without making that array: large copies made and dropped for each
  /// talk (its title and text, a section and its heading) had their memory mapped and cleared anew.
  ///
  /// The scan over the first stops where a match could reach the second. From there it goes on
  /// over the rest of the first and the words of the second a match may reach, copied (a few
  /// words); and once past the first, over the second, which it then reads as if alone. The
  /// first and last of these read `known` when they can.
  func matches(in first: ArraySlice<Token>, then second: ArraySlice<Token>, known: Scan? = nil) -> [Match] {
    var result: [Match] = []
    let safe = max(first.startIndex, first.endIndex - (longest - 1))
    let resume: Int
    if let known, known.holds(first), let found = known.matches(startingIn: first.startIndex..<safe) {
      // (Before `safe`, a match reads only words of the first run, which are the known run's.)
      result = Array(found)
      resume = max(safe, found.last.map { $0.token + $0.length } ?? safe)
    } else {
      resume = scan(first, from: first.startIndex, to: safe, into: &result)
    }
    let bridge = Array(first[resume...]) + second.prefix(longest)
    var bridged: [Match] = []
    let past = scan(bridge[...], from: 0, to: first.endIndex - resume, into: &bridged)
    let rest = matches(in: second[(second.startIndex + past - (first.endIndex - resume))...], known: known)
    // Token places in both runs read as one.
    result = result.map { var m = $0; m.token -= first.startIndex; return m }
    result += bridged.map { var m = $0; m.token += resume - first.startIndex; return m }
    result += rest.map { var m = $0; m.token += first.count - second.startIndex; return m }
    return result
  }

  /// The greedy scan: from `start`, the longest match at each place (words to its end may be
  /// read), until a place at or after `end`, which it returns.
  private func scan(_ tokens: ArraySlice<Token>, from start: Int, to end: Int, into result: inout [Match]) -> Int {
    var i = start
    while i < end {
      var best: Match? = nil
      // (A token's folded word is read only when its hash or its start says it may match.)
      if let phrases = byFirstWord[tokens[i].folded, hash: tokens[i].foldedHash] {
        for p in phrases where p.words.count > (best?.length ?? 0) {
          if matches(p, tokens, at: i) {
            best = Match(value: p.value, token: i, length: p.words.count, sentenceInitial: tokens[i].startsSentence)
          }
        }
      }
      if best == nil && prefixCount > 0 {
        // A pattern of n < 3 letters sits under its whole word, a longer one under its first 3:
        // each key length holds its own patterns, so the lookups never overlap.
        // (Most words have no candidates: they are told so by the tables, without an array.)
        let asciiStart = tokens[i].asciiStart
        let list = asciiStart != 0 ? prefixList(asciiStart: asciiStart) : -1
        if asciiStart == 0 || list >= 0 {
          let candidates = asciiStart != 0 ? merged[Int(list)] : prefixCandidates(tokens[i].folded)
          for (_, p) in candidates where matches(p, tokens, at: i) {
            best = Match(value: p.value, token: i, length: 1, sentenceInitial: tokens[i].startsSentence)
            break
          }
        }
      }
      if let m = best {
        result.append(m)
        i += m.length
      } else {
        i += 1
      }
    }
    return i
  }

  /// Where in `merged` ``prefixCandidates(_:)`` of a word are, when its first four bytes (or all,
  /// if fewer) are ASCII, a character each; -1 when it has none.
  /// - Parameter asciiStart: ``Token/asciiStart(_:)`` of the word.
  private func prefixList(asciiStart: UInt32) -> Int32 {
    let count = Int(asciiStart >> 24)
    let bytes = (UInt8(asciiStart & 0xFF), UInt8(asciiStart >> 8 & 0xFF), UInt8(asciiStart >> 16 & 0xFF))
    // The longest key first: three bytes, two, one.
    if count > 1, case let row = Int(pairRows[Int(bytes.0) * 128 + Int(bytes.1)]), row >= 0 {
      if count == 3, case let list = rows[row * 129 + Int(bytes.2)], list >= 0 { return list }
      if case let list = rows[row * 129 + 128], list >= 0 { return list }
    }
    return singles[Int(bytes.0)]
  }

  /// The one-word prefix patterns under the first one, two and three characters of a word, in
  /// the order they were added.
  private func prefixCandidates(_ folded: String) -> [(order: Int, pattern: Pattern)] {
    var candidates: [(order: Int, pattern: Pattern)] = []
    for n in stride(from: 1, through: min(3, folded.count), by: 1) {
      let key = folded.prefix(n)
      if let packed = PhraseMatcher.pack(key.utf8) {
        candidates += asciiPrefixPatterns[packed] ?? []
      } else {
        candidates += prefixPatterns[String(key)] ?? []
      }
    }
    if candidates.count > 1 { candidates.sort { $0.order < $1.order } }
    return candidates
  }

  /// Whether the packed key `k` starts with the packed key `prefix`.
  static func packed(_ k: UInt32, startsWith prefix: UInt32) -> Bool {
    let length = prefix >> 24
    let mask: UInt32 = (1 << (8 * length)) - 1
    return k >> 24 >= length && k & mask == prefix & mask
  }

  /// One to three ASCII bytes and their count in an integer; nil for other keys.
  static func pack<C: Collection>(_ bytes: C) -> UInt32? where C.Element == UInt8 {
    guard (1...3).contains(bytes.count), bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
    var key: UInt32 = 0
    for (n, b) in bytes.enumerated() { key |= UInt32(b) << (8 * UInt32(n)) }
    return key | UInt32(bytes.count) << 24
  }

  private func matches(_ p: Pattern, _ tokens: ArraySlice<Token>, at i: Int) -> Bool {
    guard i + p.words.count <= tokens.endIndex else { return false }
    for (k, word) in p.words.enumerated() {
      let last = k == p.words.count - 1
      if last && p.prefixLast {
        if !tokens[i + k].folded.hasASCIIPrefix(word) { return false }
      } else if tokens[i + k].folded != word {
        return false
      }
      if let exact = p.exact {
        if last && p.prefixLast {
          if !tokens[i + k].text.hasASCIIPrefix(exact[k]) { return false }
        } else if tokens[i + k].text != exact[k] {
          return false
        }
      }
    }
    return true
  }
}
