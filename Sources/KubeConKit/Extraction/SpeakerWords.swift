import Foundation

/// The words a speaker list is read from: split at spaces, their opening and closing marks set
/// aside, a French elision split off.
extension SpeakerParser {
  /// One word of a phrase with the punctuation around it.
  struct Word: Sendable {
    var text: String
    var folded: String
    var lead: String
    var trail: String
    /// ``Token/hash(folded:)`` of ``folded``, by which cue words are ruled out before they are looked up.
    var hash: UInt16

    init(text: String, folded: String, lead: String, trail: String) {
      self.text = text
      self.folded = folded
      self.lead = lead
      self.trail = trail
      hash = Token.hash(folded: folded)
    }
  }

  /// The words of a text, split at spaces, tabs, line breaks and no-break spaces.
  ///
  /// Read as bytes, much faster than through `Character`s (BENCHMARKS.md).
  static func words(_ text: String) -> [Word] {
    var text = text
    text.makeContiguousUTF8()
    var out: [Word] = []
    let marks = Marks()
    text.utf8.withContiguousStorageIfAvailable { bytes in
      var i = 0
      let n = bytes.count
      out.reserveCapacity(n / 5 + 1)
      func isSeparator(_ i: Int) -> Bool {
        let b = bytes[i]
        return b == 0x20 || b == 0x09 || b == 0x0A || (b == 0xC2 && i + 1 < n && bytes[i + 1] == 0xA0)
      }
      while i < n {
        if isSeparator(i) {
          i += bytes[i] == 0xC2 ? 2 : 1
          continue
        }
        let start = i
        var ascii = true
        var capitals = false
        while i < n && !isSeparator(i) {
          if bytes[i] >= 0x80 { ascii = false } else if bytes[i] >= 0x41 && bytes[i] <= 0x5A { capitals = true }
          i += 1
        }
        word(UnsafeBufferPointer(rebasing: bytes[start..<i]), ascii: ascii, capitals: capitals, marks, into: &out)
      }
    }
    return out
  }

  /// The marks set aside around a word, as tables of ASCII bytes and lists of other scalars
  /// (read once per text: a static is checked for its first use at each access).
  struct Marks {
    let asciiLead = SpeakerParser.asciiLead, asciiTrail = SpeakerParser.asciiTrail
    let lead = SpeakerParser.leadValues, trail = SpeakerParser.trailValues
  }

  /// Reads one word: sets its opening and closing marks aside and splits a French elision
  /// (`d’Initech`) off as its own word.
  ///
  /// It goes through the word's characters by their byte offsets (``CharacterOffsets``).
  /// - Parameters:
  ///   - ascii: whether every byte of the word is ASCII.
  ///   - capitals: whether it has an ASCII capital.
  private static func word(
    _ bytes: UnsafeBufferPointer<UInt8>, ascii: Bool, capitals: Bool, _ marks: Marks, into out: inout [Word]
  ) {
    let n = bytes.count
    let characters = CharacterOffsets(bytes, scalars: ascii)
    /// Whether the character at byte `i` is a scalar of these marks (a mark with an accent on it is not).
    func isMark(at i: Int, _ table: [Bool], _ values: [UInt32]) -> Bool {
      if ascii { return table[Int(bytes[i])] }
      guard let s = characters.scalar(at: i) else { return false }
      return s.value < 0x80 ? table[Int(s.value)] : values.contains(s.value)
    }
    func isCapital(at i: Int, first: Bool) -> Bool {
      if let s = characters.scalar(at: i) { return s.isUppercaseCharacter || (first && s.isNumber) }
      let c = characters.character(at: i)
      return c.isUppercase || (first && c.isNumber)
    }
    func ends(_ suffix: String, _ a: Int, _ z: Int) -> Bool {
      z - a >= suffix.utf8.count && bytes[(z - suffix.utf8.count)..<z].elementsEqual(suffix.utf8)
    }
    // (A string of its own: a substring of the text made from byte offsets cost more than the string.)
    func piece(_ a: Int, _ z: Int) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[a..<z]), as: UTF8.self) }

    var a = 0
    var z = n
    while a < z && isMark(at: a, marks.asciiLead, marks.lead) { a = characters.next(a) }
    var lead = a == 0 ? "" : piece(0, a)
    while z > a {
      let k = characters.previous(z)
      guard isMark(at: k, marks.asciiTrail, marks.trail) else { break }
      // Keep the period of an initial ("J.") and of "Inc.".
      if bytes[k] == 0x2E, characters.count(a, z) == 2 || ends("Inc.", a, z) || ends("Ltd.", a, z) || ends("Corp.", a, z) { break }
      z = k
    }
    let trail = z == n ? "" : piece(z, n)
    // French elision before a company: d'Initech, chez l’OCDE. (More than two characters are
    // more than two bytes: that is tested first, and the rest only for words that start with the
    // letter.)
    for (letter, quote) in elisions
    where z - a > 2 && bytes[a] == letter && bytes[(a + 1)...].starts(with: quote) && characters.count(a, z) > 2 {
      let rest = a + 1 + quote.count
      var capital = false
      var k = rest
      while k < z && !capital {
        capital = isCapital(at: k, first: k == rest)
        k = characters.next(k)
      }
      if capital {
        out.append(Word(text: piece(a, rest), folded: letter == 0x64 ? "d'" : "l'", lead: lead, trail: ""))
        a = rest
        lead = ""
      }
    }
    if a == z && lead.isEmpty && trail.isEmpty { return }
    let folded = Folding.fold(bytes: UnsafeBufferPointer(rebasing: bytes[a..<z]))
    // (ASCII without capitals is written as it folds: one string serves both.)
    out.append(Word(text: ascii && !capitals ? folded : piece(a, z), folded: folded, lead: lead, trail: trail))
  }

  /// Whether the text could hold a full name: two words that may be name words (their first
  /// letter past ASCII opening marks is a capital, or not ASCII) at most four words apart, with
  /// only particles between them. This errs towards yes; when it says no, ``words(_:)`` of the
  /// text has no name for ``readName(_:from:)`` to read, so there are no speakers in it. Most
  /// sentences have none, and this check costs a byte scan instead of a word array.
  static func mayHoldName(_ text: String) -> Bool {
    var text = text
    text.makeContiguousUTF8()
    let (asciiLead, asciiTrail) = (asciiLead, asciiTrail)  // (a static is checked for its first use at each access)
    return text.utf8.withContiguousStorageIfAvailable { bytes in
      var lastName = -10  // index of the last word that may be a name word, when only particles follow it
      var index = 0
      var i = 0
      let n = bytes.count
      func isSeparator(_ i: Int) -> Bool {
        let b = bytes[i]
        return b == 0x20 || b == 0x09 || b == 0x0A || (b == 0xC2 && i + 1 < n && bytes[i + 1] == 0xA0)
      }
      while i < n {
        if isSeparator(i) { i += bytes[i] == 0xC2 ? 2 : 1; continue }
        var a = i
        while i < n, !isSeparator(i) { i += 1 }
        var z = i
        while a < z, bytes[a] < 0x80, asciiLead[Int(bytes[a])] { a += 1 }
        while z > a, bytes[z - 1] < 0x80, asciiTrail[Int(bytes[z - 1])] { z -= 1 }
        defer { index += 1 }
        // A capital, or a letter that is not ASCII (an accented capital, or an opening « “ ‘).
        if a < z, (bytes[a] >= 0x41 && bytes[a] <= 0x5A) || bytes[a] >= 0x80 {
          if index - lastName <= 4 { return true }
          lastName = index
        } else if z - a > 2 && (bytes[a] | 0x20 == 0x64 || bytes[a] | 0x20 == 0x6C) && (bytes[a + 1] == 0x27 || bytes[a + 1] == 0xE2) {
          // An elision splits into two words (d'Initech): the second may start a name.
          lastName = index
        } else if index - lastName <= 3, !mayBeParticle(UnsafeBufferPointer(rebasing: bytes[a..<z])) {
          // (Further from the last name word, no word after this one is near enough to it.)
          lastName = -10
        }
      }
      return false
    } ?? true
  }

  /// Whether a word may be one of ``PersonNames/particles`` in any case (words that are not all
  /// ASCII may be).
  private static func mayBeParticle(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
    guard word.count <= 8 else { return false }
    var key: UInt64 = 0
    for b in word {
      if b >= 0x80 { return true }
      key = key << 8 | UInt64(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
    }
    return particleKeys.contains(key)
  }

  /// The particles as ASCII bytes packed in an integer.
  static let particleKeys: [UInt64] = PersonNames.particles.sorted().map { $0.utf8.reduce(0) { $0 << 8 | UInt64($1) } }

  /// The marks set aside before a word (opening) and after it (closing).
  static let leadScalars = Set("([«“\"'‘*".unicodeScalars)
  static let trailScalars = Set("),;:.!?]»”\"’*".unicodeScalars)
  /// The elided articles before a company, `d'` and `l'`, with either apostrophe, as bytes.
  static let elisions: [(UInt8, [UInt8])] = [(0x64, [0x27]), (0x64, [0xE2, 0x80, 0x99]), (0x6C, [0x27]), (0x6C, [0xE2, 0x80, 0x99])]
  /// The same marks as a few numbers, quicker to look through than a set is to hash.
  static let leadValues = leadScalars.map(\.value)
  static let trailValues = trailScalars.map(\.value)
  /// The same marks as tables of ASCII bytes, for words read as bytes.
  static let asciiLead = (0..<128).map { leadScalars.contains(Unicode.Scalar(UInt8($0))) }
  static let asciiTrail = (0..<128).map { trailScalars.contains(Unicode.Scalar(UInt8($0))) }
}
