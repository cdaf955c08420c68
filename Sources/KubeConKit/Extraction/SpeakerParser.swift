import Foundation

/// Reads speakers and their organizations from the ways reports write them.
///
/// Lists: `Clément Dupont de Acme`, `Jane Doe and John Roe from Acme`, `Jane Doe, Acme & John Roe, Initech`,
/// `Jane Doe (CTO, Acme)`, `Jane Doe, ingénieure chez Acme`, `Jane Doe d'Acme`. A `de` inside a name
/// (`Jean de La Fontaine`) is a particle: `de` starts an organization only after a full name.
struct SpeakerParser: Sendable {
  var names: PersonNames

  init(names: PersonNames) {
    self.names = names
  }

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

  static let orgMarkers: Set<String> = ["de", "d'", "from", "chez", "at", "@"]
  static let connectors: Set<String> = ["et", "and", "&"]
  static let articles: Set<String> = ["la", "l'", "the", "le"]

  // MARK: - Whole lists

  /// Parses text that is nothing but a list of speakers (a byline, a heading's suffix).
  /// - Returns: nil when some of the text is not a speaker or an organization.
  func parseList(_ text: String) -> [SpeakerRef]? {
    guard SpeakerParser.mayHoldName(text) else { return nil }
    let ws = SpeakerParser.words(text)
    guard let (speakers, end) = leadingList(ws, from: 0, allowCommaOrg: true), end == ws.count else { return nil }
    return speakers
  }

  // MARK: - Greedy scan

  /// Reads as many `name [organization]` entries as follow `start`, joined by `,`, `et`, `and`, `&`.
  /// - Returns: the speakers and the index after the last word read, or nil when no name starts at `start`.
  func leadingList(_ ws: [Word], from start: Int, allowCommaOrg: Bool) -> ([SpeakerRef], Int)? {
    var speakers: [SpeakerRef] = []
    var i = start
    var pendingWithoutOrg = 0
    // Once a list writes "Name, Company", what follows a name's comma is a company ("Red Hat").
    var commaStyle = false
    while i < ws.count {
      guard let (name, afterName) = readName(ws, from: i) else { break }
      // A known organization read as a name (`Marc Petit, Deutsche Telekom`) is the last
      // speaker's organization, and no one's name.
      if names.isOrganization(name) {
        if let last = speakers.indices.last, speakers[last].organization == nil {
          speakers[last].organization = name
          i = afterName
        }
        break
      }
      var org: String? = nil
      var j = afterName
      if let (o, next) = readOrganization(ws, afterNameAt: j, allowComma: allowCommaOrg, preferComma: commaStyle) {
        org = o
        if ws[j - 1].trail == "," { commaStyle = true }
        j = next
      }
      speakers.append(SpeakerRef(name: name, organization: org))
      if org == nil {
        pendingWithoutOrg += 1
      } else {
        // "X and Y from Z": Z is everyone's organization since the last one given.
        for k in (speakers.count - 1 - pendingWithoutOrg)..<(speakers.count - 1) { speakers[k].organization = org }
        pendingWithoutOrg = 0
      }
      i = j
      // Connector to the next entry.
      guard i <= ws.count else { break }
      let trail = ws[i - 1].trail
      if i < ws.count, SpeakerParser.connectors.contains(ws[i].folded), i + 1 < ws.count, readName(ws, from: i + 1) != nil {
        i += 1
        continue
      }
      if trail.hasSuffix(","), i < ws.count {
        if readName(ws, from: i) != nil { continue }
        if SpeakerParser.connectors.contains(ws[i].folded), i + 1 < ws.count, readName(ws, from: i + 1) != nil {
          i += 1
          continue
        }
      }
      break
    }
    return speakers.isEmpty ? nil : (speakers, i)
  }

  /// False when a word cannot start a name for ``readName(_:from:)``: it has an opening mark but
  /// `*`, or starts with an ASCII byte that is not a capital (``PersonNames/isNameWord(_:)``).
  static func mayStartName(_ w: Word) -> Bool {
    guard w.lead.isEmpty || w.lead == "*", let first = w.text.utf8.first else { return false }
    return first >= 0x80 || (first >= 0x41 && first <= 0x5A)
  }

  /// Reads a full name starting at `start`; stops before `de` + capital once the name has two words.
  func readName(_ ws: [Word], from start: Int) -> (String, Int)? {
    guard start < ws.count, ws[start].lead.isEmpty || ws[start].lead == "*", names.isNameWord(Substring(ws[start].text)) else {
      return nil
    }
    var parts: [Substring] = [Substring(ws[start].text)]
    var i = start + 1
    var best: (String, Int)? = nil
    while i < ws.count, parts.count < 5 {
      if !ws[i - 1].trail.isEmpty && ws[i - 1].trail != "*" { break }
      if !ws[i].lead.isEmpty && ws[i].lead != "*" { break }
      let w = Substring(ws[i].text)
      if names.isNameWord(w) {
        parts.append(w)
        if names.isName(parts) { best = (parts.joined(separator: " "), i + 1) }
        i += 1
        continue
      }
      // "de", and "La" in "Jean de La Fontaine" (but a name never ends on one).
      if PersonNames.particles.contains(String(w)) || (PersonNames.particles.contains(w.lowercased()) && parts.count >= 2) {
        // "de" after a full name starts an organization.
        if (w == "de" || w == "du") && names.isName(parts) { break }
        parts.append(w)
        i += 1
        continue
      }
      break
    }
    return best
  }

  /// Reads an organization after a name: `de X`, `d'X`, `from X`, `chez X`, `at X`, `(Role, X)`,
  /// `, Role chez X`, or (in lists) `, X`.
  func readOrganization(_ ws: [Word], afterNameAt i: Int, allowComma: Bool, preferComma: Bool = false) -> (String, Int)? {
    guard i > 0 else { return nil }
    let before = ws[i - 1]
    // Parenthesis: (CTO, Acme) / (Acme) / (CTO de la Acme Foundation)
    if before.trail.isEmpty, i < ws.count, ws[i].lead.hasPrefix("(") {
      var j = i
      var inside: [Word] = []
      while j < ws.count {
        inside.append(ws[j])
        j += 1
        if ws[j - 1].trail.contains(")") { break }
      }
      guard inside.last?.trail.contains(")") == true else { return nil }
      if let org = organizationInParentheses(inside) { return (org, j) }
      return nil
    }
    if before.trail.isEmpty, i < ws.count, SpeakerParser.orgMarkers.contains(ws[i].folded), ws[i].folded != "of" {
      var j = i + 1
      if j < ws.count, SpeakerParser.articles.contains(ws[j].folded) { j += 1 }
      if let (org, end) = readOrgWords(ws, from: j) { return (org, end) }
      return nil
    }
    if before.trail == ",", i < ws.count {
      // ", ingénieur chez X" / ", Staff Engineer at X"
      var j = i
      while j < ws.count, j - i < 5, ws[j].lead.isEmpty {
        if ["chez", "at", "@"].contains(ws[j].folded) || (ws[j].folded == "de" && j > i) {
          var k = j + 1
          if k < ws.count, SpeakerParser.articles.contains(ws[k].folded) { k += 1 }
          if let (org, end) = readOrgWords(ws, from: k) { return (org, end) }
          break
        }
        if !ws[j].trail.isEmpty { break }
        j += 1
      }
      if allowComma, preferComma || readName(ws, from: i) == nil, let (org, end) = readOrgWords(ws, from: i) {
        return (org, end)
      }
    }
    return nil
  }

  func organizationInParentheses(_ inside: [Word]) -> String? {
    // The last comma-separated part, or what follows "de la"/"of"/"at"/"chez".
    var parts: [[Word]] = [[]]
    for w in inside {
      parts[parts.count - 1].append(w)
      if w.trail.contains(",") { parts.append([]) }
    }
    let last = parts.last(where: { !$0.isEmpty }) ?? []
    var cleaned = last.map { w -> Word in
      var w = w
      w.lead = w.lead.replacingOccurrences(ofBytes: "(", with: "")
      w.trail = w.trail.replacingOccurrences(ofBytes: ")", with: "").replacingOccurrences(ofBytes: ",", with: "")
      return w
    }
    if let m = cleaned.lastIndex(where: { ["de", "d'", "of", "at", "chez", "@"].contains($0.folded) }) {
      cleaned = Array(cleaned[(m + 1)...])
      if let f = cleaned.first, SpeakerParser.articles.contains(f.folded) { cleaned.removeFirst() }
    }
    guard let (org, end) = readOrgWords(cleaned, from: 0), end == cleaned.count else { return nil }
    return org
  }

  /// Capitalized words (or words with an inner capital, a dot or a digit: iFood, Acme.io, Web3Co), six at most.
  func readOrgWords(_ ws: [Word], from start: Int) -> (String, Int)? {
    var parts: [String] = []
    var i = start
    while i < ws.count, parts.count < 6 {
      let w = ws[i].text
      if i > start, !ws[i].lead.isEmpty { break }
      let capital = w.first.map { $0.isUppercase || $0.isNumber } ?? false
      let inner = w.contains { $0.isUppercase } || (w.contains(".") && w.count > 3)
      if capital || inner {
        if parts.isEmpty, PersonNames.commonWords.contains(ws[i].folded), !inner { return nil }
        parts.append(String(w))
      } else if w == "&", !parts.isEmpty, i + 1 < ws.count, readName(ws, from: i + 1) == nil {
        parts.append("&")
      } else {
        break
      }
      i += 1
      if !ws[i - 1].trail.isEmpty {
        // "Inc." after a comma continues the name: "Acme, Inc."
        if ws[i - 1].trail == ",", i < ws.count, ["inc", "inc.", "ltd", "llc", "gmbh", "sa", "sas"].contains(ws[i].folded) {
          continue
        }
        break
      }
    }
    while parts.last == "&" { parts.removeLast() }
    guard !parts.isEmpty else { return nil }
    return (parts.joined(separator: " "), i)
  }
}
