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
  /// Words that are all ASCII (most of them) are read as bytes, much faster than through
  /// `Character`s (BENCHMARKS.md).
  static func words(_ text: String) -> [Word] {
    var text = text
    text.makeContiguousUTF8()
    var out: [Word] = []
    let utf8 = text.utf8
    let marks = (lead: asciiLead, trail: asciiTrail)
    utf8.withContiguousStorageIfAvailable { bytes in
      var i = 0
      let n = bytes.count
      out.reserveCapacity(n / 5 + 1)
      while i < n {
        // Separators: space, tab, line break, U+00A0 (C2 A0).
        if bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A { i += 1; continue }
        if bytes[i] == 0xC2, i + 1 < n, bytes[i + 1] == 0xA0 { i += 2; continue }
        let start = i
        var ascii = true
        while i < n {
          let b = bytes[i]
          if b == 0x20 || b == 0x09 || b == 0x0A || (b == 0xC2 && i + 1 < n && bytes[i + 1] == 0xA0) { break }
          if b >= 0x80 { ascii = false }
          i += 1
        }
        // The text of bytes of the word. (A string of its own: a substring of the text made from
        // byte offsets cost more than the string.)
        func piece(_ r: Range<Int>) -> String {
          String(decoding: UnsafeBufferPointer(rebasing: bytes[(start + r.lowerBound)..<(start + r.upperBound)]), as: UTF8.self)
        }
        let wordBytes = UnsafeBufferPointer(rebasing: bytes[start..<i])
        if ascii {
          asciiWord(wordBytes, marks: marks, piece, into: &out)
        } else if Graphemes.eachScalarIsACharacter(wordBytes) {
          scalarWord(wordBytes, piece, into: &out)
        } else {
          word(Substring(piece(0..<(i - start))), into: &out)
        }
      }
    }
    return out
  }

  /// `word` for a word of ASCII bytes, where a character is a byte.
  /// - Parameters:
  ///   - marks: ``asciiLead`` and ``asciiTrail``.
  ///   - piece: the text of some of the word's bytes.
  private static func asciiWord(
    _ bytes: UnsafeBufferPointer<UInt8>, marks: (lead: [Bool], trail: [Bool]), _ piece: (Range<Int>) -> String,
    into out: inout [Word]
  ) {
    func isLead(_ b: UInt8) -> Bool { marks.lead[Int(b)] }
    func isTrail(_ b: UInt8) -> Bool { marks.trail[Int(b)] }
    func isUpper(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
    var a = 0
    var z = bytes.count
    while a < z, isLead(bytes[a]) { a += 1 }
    var lead = a == 0 ? "" : String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<a]), as: UTF8.self)
    while z > a, isTrail(bytes[z - 1]) {
      // Keep the period of an initial ("J.") and of "Inc.".
      if bytes[z - 1] == 0x2E {
        let s = UnsafeBufferPointer(rebasing: bytes[a..<z])
        func ends(_ suffix: String) -> Bool { s.count >= suffix.utf8.count && s.suffix(suffix.utf8.count).elementsEqual(suffix.utf8) }
        if s.count == 2 || ends("Inc.") || ends("Ltd.") || ends("Corp.") { break }
      }
      z -= 1
    }
    let trail = z == bytes.count ? "" : String(decoding: UnsafeBufferPointer(rebasing: bytes[z..<bytes.count]), as: UTF8.self)
    // French elision before a company: d'Initech, chez l'OCDE.
    for letter: UInt8 in [0x64, 0x6C] where z - a > 2 && bytes[a] == letter && bytes[a + 1] == 0x27 {
      let rest = UnsafeBufferPointer(rebasing: bytes[(a + 2)..<z])
      if isUpper(rest[0]) || (rest[0] >= 0x30 && rest[0] <= 0x39) || rest.contains(where: isUpper) {
        out.append(Word(text: piece(a..<(a + 2)), folded: letter == 0x64 ? "d'" : "l'", lead: lead, trail: ""))
        a += 2
        lead = ""
      }
    }
    if a == z && lead.isEmpty && trail.isEmpty { return }
    let core = UnsafeBufferPointer(rebasing: bytes[a..<z])
    let folded = Folding.fold(bytes: core)
    // (Without capitals, the word is written as it folds: one string serves both.)
    out.append(Word(text: core.contains(where: isUpper) ? piece(a..<z) : folded, folded: folded, lead: lead, trail: trail))
  }

  /// `word` for a word whose every scalar is a character of its own (accented Latin letters,
  /// typographic quotes and apostrophes): its scalars are read from its bytes. Going through
  /// `Character`s cost about as much for the sixth of the words that are not ASCII as for all the others.
  private static func scalarWord(_ bytes: UnsafeBufferPointer<UInt8>, _ piece: (Range<Int>) -> String, into out: inout [Word]) {
    let n = bytes.count
    func scalar(at i: Int) -> (Unicode.Scalar, length: Int) { Bytes.scalar(at: i, in: bytes) }
    func start(before i: Int) -> Int {
      var k = i - 1
      while k > 0 && bytes[k] & 0xC0 == 0x80 { k -= 1 }
      return k
    }
    /// The characters (scalars) of bytes a..<z.
    func count(_ a: Int, _ z: Int) -> Int { Bytes.scalarCount(bytes[a..<z]) }
    func ends(_ suffix: String, _ a: Int, _ z: Int) -> Bool {
      z - a >= suffix.utf8.count && bytes[(z - suffix.utf8.count)..<z].elementsEqual(suffix.utf8)
    }
    // (The marks looked through as numbers: hashing each scalar for a set cost more.)
    let (leadValues, trailValues) = (leadValues, trailValues)
    var a = 0
    var z = n
    while a < z {
      let (s, length) = scalar(at: a)
      guard leadValues.contains(s.value) else { break }
      a += length
    }
    var lead = a == 0 ? "" : String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<a]), as: UTF8.self)
    while z > a {
      let k = start(before: z)
      let (s, _) = scalar(at: k)
      guard trailValues.contains(s.value) else { break }
      // Keep the period of an initial ("J.") and of "Inc.".
      if s == ".", count(a, z) == 2 || ends("Inc.", a, z) || ends("Ltd.", a, z) || ends("Corp.", a, z) { break }
      z = k
    }
    let trail = z == n ? "" : String(decoding: UnsafeBufferPointer(rebasing: bytes[z..<n]), as: UTF8.self)
    // French elision before a company: d'Initech, chez l’OCDE.
    // (More than two characters are more than two bytes: that is tested first, and the rest only
    // for words that start with the letter.)
    for (letter, quote) in elisions
    where z - a > 2 && bytes[a] == letter && bytes[(a + 1)...].starts(with: quote) && count(a, z) > 2 {
      let rest = a + 1 + quote.count
      var capital = false
      var k = rest
      while k < z && !capital {
        let (s, length) = scalar(at: k)
        capital = s.isUppercaseCharacter || (k == rest && s.isNumber)
        k += length
      }
      if capital {
        out.append(Word(text: piece(a..<rest), folded: letter == 0x64 ? "d'" : "l'", lead: lead, trail: ""))
        a = rest
        lead = ""
      }
    }
    if a == z && lead.isEmpty && trail.isEmpty { return }
    let folded = Folding.fold(bytes: UnsafeBufferPointer(rebasing: bytes[a..<z]))
    out.append(Word(text: piece(a..<z), folded: folded, lead: lead, trail: trail))
  }

  /// Reads a word with non-ASCII characters: sets its opening and closing marks aside and splits
  /// a French elision (`d’Initech`) off as its own word.
  private static func word(_ raw: Substring, into out: inout [Word]) {
    // Nothing to set aside: no opening mark first, no closing mark last, no elision.
    if let first = raw.unicodeScalars.first, let last = raw.unicodeScalars.last,
      !leadValues.contains(first.value), !trailValues.contains(last.value),
      !(raw.utf8.count > 1 && (raw.utf8.first == 0x64 || raw.utf8.first == 0x6C)
        && (raw.utf8.dropFirst().first == 0x27 || raw.utf8.dropFirst().first == 0xE2))
    {
      out.append(Word(text: String(raw), folded: Folding.fold(raw), lead: "", trail: ""))
      return
    }
    var s = raw
    var lead = ""
    var trail = ""
    while let c = s.first, isMark(c, leadScalars) {
      lead.append(c)
      s = s.dropFirst()
    }
    while let c = s.last, isMark(c, trailScalars) {
      // Keep the period of an initial ("J.") and of "Inc.".
      if c == ".", s.count == 2 || s.hasSuffix("Inc.") || s.hasSuffix("Ltd.") || s.hasSuffix("Corp.") { break }
      trail.insert(c, at: trail.startIndex)
      s = s.dropLast()
    }
    // French elision before a company: d'Initech, chez l'OCDE.
    for prefix in ["d'", "d’", "l'", "l’"] where s.hasPrefix(prefix) && s.count > 2 {
      let rest = s.dropFirst(2)
      if let f = rest.first, f.isUppercase || f.isNumber || (rest.contains { $0.isUppercase }) {
        out.append(Word(text: String(s.prefix(2)), folded: String(s.prefix(1)) + "'", lead: lead, trail: ""))
        s = rest
        lead = ""
      }
    }
    if s.isEmpty && lead.isEmpty && trail.isEmpty { return }
    out.append(Word(text: String(s), folded: Folding.fold(s), lead: lead, trail: trail))
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

  /// Whether a character is one of the marks (a mark with an accent on it is not).
  static func isMark(_ c: Character, _ marks: Set<Unicode.Scalar>) -> Bool {
    c.unicodeScalars.count == 1 && marks.contains(c.unicodeScalars.first!)
  }
}
