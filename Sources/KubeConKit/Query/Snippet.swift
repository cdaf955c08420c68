extension SearchIndex {
  /// The window of about 140 characters that covers the most distinct query clauses, then the
  /// most matches, then starts a sentence (the first such window); `matches` are token numbers of
  /// the text, as the postings give them. Line breaks read as spaces.
  ///
  /// - Complexity: the text is scanned up to about 150 characters past the last match; characters
  ///   are counted only from about 150 before the first one (a window with no match cannot win).
  func snippet(_ text: String, matches: [(start: Int, length: Int, clause: Int)]) -> [(String, Bool)] {
    var text = text
    text.makeContiguousUTF8()
    return text.utf8.withContiguousStorageIfAvailable { snippet(bytes: $0, matches: matches) } ?? []
  }

  func snippet(bytes: UnsafeBufferPointer<UInt8>, matches: [(start: Int, length: Int, clause: Int)]) -> [(String, Bool)] {
    func string(_ from: Int, _ to: Int) -> String {
      String(decoding: bytes[from..<to].map { $0 == 0x0A ? 0x20 : $0 }, as: UTF8.self)
    }
    /// Characters in bytes[from..<to] once line breaks are spaces: its length when it is ASCII,
    /// its scalars when each is a character of its own (``SearchIndex/standsAlone(_:)``).
    func characters(_ from: Int, _ to: Int, ascii: Bool = false) -> Int {
      if ascii || bytes[from..<to].allSatisfy({ $0 < 0x80 }) { return to - from }
      var scalars = 0
      var i = from
      while i < to {
        let b = bytes[i]
        let length = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
        var v = UInt32(length == 1 ? b : length == 2 ? b & 0x1F : length == 3 ? b & 0x0F : b & 0x07)
        for k in 1..<length where i + k < to { v = v << 6 | UInt32(bytes[i + k] & 0x3F) }
        guard SearchIndex.standsAlone(v) else { return string(from, to).count }
        scalars += 1
        i += length
      }
      return scalars
    }
    let firstMark = matches.map(\.start).min() ?? 0
    let lastMark = matches.map { $0.start + $0.length - 1 }.max() ?? 0
    // Words up to the last match, then until one ends more than 150 characters after it starts.
    var tokens: [(start: Int, end: Int, ascii: Bool, startsSentence: Bool)] = []
    var charactersAfterLast = 0
    Tokenizer.scan(bytes, lineBreaksStartSentences: false) { start, end, ascii, sentence in
      tokens.append((start, end, ascii, sentence))
      let i = tokens.count - 1
      if i > lastMark {
        charactersAfterLast += characters(tokens[i - 1].end, start) + characters(start, end, ascii: ascii)
      } else if i == lastMark {
        charactersAfterLast = characters(start, end, ascii: ascii)
      }
      return i <= lastMark || charactersAfterLast <= 151
    }
    guard !tokens.isEmpty else { return [(String(string(0, bytes.count).prefix(140)), false)] }
    // From about 150 characters (and 5 words) before the first match: earlier windows reach no match.
    var from = min(firstMark, tokens.count - 1)
    var back = 0
    while from > 0 && back <= 151 {
      back += characters(tokens[from - 1].end, tokens[from].start)
        + characters(tokens[from - 1].start, tokens[from - 1].end, ascii: tokens[from - 1].ascii)
      from -= 1
    }
    from = max(0, from - 5)
    /// The best window of the words from `from` on: its first word (relative), with the marks and
    /// character offsets of those words.
    func best(from: Int) -> (start: Int, score: Int, marks: [Int], starts: [Int], ends: [Int]) {
      let count = tokens.count - from
      var marks = [Int](repeating: -1, count: count)
      for m in matches {
        for k in m.start..<(m.start + m.length) where k >= from && k < tokens.count { marks[k - from] = m.clause }
      }
      // Character offsets (from the region's start) of each word's start and end, counted once.
      var starts = [Int](repeating: 0, count: count)
      var ends = [Int](repeating: 0, count: count)
      var offset = 0
      var previous = tokens[from].start
      for i in 0..<count {
        let t = tokens[from + i]
        offset += characters(previous, t.start)
        starts[i] = offset
        offset += characters(t.start, t.end, ascii: t.ascii)
        ends[i] = offset
        previous = t.end
      }
      var bestStart = 0
      var bestScore = -1
      // The window of each start, slid along: words start..<end, with each clause's marks counted.
      var inWindow = [Int](repeating: 0, count: (matches.map(\.clause).max() ?? -1) + 1)
      var distinct = 0
      var marked = 0
      var end = 0
      for start in 0..<count {
        end = max(end, start)  // after a word longer than the window
        while end < count, ends[end] - starts[start] <= 140 {
          let c = marks[end]
          if c >= 0 {
            if inWindow[c] == 0 { distinct += 1 }
            inWindow[c] += 1
            marked += 1
          }
          end += 1
        }
        let score = distinct * 1000 + (marked - distinct) + (tokens[from + start].startsSentence ? 1 : 0)
        if score > bestScore {
          bestScore = score
          bestStart = start
        }
        // The word `start` leaves the window (when it was in it).
        if end > start, marks[start] >= 0 {
          let c = marks[start]
          inWindow[c] -= 1
          marked -= 1
          if inWindow[c] == 0 { distinct -= 1 }
        }
      }
      return (bestStart, bestScore, marks, starts, ends)
    }
    var (bestStart, bestScore, marks, starts, ends) = best(from: from)
    if bestScore < 1000 && from > 0 {
      // No window holds a match (each is a word longer than a window): the text's first one wins.
      from = 0
      (bestStart, bestScore, marks, starts, ends) = best(from: 0)
    }
    let count = tokens.count - from
    // Start a little before the first match for context.
    var start = bestStart
    if let first = (bestStart..<count).first(where: { marks[$0] >= 0 }), first == bestStart {
      var k = bestStart
      while k > 0, bestStart - k < 4, !tokens[from + k].startsSentence { k -= 1 }  // k > 0: the region starts 5 words early
      start = k
    }
    var pieces: [(String, Bool)] = []
    var cursor = tokens[from + start].start
    var j = start
    while j < count, ends[j] - starts[start] <= 150 {
      let t = tokens[from + j]
      if cursor < t.start { pieces.append((string(cursor, t.start), false)) }
      pieces.append((string(t.start, t.end), marks[j] >= 0))
      cursor = t.end
      j += 1
    }
    if from + start > 0 { pieces.insert(("…", false), at: 0) }
    if j < count { pieces.append(("…", false)) }
    return pieces
  }

  /// Whether a scalar is always a character by itself, whatever is around it (no combining mark,
  /// joiner, prepended or paired scalar, no carriage return): Latin letters and the punctuation and
  /// currency signs of French and English text. Other text is measured by `String`.
  static func standsAlone(_ v: UInt32) -> Bool {
    (v < 0x300 && v != 0x0D) || (v >= 0x2010 && v <= 0x2027) || (v >= 0x2030 && v <= 0x205E) || (v >= 0x20A0 && v <= 0x20C0)
  }
}
