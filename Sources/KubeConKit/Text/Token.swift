/// A word of a text: letters and digits, with its place in the original.
///
/// A token holds its own strings (most are short enough to be stored inline) and its place as
/// UTF-8 offsets, not a substring of the text: a substring made from byte offsets cost more than
/// the rest of making the token, and every copy of a token retained the whole text.
public struct Token: Sendable, Equatable {
  /// The word as written.
  let text: String
  /// Where the word is in the text it was read from: UTF-8 offsets (``end`` is past its last byte).
  let start: Int, end: Int
  /// The word folded for matching (case, accents).
  /// (Set with ``foldedHash`` by the tokenizer only.)
  public var folded: String
  /// Whether the word starts a sentence (first word, or after `.`, `!`, `?`, `:` or a line break).
  var startsSentence: Bool
  /// ``Token/hash(folded:)`` of `folded`, worked out while folding: matchers test it against the
  /// words they know before looking a word up.
  var foldedHash: UInt16
  /// ``asciiStart(_:)`` of `folded`, by which prefix patterns are looked up.
  let asciiStart: UInt32

  init(
    text: String, start: Int, end: Int, folded: String, startsSentence: Bool, foldedHash: UInt16, asciiStart: UInt32? = nil
  ) {
    self.text = text
    self.start = start
    self.end = end
    self.folded = folded
    self.startsSentence = startsSentence
    self.foldedHash = foldedHash
    self.asciiStart = asciiStart ?? Token.asciiStart(folded)
  }

  /// The first three bytes of a folded word and their number, packed as `PhraseMatcher.pack`
  /// packs them, when its first four bytes (or all, if fewer) are ASCII; 0 otherwise.
  static func asciiStart(_ folded: String) -> UInt32 {
    var key: UInt32 = 0
    var count: UInt32 = 0
    for b in folded.utf8 {
      if b >= 0x80 { return 0 }
      if count == 3 { break }
      key |= UInt32(b) << (8 * count)
      count += 1
    }
    return count == 0 ? 0 : key | count << 24
  }

  /// 16 bits of the FNV-1a hash of a folded word's bytes.
  static func hash(folded: String) -> UInt16 {
    func hash(_ bytes: some Sequence<UInt8>) -> UInt16 {
      var h = fnvBasis
      for b in bytes { h = (h ^ UInt32(b)) &* fnvPrime }
      return fnvFinish(h)
    }
    // (From a buffer: stepping through a short string's UTF-8 view costs twice as much.)
    return folded.utf8.withContiguousStorageIfAvailable(hash) ?? hash(folded.utf8)
  }

  static let fnvBasis: UInt32 = 2_166_136_261
  static let fnvPrime: UInt32 = 16_777_619
  static func fnvFinish(_ h: UInt32) -> UInt16 { UInt16(truncatingIfNeeded: h >> 16 ^ h) }
}

/// Splits text into words on Unicode scalars.
///
/// Apostrophes split words, so French elision leaves the article as its own token
/// (`d’OpenTelemetry` gives `d`, `OpenTelemetry`).
public enum Tokenizer {
  /// The words of a text. A word is a run of alphabetic scalars and ASCII digits.
  ///
  /// - Complexity: O(n) in the UTF-8 length; ASCII is read byte by byte without decoding, and an
  ///   ASCII word is folded without going through Unicode tables.
  public static func tokens(_ text: String) -> [Token] {
    var text = text
    text.makeContiguousUTF8()
    var result: [Token] = []
    let utf8 = text.utf8
    _ = utf8.withContiguousStorageIfAvailable { bytes in
      // (A word and its space are six bytes on average in French and English reports: growing
      // the array as it fills copied every token about once more.)
      result.reserveCapacity(bytes.count / 5 + 1)
      let table = latinFolds
      scan(bytes) { start, end, ascii, sentenceStart in
        let word = UnsafeBufferPointer(rebasing: bytes[start..<end])
        let folded: String
        let written: String
        let hash: UInt16
        var asciiStart: UInt32? = nil
        if ascii {
          let a = foldASCII(word)
          folded = a.folded
          // (A word without capitals is written as it folds: one string serves both.)
          written = a.capitals ? String(decoding: word, as: UTF8.self) : a.folded
          hash = a.hash
          asciiStart = a.start
        } else if let latin = foldLatin(word, table: table) {
          folded = latin.folded
          written = String(decoding: word, as: UTF8.self)
          hash = latin.hash
          asciiStart = latin.start
        } else {
          folded = Folding.fold(bytes: word)
          written = String(decoding: word, as: UTF8.self)
          hash = Token.hash(folded: folded)
        }
        result.append(Token(
          text: written, start: start, end: end, folded: folded, startsSentence: sentenceStart, foldedHash: hash,
          asciiStart: asciiStart))
        return true
      }
    }
    return result
  }

  /// ``Folding/fold(_:)`` of an ASCII word (one byte or more), with what ``foldLatin(_:table:)``
  /// gives. (Most words are ASCII: their own loop leaves the Latin-1 cases out.)
  @inline(__always)
  static func foldASCII(_ word: UnsafeBufferPointer<UInt8>) -> (folded: String, hash: UInt16, start: UInt32, capitals: Bool) {
    var hash: UInt32 = 0
    var capitals = false
    // (The state in the closure's locals, as in ``foldLatin(_:table:)``.)
    let folded = String(unsafeUninitializedCapacity: word.count) { out in
      var h = Token.fnvBasis
      var upper: UInt8 = 0
      for k in 0..<word.count {
        let b = word[k]
        let capital: UInt8 = b &- 0x41 < 26 ? 0x20 : 0
        upper |= capital
        let lower = b | capital
        out[k] = lower
        h = (h ^ UInt32(lower)) &* Token.fnvPrime
      }
      hash = h
      capitals = upper != 0
      return word.count
    }
    // (The first three folded bytes, as ``Token/asciiStart(_:)`` packs them.)
    func lower(_ i: Int) -> UInt32 { UInt32(word[i] &- 0x41 < 26 ? word[i] | 0x20 : word[i]) }
    var start = UInt32(min(3, word.count)) << 24 | lower(0)
    if word.count > 1 { start |= lower(1) << 8 }
    if word.count > 2 { start |= lower(2) << 16 }
    return (folded, Token.fnvFinish(hash), start, capitals)
  }

  /// ``Folding/fold(_:)`` of a word of ASCII and Latin-1 letters (U+00C0–U+00FF, `é`, `à`, `ç`,
  /// `ß`) that fold to ASCII, with its hash (``Token/hash(folded:)``) and its packed start
  /// (``Token/asciiStart(_:)``); nil for other words. (Nearly all words of French and English
  /// reports are these, and the whole table is not read for them.)
  /// - Parameter table: ``latinFolds`` (read once by the caller: a static's lazy initialization
  ///   is checked at every read).
  @inline(__always)
  static func foldLatin(
    _ word: UnsafeBufferPointer<UInt8>, table: [(first: UInt8, second: UInt8, count: Int)]
  ) -> (folded: String, hash: UInt16, start: UInt32)? {
    var hash: UInt32 = 0
    var start: UInt32 = 0
    var folds = true
    // (A Latin-1 letter is two bytes and folds to one or two. The state stays in the closure's
    // locals: a nested function that changed it was checked for exclusive access at every byte.)
    let folded = String(unsafeUninitializedCapacity: word.count) { out in
      var h = Token.fnvBasis
      var o = 0
      var k = 0
      while k < word.count {
        let b = word[k]
        if b < 0x80 {
          let lower = b >= 0x41 && b <= 0x5A ? b + 32 : b
          out[o] = lower
          h = (h ^ UInt32(lower)) &* Token.fnvPrime
          o += 1
          k += 1
          continue
        }
        guard b == 0xC3, k + 1 < word.count, case let f = table[Int(word[k + 1] & 0x3F)], f.count > 0 else {
          folds = false
          return 0
        }
        out[o] = f.first
        h = (h ^ UInt32(f.first)) &* Token.fnvPrime
        o += 1
        if f.count == 2 {
          out[o] = f.second
          h = (h ^ UInt32(f.second)) &* Token.fnvPrime
          o += 1
        }
        k += 2
      }
      hash = h
      for i in 0..<min(3, o) { start |= UInt32(out[i]) << (8 * UInt32(i)) }
      start |= UInt32(min(3, o)) << 24
      return o
    }
    guard folds else { return nil }
    return (folded, Token.fnvFinish(hash), start)
  }

  /// What U+00C0–U+00FF (`C3 80`–`C3 BF`) fold to, when ASCII: one or two bytes; count 0 for the
  /// others. Read from ``Folding`` itself.
  static let latinFolds: [(first: UInt8, second: UInt8, count: Int)] = (0xC0...0xFF).map { v in
    let f = Array(Folding.fold(String(Character(Unicode.Scalar(UInt8(v))))).utf8)
    guard (1...2).contains(f.count), f.allSatisfy({ $0 < 0x80 }) else { return (0, 0, 0) }
    return (f[0], f.count == 2 ? f[1] : 0, f.count)
  }

  /// Calls `word(start, end, isASCII, startsSentence)` with the UTF-8 offsets of each word until
  /// it returns false.
  /// - Parameters:
  ///   - lineBreaksStartSentences: false reads a line break as a space (for snippets).
  ///   - from: where to start: 0, or where a word starts, with `startsSentence` as the scan from 0
  ///     found it for that word; the words from there on are then the same as from 0.
  @inline(__always)
  static func scan(
    _ bytes: UnsafeBufferPointer<UInt8>, lineBreaksStartSentences: Bool = true, from: Int = 0, startsSentence: Bool = true,
    _ word: (Int, Int, Bool, Bool) -> Bool
  ) {
    // (A word's bytes are read in a loop of their own, and the state stays in locals: a nested
    // function that closed over it kept it in memory, at a few loads and stores a byte.)
    let classes = asciiClasses
    let n = bytes.count
    var sentenceStart = startsSentence
    var i = from
    while i < n {
      let b = bytes[i]
      var length = 1
      var startsWord: Bool
      var scalar = UInt32(b)
      if b < 0x80 {
        startsWord = classes[Int(b)] == 1
      } else {
        (scalar, length) = Self.scalar(at: i, in: bytes, scalar)
        startsWord = isAlphabetic(scalar)
      }
      if startsWord {
        let start = i
        var ascii = b < 0x80
        i += length
        while i < n {
          let c = bytes[i]
          if c < 0x80 {
            guard classes[Int(c)] == 1 else { break }
            i += 1
          } else {
            let (v, l) = Self.scalar(at: i, in: bytes, UInt32(c))
            guard isAlphabetic(v) else { break }
            ascii = false
            i += l
          }
        }
        guard word(start, i, ascii, sentenceStart) else { return }
        sentenceStart = false
        continue
      }
      // . ! ? : • start a sentence, and so does a line break unless read as a space.
      if (b < 0x80 && classes[Int(b)] == 2) || scalar == 0x2022 || (b == 0x0A && lineBreaksStartSentences) {
        sentenceStart = true
      }
      i += length
    }
  }

  /// The ASCII bytes by class: 1 a letter or digit, 2 `.`, `!`, `?` or `:`, 0 the others.
  private static let asciiClasses: [UInt8] = (0..<128).map { b in
    switch b {
    case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return 1
    case 0x2E, 0x21, 0x3F, 0x3A: return 2
    default: return 0
    }
  }

  /// The scalar that starts with byte `lead` (not ASCII) at `i`, and its length in bytes; a
  /// sequence cut short is read as far as it goes.
  @inline(__always)
  private static func scalar(at i: Int, in bytes: UnsafeBufferPointer<UInt8>, _ lead: UInt32) -> (UInt32, Int) {
    let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
    var v = lead & (length == 4 ? 0x07 : length == 3 ? 0x0F : 0x1F)
    for k in 1..<length where i + k < bytes.count { v = v << 6 | UInt32(bytes[i + k] & 0x3F) }
    return (v, length)
  }

  /// Whether the first word of `text` starts a sentence in `previous + " " + text`, as
  /// ``tokens(_:)`` of the whole would say: `previous` has no words or ends in `.`, `!`, `?`, `:`,
  /// `•` or a line break after its last word, or `text` has one of those before its first word.
  static func firstWordStartsSentence(_ text: String, after previous: String) -> Bool {
    sentenceBreak(previous.unicodeScalars.reversed()) ?? true || sentenceBreak(text.unicodeScalars) ?? false
  }

  /// True at the first sentence break of `scalars`, false at the first letter or digit, nil if neither.
  private static func sentenceBreak<S: Sequence<Unicode.Scalar>>(_ scalars: S) -> Bool? {
    for scalar in scalars {
      switch scalar.value {
      case 0x2E, 0x21, 0x3F, 0x3A, 0x2022, 0x0A: return true
      case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return false
      case let v where v >= 0x80 && isAlphabetic(v): return false
      default: continue
      }
    }
    return nil
  }

  /// Unicode's Alphabetic property, without a table lookup for the accented Latin letters and
  /// the general punctuation (quotes, dashes) of French and English text.
  static func isAlphabetic(_ scalar: UInt32) -> Bool {
    if scalar >= 0xC0 && scalar <= 0x24F { return scalar != 0xD7 && scalar != 0xF7 }
    if scalar >= 0x2000 && scalar <= 0x206F { return false }
    return Unicode.Scalar(scalar)?.properties.isAlphabetic ?? false
  }
}
