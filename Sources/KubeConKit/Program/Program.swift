import Foundation

/// How titles are compared with the program's: folded (case, accents, quotes), a kind prefix
/// (`Keynote:`) dropped, and every run of characters other than letters and digits (punctuation,
/// emoji, spaces) one space.
enum TitleKey {
  static func words(_ text: String) -> [String] {
    if text.utf8.contains(UInt8(ascii: ":")), let (_, rest) = SessionNameParser.kindPrefix(of: text) {
      return Tokenizer.tokens(rest).map(\.folded)
    }
    return Tokenizer.tokens(text).map(\.folded)
  }

  static func make(_ text: String) -> String { words(text).joined(separator: " ") }

  /// The forms a report may name a title by: the whole title, the part before its subtitle, and
  /// the subtitle when it is distinctive (four words or more).
  /// (`withPrefix: false` when the title has no kind prefix, as a session's never has.)
  static func forms(_ title: String, withPrefix: Bool = true) -> [[String]] {
    if withPrefix, title.utf8.contains(UInt8(ascii: ":")), let (_, rest) = SessionNameParser.kindPrefix(of: title) {
      return forms(rest)
    }
    let tokens = Tokenizer.tokens(title)
    var out = [tokens.map(\.folded)]
    for separator: StaticString in [": ", " - ", " – ", " — ", "? "] {
      guard let r = title.literalRange(of: separator) else { continue }
      let (p, q) = (title.utf8.distance(from: title.startIndex, to: r.lowerBound), title.utf8.distance(from: title.startIndex, to: r.upperBound))
      let head = tokens.filter { $0.end <= p }.map(\.folded)
      let tail = tokens.filter { $0.start >= q }.map(\.folded)
      if head.count >= 3 { out.append(head) }
      if tail.count >= 4 { out.append(tail) }
      break
    }
    return out
  }
}

/// An edition's program, indexed for linking: its sessions by the words of their titles and by
/// their speakers' names.
struct Program: Sendable {
  let edition: String
  let sessions: [Session]
  /// Title forms (``TitleKey/forms(_:)``) joined by spaces, to the sessions that have them.
  let byTitle: [String: [Int]]
  /// Title forms by their first word, for finding them inside longer text.
  let byFirstWord: WordTable<[(words: [String], session: Int)]>
  /// Title forms of five words or more by their first word, and by `$` and their last word.
  let formsByEnd: [String: [(words: [String], session: Int)]]
  /// Folded full names to the sessions they speak at.
  let bySpeaker: [String: [Int]]
  /// Folded first names to the folded full names that start with them.
  let byFirstName: [String: [String]]
  /// Full names by their first word as the tokenizer reads it (`jean-luc` is two words): their
  /// words and their folded name, to find them in a text's tokens.
  let byNameStart: WordTable<[(words: [String], name: String)]>
  /// The program's spelling of each folded name.
  let spelling: [String: SessionSpeaker]
  /// Pairs of word hashes (``Program/pair(_:_:)``) a text must hold to name a title form: each
  /// form's first and last two words, every two words of forms of twelve words or more (which
  /// may be named two words off), and one-word forms alone. A text without any names no title.
  let namingPairs: UInt32Set
  /// Sessions by the event id of their page (``SessionPage``), with the page's host.
  let byPage: [String: (host: String?, session: Int)]
  /// The words of each session's title (folded, four letters or more), to tell sessions apart.
  let titleWords: [Set<String>]
  /// Words of four letters or more that say nothing of a title's subject ("your", "with", "pour").
  static let functionWords: Set<String> = [
    "your", "yours", "with", "from", "this", "that", "these", "those", "what", "when", "where", "which", "into",
    "onto", "over", "about", "them", "they", "their", "than", "then", "have", "will", "just", "more", "most",
    "some", "such", "here", "there", "while", "after", "before", "every", "other", "each", "only", "very",
    "vous", "votre", "notre", "pour", "avec", "dans", "sans", "leur", "leurs", "plus", "tout", "tous", "toute",
    "toutes", "quand", "comment", "entre", "cette", "sont", "nous",
  ]
  /// The organizations the program names, for reading session names copied into reports.
  let organizations: Set<String>
  /// Reads session names copied into reports, knowing this program's organizations (made once).
  let nameParser: SessionNameParser

  init(edition: String, sessions: [Session]) {
    self.edition = edition
    self.sessions = sessions
    var byTitle: [String: [Int]] = [:]
    var byFirstWord = WordTable<[(words: [String], session: Int)]>()
    var formsByEnd: [String: [(words: [String], session: Int)]] = [:]
    var bySpeaker: [String: [Int]] = [:]
    var byFirstName: [String: Set<String>] = [:]
    var byNameStart = WordTable<[(words: [String], name: String)]>()
    var spelling: [String: SessionSpeaker] = [:]
    var organizations = Set<String>()
    var titleWords: [Set<String>] = []
    var namingPairs: [UInt32] = []
    var byPage: [String: (host: String?, session: Int)] = [:]
    for (i, s) in sessions.enumerated() {
      if let page = s.url.flatMap(SessionPage.init(url:)), byPage[page.id] == nil { byPage[page.id] = (page.host, i) }
      let forms = TitleKey.forms(s.title, withPrefix: false)
      titleWords.append(Set(forms[0].filter { $0.count >= 4 && !Program.functionWords.contains($0) }))
      guard s.kind != .logistics else { continue }
      for form in forms where !form.isEmpty {
        let hashes = form.map { Token.hash(folded: $0) }
        if form.count == 1 { namingPairs.append(Program.pair(hashes[0], nil)) }
        let pairs = form.count >= 12 ? Array(0..<(form.count - 1)) : form.count >= 2 ? [0, form.count - 2] : []
        for k in pairs { namingPairs.append(Program.pair(hashes[k], hashes[k + 1])) }
        let key = form.joined(separator: " ")
        if byTitle[key]?.contains(i) != true { byTitle[key, default: []].append(i) }
        if form.count >= 2 { byFirstWord.modify(form[0], default: []) { $0.append((form, i)) } }
        if form.count >= 5 {
          formsByEnd[form[0], default: []].append((form, i))
          formsByEnd["$" + form[form.count - 1], default: []].append((form, i))
        }
      }
      for sp in s.speakers {
        let name = Program.nameKey(sp.name)
        guard name.utf8.contains(0x20) else { continue }
        if bySpeaker[name] == nil, case let words = TitleKey.words(name), let first = words.first {
          byNameStart.modify(first, default: []) { $0.append((words, name)) }
        }
        if bySpeaker[name]?.contains(i) != true { bySpeaker[name, default: []].append(i) }
        if let first = name.split(separator: " ").first { byFirstName[String(first), default: []].insert(name) }
        if spelling[name] == nil || spelling[name]?.organization == nil { spelling[name] = sp }
        if let o = sp.organization { organizations.insert(o) }
      }
    }
    self.byTitle = byTitle
    self.byFirstWord = byFirstWord
    self.formsByEnd = formsByEnd
    self.bySpeaker = bySpeaker
    self.byFirstName = byFirstName.mapValues { $0.sorted() }
    self.byNameStart = byNameStart
    self.spelling = spelling
    self.titleWords = titleWords
    self.namingPairs = UInt32Set(namingPairs)
    self.byPage = byPage
    self.organizations = organizations
    nameParser = SessionNameParser(organizations: organizations)
  }

  /// No session: what a report of an edition without a program is linked with.
  static let empty = Program(edition: "", sessions: [])

  /// A name folded, its words joined by single spaces, a nickname in quotes or parentheses dropped.
  static func nameKey(_ name: String) -> String {
    var folded = Folding.fold(name)
    return folded.withUTF8 { b in
      String(unsafeUninitializedCapacity: b.count) { out in
        var o = 0
        var i = 0
        while i < b.count {
          while i < b.count && b[i] == 0x20 { i += 1 }
          var start = i
          while i < b.count && b[i] != 0x20 { i += 1 }
          var end = i
          // A nickname: `(JD)`, `"JD"`, `“JD”`.
          if start < end && (b[start] == 0x28 || b[start] == 0x22 || (b[start] == 0xE2 && end - start > 2 && b[start + 1] == 0x80 && b[start + 2] == 0x9C)) {
            continue
          }
          while start < end && (b[start] == 0x2E || b[start] == 0x2C) { start += 1 }
          while end > start && (b[end - 1] == 0x2E || b[end - 1] == 0x2C) { end -= 1 }
          // (A word of dots and commas alone still separates its neighbours, as before.)
          if o > 0 || start < end {
            if o > 0 { out[o] = 0x20; o += 1 }
            for k in start..<end { out[o] = b[k]; o += 1 }
          }
        }
        return o
      }
    }
  }

  static func pair(_ a: UInt16, _ b: UInt16?) -> UInt32 { UInt32(a) << 16 | UInt32(b ?? 0) }

  /// Whether a text's words (its tokens) may name a title of this program, whole or a word or
  /// two off: false when it holds none of the pairs of words every such naming holds.
  func mayNameTitle(_ tokens: ArraySlice<Token>) -> Bool {
    var previous: UInt16? = nil
    for t in tokens {
      if let p = previous, namingPairs.contains(Program.pair(p, t.foldedHash)) { return true }
      if namingPairs.contains(Program.pair(t.foldedHash, nil)) { return true }
      previous = t.foldedHash
    }
    return false
  }

  /// The session whose page a link is (a short link, or one on the same Sched site).
  func session(at page: SessionPage) -> Int? {
    guard let found = byPage[page.id], page.host == nil || found.host == nil || page.host == found.host else { return nil }
    return found.session
  }

  /// The sessions a whole span names (one of its title forms), logistics excepted.
  func sessions(titled text: String) -> [Int] {
    var found: [Int] = []
    for form in TitleKey.forms(text) where form.count >= 2 || (form.first?.count ?? 0) >= 6 {
      for i in byTitle[form.joined(separator: " ")] ?? [] where !found.contains(i) { found.append(i) }
      if !found.isEmpty { break }
    }
    return found
  }

  /// The sessions a span names with a word more, a word less or a word misspelled (two for titles
  /// of twelve words or more): titles of five words or more that start or end with the same word.
  func sessions(nearlyTitled text: String) -> [Int] {
    let words = TitleKey.words(text)
    guard words.count >= 5, let first = words.first, let last = words.last else { return [] }
    let limit = words.count >= 12 ? 2 : 1
    var found: [Int] = []
    for (form, i) in (formsByEnd[first] ?? []) + (formsByEnd["$" + last] ?? [])
    where abs(form.count - words.count) <= limit && !found.contains(i) {
      if Program.distance(form, words) <= limit { found.append(i) }
    }
    return found
  }

  /// The sessions whose title a span of five words or more is the start of, with its last three
  /// words or fewer left out (`... for Retail Stores` for `... for Retail Stores at Global Scale`).
  func sessions(titleStartingWith text: String) -> [Int] {
    let words = TitleKey.words(text)
    guard words.count >= 5, let first = words.first else { return [] }
    var found: [Int] = []
    for (form, i) in formsByEnd[first] ?? []
    where form.count > words.count && form.count - words.count <= 3 && form.starts(with: words) && !found.contains(i) {
      found.append(i)
    }
    return found
  }

  /// Titles of `minimumWords` words or more found in a text's tokens, in order.
  func titles(inside tokens: ArraySlice<Token>, minimumWords: Int = 5) -> [Int] {
    var found: [Int] = []
    guard tokens.count >= 2 else { return [] }
    var k = tokens.startIndex
    while k < tokens.endIndex - 1 {
      defer { k += 1 }
      guard let forms = byFirstWord[tokens[k].folded, hash: tokens[k].foldedHash] else { continue }
      for (form, i) in forms
      where form.count >= minimumWords && k + form.count <= tokens.endIndex && form[1] == tokens[k + 1].folded && !found.contains(i) {
        if tokens[k..<(k + form.count)].elementsEqual(form, by: { $0.folded == $1 }) { found.append(i) }
      }
    }
    return found
  }

  /// The program's speaker a name of a report is: the same folded name, or the same first name
  /// and a surname within a small edit distance (one edit in five letters, at most two).
  func speaker(named name: String) -> SessionSpeaker? {
    guard let key = speakerKey(name) else { return nil }
    return spelling[key]
  }

  func speakerKey(_ name: String) -> String? {
    let key = Program.nameKey(name)
    guard key.utf8.contains(0x20) else { return nil }
    if bySpeaker[key] != nil { return key }
    guard let first = key.split(separator: " ").first else { return nil }
    let surname = key.dropFirst(first.count + 1)
    let limit = min(2, max(1, surname.count / 5))
    var best: (String, Int)? = nil
    for other in byFirstName[String(first)] ?? [] {
      let d = Program.distance(Array(surname.utf8), Array(other.dropFirst(first.count + 1).utf8))
      if d <= limit, best.map({ d < $0.1 }) ?? true { best = (other, d) }
    }
    return best?.0
  }

  /// The sessions of a speaker named in a report.
  func sessions(of name: String) -> [Int] {
    speakerKey(name).flatMap { bySpeaker[$0] } ?? []
  }

  /// Of several sessions, the one whose title shares the most words with `words`; nil on a tie or
  /// when none shares any.
  func closest(_ candidates: [Int], to words: Set<String>) -> Int? {
    if candidates.count == 1 { return candidates[0] }
    let scored = candidates.map { ($0, titleWords[$0].intersection(words).count) }.sorted { $0.1 > $1.1 }
    guard let top = scored.first, top.1 > 0 else { return nil }
    if scored.count > 1 && scored[1].1 == top.1 { return nil }
    return top.0
  }

  /// Levenshtein distance of two sequences (bytes of names, words of titles).
  static func distance<T: Equatable>(_ a: [T], _ b: [T]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var row = Array(0...b.count)
    for i in 1...a.count {
      var previous = row[0]
      row[0] = i
      for j in 1...b.count {
        let current = row[j]
        row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
        previous = current
      }
    }
    return row[b.count]
  }

  /// Whether folded words (``TitleKey/words(_:)``) hold a name's words one after the other.
  static func namesFullName(_ parts: [String], in words: [String]) -> Bool {
    guard !parts.isEmpty, words.count >= parts.count else { return false }
    for k in 0...(words.count - parts.count) where words[k..<(k + parts.count)].elementsEqual(parts) { return true }
    return false
  }

  /// Full names of this program's speakers found in a text's tokens, in order, once each.
  func speakersNamed(in tokens: ArraySlice<Token>) -> [String] {
    var found: [String] = []
    for k in tokens.indices {
      guard let names = byNameStart[tokens[k].folded, hash: tokens[k].foldedHash] else { continue }
      for (parts, name) in names
      where k + parts.count <= tokens.endIndex && !found.contains(name)
        && tokens[k..<(k + parts.count)].elementsEqual(parts, by: { $0.folded == $1 }) {
        found.append(name)
      }
    }
    return found
  }
}
