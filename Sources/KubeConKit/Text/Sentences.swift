import Foundation

/// The sentences of a text, and its start as a title.
enum Sentences {
  /// The sentences of a text: cut after `.`, `!` or `?` followed by a space, except after an
  /// initial ("J."), a single capital, or "Inc.". Scanned as bytes; the characters before a cut
  /// are read as characters unless they are plain ASCII. - Parameter limit: stop after this many
  /// sentences.
  static func split(_ text: String, limit: Int = .max) -> [String] {
    bounds(text, limit: limit).map { sentence(text, $0) }
  }

  /// Where the sentences of ``split(_:limit:)`` are in the text: the UTF-8 offsets from where
  /// each starts (before the spaces ``sentence(_:_:)`` trims off) to past its end. Most sentences
  /// are not read further: they are cut without making their strings.
  static func bounds(_ text: String, limit: Int = .max) -> [Range<Int>] {
    var text = text
    text.makeContiguousUTF8()
    let utf8 = text.utf8
    func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
    let ends = sentenceEnds
    return utf8.withContiguousStorageIfAvailable { b -> [Range<Int>] in
      var out: [Range<Int>] = []
      var start = 0
      let n = b.count
      var i = -1
      while true {
        // (The bytes between ends are skipped by a table: three comparisons a byte cost more.)
        i += 1
        while i < n && !ends[Int(b[i])] { i += 1 }
        guard i < n else { break }
        let c = b[i]
        guard i + 1 == n || b[i + 1] == 0x20 else { continue }
        let next = i + 1
        // Not "Inc.", "J." (a capital after a space or at the start).
        if c == 0x2E && next - start >= 4 && b[next - 4] == 0x49 && b[next - 3] == 0x6E && b[next - 2] == 0x63 { continue }
        if i > 0 && initialBefore(b, i, text, index) { continue }
        out.append(start..<next)
        if out.count == limit { return out }
        start = next
      }
      // The rest is a sentence unless it holds only the spaces `trimmingSpaces` trims.
      if Bytes.endOfSpaces(b, from: start, to: n) < n { out.append(start..<n) }
      return out
    } ?? []
  }

  /// The sentence of `text` at `bounds` (see ``bounds(_:limit:)``), its spaces trimmed.
  static func sentence(_ text: String, _ bounds: Range<Int>) -> String {
    let utf8 = text.utf8
    return text[utf8.index(utf8.startIndex, offsetBy: bounds.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: bounds.upperBound)]
      .trimmingSpaces()
  }

  /// `.`, `!` and `?`, by byte.
  static let sentenceEnds: [Bool] = (0...255).map { $0 == 0x2E || $0 == 0x21 || $0 == 0x3F }

  /// Whether the character before byte `i` (a period) is a capital after a space or at the start.
  /// ASCII bytes before it are characters of their own (nothing before them combines with them):
  /// they are read as bytes; otherwise as characters.
  private static func initialBefore(
    _ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ text: String, _ index: (Int) -> String.Index
  ) -> Bool {
    func ascii(_ k: Int) -> Bool { k < 0 || b[k] < 0x80 }
    if ascii(i - 1) && ascii(i - 2) && ascii(i - 3) {
      let isCapital = b[i - 1] >= 0x41 && b[i - 1] <= 0x5A
      return isCapital && (i - 1 == 0 || b[i - 2] == 0x20)
    }
    let p = text.index(before: index(i))
    return text[p].isUppercase && (p == text.startIndex || text[text.index(before: p)] == " ")
  }

  /// The start of a text as a title: its first sentence, at most twelve words.
  static func firstWords(of text: String) -> String {
    var first = split(text, limit: 1).first ?? text
    // `split(separator: " ", maxSplits: 12)`, of which a 13th piece is the rest: only the start of
    // a long sentence is read. Where each scalar is a character, the same split is made on the
    // bytes (splitting characters cost more than the rest of making a title).
    var words =
      first.withUTF8(Graphemes.eachScalarIsACharacter)
      ? first.utf8.split(separator: 0x20, maxSplits: 12).map(Substring.init) : first.split(separator: " ", maxSplits: 12)
    var more = false
    if words.count == 13 {
      more = words[12].contains { $0 != " " }
      words.removeLast()
    }
    // (Joined as bytes: joining substrings goes through a slow generic path.)
    var bytes: [UInt8] = []
    for (k, w) in words.enumerated() {
      if k > 0 { bytes.append(0x20) }
      bytes += w.utf8
    }
    var title = String(decoding: bytes, as: UTF8.self)
    while let last = title.last, ".:;,!?".contains(last) { title.removeLast() }
    return more ? title + "…" : title
  }
}
