extension SearchIndex {
  /// A text of the index: its bytes, checked only where a snippet reads them, and its checkpoints.
  struct StoredText {
    var bytes: UnsafeBufferPointer<UInt8>
    /// Checkpoint k (k ≥ 1) at `4 × (k - 1)`: where word k × ``SearchSectionsWriter/checkpointSpacing``
    /// starts, its top bit set when that word starts a sentence.
    var checkpoints: UnsafeRawBufferPointer
    /// Checks that a range of `bytes` is undamaged before it is used.
    var check: (Range<Int>) throws -> Void

    /// A text held in memory, its checkpoints made here (for tests).
    static func withText<T>(_ text: String, _ body: (StoredText) throws -> T) rethrows -> T {
      var text = text
      text.makeContiguousUTF8()
      var w = ByteWriter()
      for c in SearchSectionsWriter.checkpoints(text) { w.u32(c) }
      return try w.bytes.withUnsafeBytes { checkpoints in
        try text.utf8.withContiguousStorageIfAvailable { bytes in
          try body(StoredText(bytes: bytes, checkpoints: checkpoints, check: { _ in }))
        }!
      }
    }

    /// The last checkpoint at or before word `word`: where it starts, its word number, and
    /// whether that word starts a sentence. Checkpoint 0 is the start of the text.
    func checkpoint(before word: Int) throws -> (offset: Int, word: Int, startsSentence: Bool) {
      let k = min(max(0, word) / SearchSectionsWriter.checkpointSpacing, checkpoints.count / 4)
      guard k > 0 else { return (0, 0, true) }
      let v = UInt32(littleEndian: checkpoints.loadUnaligned(fromByteOffset: (k - 1) * 4, as: UInt32.self))
      let offset = Int(v & 0x7FFF_FFFF)
      guard offset < bytes.count else { throw IndexFile.Problem.damaged("text checkpoint") }
      return (offset, k * SearchSectionsWriter.checkpointSpacing, v >> 31 == 1)
    }
  }

  /// A window holds at most 140 characters, and a word and the separator after it are a
  /// character each: the words of a window are fewer than this.
  static let windowWords = 71
  /// At most this many places of a text are read for its snippet.
  static let snippetPlaces = 32

  /// The window of about 140 characters that covers the most distinct query clauses, then the
  /// most matches, then starts a sentence (the first such window); `matches` are word numbers of
  /// the text, as the postings give them. Line breaks read as spaces.
  ///
  /// - Complexity: the windows whose first mark is a given mark score at most what the marks of
  ///   the next ``windowWords`` words give; marks are tried best bound first, and only while one
  ///   could still win, at most `places` of them. Each is read from the text's checkpoint before
  ///   it to ~150 characters past it, so a long text with matches throughout is read in a few
  ///   places, not whole. The window is the best one of the text unless more than `places` marks
  ///   could each have held it (a word found all through a talk seen in hundreds of reports):
  ///   then it is the best of the places tried, which hold the most clauses and matches.
  func snippet(
    _ text: StoredText, matches: [(start: Int, length: Int, clause: Int)], places: Int = SearchIndex.snippetPlaces
  ) throws -> [(String, Bool)] {
    // Each marked word's clause (a later match wins a shared word), in word order.
    var clauseOf: [Int: Int] = [:]
    for m in matches { for k in m.start..<(m.start + m.length) { clauseOf[k] = m.clause } }
    let marks = clauseOf.sorted { $0.key < $1.key }.map { (word: $0.key, clause: $0.value) }
    guard !marks.isEmpty else { return try window(text, marks: [], around: 0, fromStart: false).pieces }
    // Per mark, the best score a window starting at it could reach.
    var bounds = [Int](repeating: 0, count: marks.count)
    var inSpan = [Int](repeating: 0, count: (marks.map(\.clause).max() ?? 0) + 1)
    var distinct = 0
    var j = 0
    for i in marks.indices {
      while j < marks.count && marks[j].word < marks[i].word + SearchIndex.windowWords {
        if inSpan[marks[j].clause] == 0 { distinct += 1 }
        inSpan[marks[j].clause] += 1
        j += 1
      }
      bounds[i] = distinct * 1000 + (j - i - distinct) + 1
      inSpan[marks[i].clause] -= 1
      if inSpan[marks[i].clause] == 0 { distinct -= 1 }
    }
    /// The first mark at or after word `w`.
    func firstMark(from w: Int) -> Int { marks.partitionIndex { $0.word < w } }
    let order = marks.indices.sorted { (bounds[$0], marks[$1].word) > (bounds[$1], marks[$0].word) }
    var best: (score: Int, start: Int, pieces: [(String, Bool)])?
    for i in order.prefix(places) {
      let word = marks[i].word
      // Later marks of this bound or lower cannot do better, nor start earlier.
      if let b = best, bounds[i] < b.score || (bounds[i] == b.score && word - SearchIndex.windowWords > b.start) { break }
      // The windows from ~157 words before the mark to the mark, with every mark they can hold.
      let low = firstMark(from: word - 4 * SearchIndex.windowWords)
      let high = firstMark(from: word + 4 * SearchIndex.windowWords + 1)
      let w = try window(text, marks: marks[low..<high], around: word, fromStart: false)
      if let b = best, (b.score, -b.start) >= (w.score, -w.start) { continue }
      best = w
    }
    // No window holds a match (each is a word longer than a window): the text's first one wins.
    if let best, best.score >= 1000 { return best.pieces }
    return try window(text, marks: marks[...], around: marks[marks.count - 1].word, fromStart: true).pieces
  }

  /// The snippet of a text held in memory.
  func snippet(
    _ text: String, matches: [(start: Int, length: Int, clause: Int)], places: Int = SearchIndex.snippetPlaces
  ) -> [(String, Bool)] {
    (try? StoredText.withText(text) { try snippet($0, matches: matches, places: places) }) ?? []
  }

  /// The best window starting from about 150 characters (and 5 words) before word `around` to
  /// it, or from the text's start to it (its score, its first word, its pieces). `marks` must
  /// hold every mark those windows reach.
  private func window(
    _ text: StoredText, marks: ArraySlice<(word: Int, clause: Int)>, around: Int, fromStart: Bool
  ) throws -> (score: Int, start: Int, pieces: [(String, Bool)]) {
    let bytes = text.bytes
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
    let firstMark = around
    let lastMark = around
    // From a checkpoint far enough back: walking back 151 characters and 5 words takes at most
    // 157 words, as each word is a character at least.
    let checkpoint = try text.checkpoint(before: fromStart ? 0 : firstMark - 200)
    // Words up to the last mark, then until one ends more than 150 characters after it starts.
    var tokens: [(start: Int, end: Int, ascii: Bool, startsSentence: Bool)] = []
    var charactersAfterLast = 0
    let last = lastMark - checkpoint.word
    Tokenizer.scan(bytes, lineBreaksStartSentences: false, from: checkpoint.offset, startsSentence: checkpoint.startsSentence) {
      start, end, ascii, sentence in
      tokens.append((start, end, ascii, sentence))
      let i = tokens.count - 1
      if i > last {
        charactersAfterLast += characters(tokens[i - 1].end, start) + characters(start, end, ascii: ascii)
      } else if i == last {
        charactersAfterLast = characters(start, end, ascii: ascii)
      }
      return i <= last || charactersAfterLast <= 151
    }
    // What the scan read (and the bytes it looked at to end the last word).
    try text.check(checkpoint.offset..<min(bytes.count, (tokens.last?.end ?? bytes.count) + 4))
    guard !tokens.isEmpty else { return (0, 0, [(String(string(0, bytes.count).prefix(140)), false)]) }
    // From about 150 characters (and 5 words) before the first mark: earlier windows reach no mark.
    var from = fromStart ? 0 : min(firstMark - checkpoint.word, tokens.count - 1)
    var back = 0
    while !fromStart && from > 0 && back <= 151 {
      back += characters(tokens[from - 1].end, tokens[from].start)
        + characters(tokens[from - 1].start, tokens[from - 1].end, ascii: tokens[from - 1].ascii)
      from -= 1
    }
    from = max(0, from - 5)
    let count = tokens.count - from
    var marked = [Int](repeating: -1, count: count)
    for m in marks where m.word - checkpoint.word >= from && m.word - checkpoint.word < tokens.count {
      marked[m.word - checkpoint.word - from] = m.clause
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
    var inWindow = [Int](repeating: 0, count: (marks.map(\.clause).max() ?? -1) + 1)
    var distinct = 0
    var markedInWindow = 0
    var end = 0
    // Windows starting after `around` are another mark's (or hold none when it is the last).
    for start in 0..<max(0, min(count, lastMark - checkpoint.word - from + 1)) {
      end = max(end, start)  // after a word longer than the window
      while end < count, ends[end] - starts[start] <= 140 {
        let c = marked[end]
        if c >= 0 {
          if inWindow[c] == 0 { distinct += 1 }
          inWindow[c] += 1
          markedInWindow += 1
        }
        end += 1
      }
      let score = distinct * 1000 + (markedInWindow - distinct) + (tokens[from + start].startsSentence ? 1 : 0)
      if score > bestScore {
        bestScore = score
        bestStart = start
      }
      // The word `start` leaves the window (when it was in it).
      if end > start, marked[start] >= 0 {
        let c = marked[start]
        inWindow[c] -= 1
        markedInWindow -= 1
        if inWindow[c] == 0 { distinct -= 1 }
      }
    }
    // Start a little before the first mark for context.
    var start = bestStart
    if let first = (bestStart..<count).first(where: { marked[$0] >= 0 }), first == bestStart {
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
      pieces.append((string(t.start, t.end), marked[j] >= 0))
      cursor = t.end
      j += 1
    }
    if checkpoint.word + from + start > 0 { pieces.insert(("…", false), at: 0) }
    if j < count { pieces.append(("…", false)) }
    return (bestScore, checkpoint.word + from + bestStart, pieces)
  }

  /// Whether a scalar is always a character by itself, whatever is around it (no combining mark,
  /// joiner, prepended or paired scalar, no carriage return): Latin letters and the punctuation and
  /// currency signs of French and English text. Other text is measured by `String`.
  static func standsAlone(_ v: UInt32) -> Bool {
    (v < 0x300 && v != 0x0D) || (v >= 0x2010 && v <= 0x2027) || (v >= 0x2030 && v <= 0x205E) || (v >= 0x20A0 && v <= 0x20C0)
  }
}
