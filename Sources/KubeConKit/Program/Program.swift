import Foundation

/// How titles are compared with the program's: folded (case, accents, quotes), a kind prefix
/// (`Keynote:`) dropped, and every run of characters other than letters and digits (punctuation,
/// emoji, spaces) one space.
public enum TitleKey {
  public static func words(_ text: String) -> [String] {
    var folded = Folding.fold(text)
    if let colon = folded.range(of: ":"), SessionNameParser.kindPrefix(of: String(text)) != nil {
      folded = String(folded[colon.upperBound...])
    }
    var words: [String] = []
    var current = ""
    for c in folded.unicodeScalars {
      if CharacterSet.alphanumerics.contains(c) {
        current.unicodeScalars.append(c)
      } else if !current.isEmpty && c != "'" && c != "’" {
        words.append(current)
        current = ""
      }
    }
    if !current.isEmpty { words.append(current) }
    return words
  }

  public static func make(_ text: String) -> String { words(text).joined(separator: " ") }

  /// The forms a report may name a title by: the whole title, the part before its subtitle, and
  /// the subtitle when it is distinctive (four words or more).
  public static func forms(_ title: String) -> [[String]] {
    let whole = words(title)
    var out = [whole]
    for separator in [": ", " - ", " – ", " — ", "? "] {
      guard let r = title.range(of: separator) else { continue }
      let head = words(String(title[..<r.lowerBound]))
      let tail = words(String(title[r.upperBound...]))
      if head.count >= 3 { out.append(head) }
      if tail.count >= 4 { out.append(tail) }
      break
    }
    return out
  }
}

/// An edition's program, indexed for linking: its sessions by the words of their titles and by
/// their speakers' names.
public struct Program: Sendable {
  public let edition: String
  public let sessions: [Session]
  /// Title forms (``TitleKey/forms(_:)``) joined by spaces, to the sessions that have them.
  let byTitle: [String: [Int]]
  /// Title forms by their first two words, for finding them inside longer text.
  let byFirstWords: [String: [(words: [String], session: Int)]]
  /// Title forms of five words or more by their first word, and by `$` and their last word.
  let formsByEnd: [String: [(words: [String], session: Int)]]
  /// Folded full names to the sessions they speak at.
  let bySpeaker: [String: [Int]]
  /// Folded first names to the folded full names that start with them.
  let byFirstName: [String: [String]]
  /// The program's spelling of each folded name.
  let spelling: [String: SessionSpeaker]
  /// The words of each session's title (folded, four letters or more), to tell sessions apart.
  let titleWords: [Set<String>]
  /// The organizations the program names, for reading session names copied into reports.
  public let organizations: Set<String>
  /// Reads session names copied into reports, knowing this program's organizations (made once).
  public let nameParser: SessionNameParser

  public init(edition: String, sessions: [Session]) {
    self.edition = edition
    self.sessions = sessions
    var byTitle: [String: [Int]] = [:]
    var byFirstWords: [String: [(words: [String], session: Int)]] = [:]
    var formsByEnd: [String: [(words: [String], session: Int)]] = [:]
    var bySpeaker: [String: [Int]] = [:]
    var byFirstName: [String: Set<String>] = [:]
    var spelling: [String: SessionSpeaker] = [:]
    var organizations = Set<String>()
    var titleWords: [Set<String>] = []
    for (i, s) in sessions.enumerated() {
      titleWords.append(Set(TitleKey.words(s.title).filter { $0.count >= 4 }))
      guard s.kind != .logistics else { continue }
      for form in TitleKey.forms(s.title) where !form.isEmpty {
        let key = form.joined(separator: " ")
        if byTitle[key]?.contains(i) != true { byTitle[key, default: []].append(i) }
        if form.count >= 2 { byFirstWords[form[0] + " " + form[1], default: []].append((form, i)) }
        if form.count >= 5 {
          formsByEnd[form[0], default: []].append((form, i))
          formsByEnd["$" + form[form.count - 1], default: []].append((form, i))
        }
      }
      for sp in s.speakers {
        let name = Program.nameKey(sp.name)
        guard name.contains(" ") else { continue }
        if bySpeaker[name]?.contains(i) != true { bySpeaker[name, default: []].append(i) }
        if let first = name.split(separator: " ").first { byFirstName[String(first), default: []].insert(name) }
        if spelling[name] == nil || spelling[name]?.organization == nil { spelling[name] = sp }
        if let o = sp.organization { organizations.insert(o) }
      }
    }
    self.byTitle = byTitle
    self.byFirstWords = byFirstWords
    self.formsByEnd = formsByEnd
    self.bySpeaker = bySpeaker
    self.byFirstName = byFirstName.mapValues { $0.sorted() }
    self.spelling = spelling
    self.titleWords = titleWords
    self.organizations = organizations
    nameParser = SessionNameParser(organizations: organizations)
  }

  /// A name folded, its words joined by single spaces, a nickname in quotes or parentheses dropped.
  static func nameKey(_ name: String) -> String {
    var out: [String] = []
    for w in Folding.fold(name).split(separator: " ") {
      if w.hasPrefix("(") || w.hasPrefix("\"") || w.hasPrefix("“") { continue }
      out.append(w.trimmingCharacters(in: CharacterSet(charactersIn: ".,")))
    }
    return out.joined(separator: " ")
  }

  /// The sessions a whole span names (one of its title forms), logistics excepted.
  public func sessions(titled text: String) -> [Int] {
    var found: [Int] = []
    for form in TitleKey.forms(text) where form.count >= 2 || (form.first?.count ?? 0) >= 6 {
      for i in byTitle[form.joined(separator: " ")] ?? [] where !found.contains(i) { found.append(i) }
      if !found.isEmpty { break }
    }
    return found
  }

  /// The sessions a span names with a word more, a word less or a word misspelled (two for titles
  /// of twelve words or more): titles of five words or more that start or end with the same word.
  public func sessions(nearlyTitled text: String) -> [Int] {
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

  /// Titles of five words or more found inside `text`: (session, where its words start).
  public func titles(inside text: String, minimumWords: Int = 5) -> [Int] {
    let words = TitleKey.words(text)
    var found: [Int] = []
    guard words.count >= 2 else { return [] }
    for k in 0..<(words.count - 1) {
      for (form, i) in byFirstWords[words[k] + " " + words[k + 1]] ?? []
      where form.count >= minimumWords && k + form.count <= words.count && !found.contains(i) {
        if Array(words[k..<(k + form.count)]) == form { found.append(i) }
      }
    }
    return found
  }

  /// The program's speaker a name of a report is: the same folded name, or the same first name
  /// and a surname within a small edit distance (one edit in five letters, at most two).
  public func speaker(named name: String) -> SessionSpeaker? {
    guard let key = speakerKey(name) else { return nil }
    return spelling[key]
  }

  func speakerKey(_ name: String) -> String? {
    let key = Program.nameKey(name)
    guard key.contains(" ") else { return nil }
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
  public func sessions(of name: String) -> [Int] {
    speakerKey(name).flatMap { bySpeaker[$0] } ?? []
  }

  /// Of several sessions, the one whose title shares the most words with `words`; nil on a tie or
  /// when none shares any.
  public func closest(_ candidates: [Int], to words: Set<String>) -> Int? {
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

  /// Whether `text` holds a name's folded words one after the other.
  static func namesFullName(_ parts: [String], in text: String) -> Bool {
    guard !parts.isEmpty else { return false }
    let words = Folding.fold(text).split(whereSeparator: { !($0.isLetter || $0 == "-" || $0 == "'") }).map(String.init)
    guard words.count >= parts.count else { return false }
    for k in 0...(words.count - parts.count) where Array(words[k..<(k + parts.count)]) == parts { return true }
    return false
  }

  /// Full names of this program's speakers found in `text` (folded words), in order, once each.
  public func speakersNamed(in text: String) -> [String] {
    let words = Folding.fold(text).split(whereSeparator: { !($0.isLetter || $0 == "-" || $0 == "'") }).map(String.init)
    var found: [String] = []
    guard words.count >= 2 else { return [] }
    for k in 0..<(words.count - 1) {
      for full in byFirstName[words[k]] ?? [] {
        let parts = full.split(separator: " ").map(String.init)
        guard k + parts.count <= words.count, Array(words[k..<(k + parts.count)]) == parts, !found.contains(full) else { continue }
        found.append(full)
      }
    }
    return found
  }
}
