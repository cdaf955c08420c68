import Foundation

/// Reads a session's name as the program shows it into a title, a kind and speakers.
///
/// The forms Sched gives KubeCon sessions:
/// - `Title - Jane Doe, Acme`
/// - `Title - A & B, Google; C, Apple` (`&` or `and` share the organization after them, `;` between groups)
/// - `Title - A, Google & B, Apple` (two speakers of two organizations)
/// - `Keynote: Title - Name, Role, Organization` (roles told from organizations by their words)
/// - `Title - Moderated by Name, Organization`
/// - `Title - Name, Maintainer` (a placeholder, not an organization)
/// - no speakers at all (`Registration`, `Badge Pick-Up`, breaks, co-located event umbrellas).
struct SessionNameParser: Sendable {
  /// Organizations known from elsewhere (the last item of a speaker group in the program): they
  /// tell `A, Red Hat & B, Google` (two organizations) from `A, B & C, Google` (three names).
  var organizations: Set<String>

  init(organizations: Set<String> = []) {
    self.organizations = Set(organizations.map(Folding.fold))
  }

  struct Parsed: Equatable, Sendable {
    var title: String
    var kind: SessionKind
    var speakers: [SessionSpeaker]
  }

  func parse(_ name: String, track: String? = nil) -> Parsed {
    let clean = name.trimmingCharacters(in: .whitespaces)
    var (title, speakers) = splitSpeakers(clean)
    var kind: SessionKind? = nil
    if let (prefixKind, rest) = SessionNameParser.kindPrefix(of: title) {
      kind = prefixKind
      title = rest
    }
    if speakers.first?.role == "Moderator" { kind = kind ?? .panel }
    kind = kind ?? SessionNameParser.kind(title: title, track: track, hasSpeakers: !speakers.isEmpty)
    return Parsed(title: title, kind: kind ?? .session, speakers: speakers)
  }

  // MARK: - Kinds

  /// Prefixes that name a kind, folded, without emoji; the title is what follows the colon.
  static let prefixes: [(String, SessionKind?)] = [
    ("sponsored keynote", .sponsoredKeynote), ("keynote", .keynote), ("keynote panel", .panel),
    ("panel discussion", .panel), ("panel", .panel), ("graduated project lightning talk", .lightning),
    ("project lightning talk", .lightning), ("sponsored lightning talk", .lightning), ("lightning talk", .lightning),
    ("tutorial", .tutorial), ("workshop", .tutorial), ("poster session", .poster), ("contribfest", .tutorial),
    ("sponsored session", nil), ("sponsored demo", nil), ("project demo", nil), ("canceled", nil), ("cancelled", nil),
  ]

  /// The kind a `Prefix:` names and the title after it. A prefix may carry emoji and a
  /// parenthesized label (`🪧 Poster Session (PS8):`).
  static func kindPrefix(of title: String) -> (SessionKind, String)? {
    // (A prefix, with its emoji and label, is short: longer heads are not folded.)
    guard let colon = title.literalRange(of: ": "), title.utf8.distance(from: title.startIndex, to: colon.lowerBound) <= 64
    else { return nil }
    var head = Folding.fold(title[..<colon.lowerBound])
    head = String(head.unicodeScalars.filter { $0.isASCII })
    if let paren = head.firstIndex(of: "(") { head = String(head[..<paren]) }
    let trimmed = head.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()
    guard let match = prefixes.first(where: { $0.0.elementsEqual(trimmed) }) else { return nil }
    let rest = String(title[colon.upperBound...]).trimmingCharacters(in: .whitespaces)
    guard !rest.isEmpty else { return nil }
    return (match.1 ?? .session, rest)
  }

  /// Words of names and tracks of what no report presents as a talk.
  static let logistics: [String] = [
    "registration", "badge pick-up", "badge pickup", "cloakroom", "coat + bag check", "coat check", "bag check",
    "lunch", "breakfast", "coffee break", "break", "networking break", "reception", "happy hour", "quiet room",
    "quiet rooms", "relaxation station", "covid-19", "test kit", "prayer room", "lactation", "first aid",
    "attendee party", "booth crawl", "solutions showcase", "sponsor in-booth demos", "in-booth demos", "closing remarks",
  ]

  static func kind(title: String, track: String?, hasSpeakers: Bool) -> SessionKind? {
    let t = Folding.fold(title)
    let tr = track.map(Folding.fold) ?? ""
    if tr.contains("keynote") { return t.contains("sponsored") ? .sponsoredKeynote : .keynote }
    if tr.contains("co-located") || tr.contains("colocated") { return .colocated }
    if !hasSpeakers, tr.contains("registration") || tr.contains("badge") || tr.contains("covid")
      || logistics.contains(where: { t == $0 || t.hasPrefix($0 + " ") || t.hasSuffix(" " + $0) })
    {
      return .logistics
    }
    if tr.contains("lightning") || t.contains("lightning talk") { return .lightning }
    if tr.contains("poster") { return .poster }
    if tr.contains("tutorial") || tr.contains("contribfest") { return .tutorial }
    if tr.hasPrefix("maintainer track") { return .maintainer }
    if t.hasPrefix("panel") || t.hasSuffix(" panel") { return .panel }
    return nil
  }

  // MARK: - Speakers

  /// The title and the speakers after its last ` - ` (or ` – `), when what follows reads as speakers.
  func splitSpeakers(_ name: String) -> (String, [SessionSpeaker]) {
    for separator: StaticString in [" - ", " – ", " — "] {
      guard let range = name.literalRange(of: separator, backwards: true) else { continue }
      let title = String(name[..<range.lowerBound]).trimmingCharacters(in: .whitespaces)
      let right = String(name[range.upperBound...]).trimmingCharacters(in: .whitespaces)
      guard !title.isEmpty, let speakers = speakers(right) else { continue }
      return (title, speakers)
    }
    return (name, [])
  }

  /// The speakers of `A, Org; B & C, Org2`, or nil when the text is not a list of people.
  func speakers(_ text: String) -> [SessionSpeaker]? {
    var text = text
    var moderated = false
    for cue in ["Moderated by ", "Moderator: ", "Moderator "] where text.hasPrefix(cue) {
      text = String(text.dropFirst(cue.count))
      moderated = true
    }
    var out: [SessionSpeaker] = []
    for group in text.components(separatedBy: "; ") {
      guard let people = self.group(group) else { return nil }
      out += people
    }
    guard !out.isEmpty else { return nil }
    if moderated { out[0].role = out[0].role ?? "Moderator" }
    return out
  }

  /// An item of a speaker group and how it is joined to the one before it.
  public struct Item {
    var text: String
    var afterAnd: Bool
  }

  /// One group: names, each followed by roles and an organization, or names sharing the
  /// organization that ends the group.
  func group(_ text: String) -> [SessionSpeaker]? {
    // A parenthesis left open (`(Limited Availability; First-Come...`) is a title's, and so is
    // a lowercase word other than a name's particle or an organization's `of`, `for`, `and`.
    guard text.filter({ $0 == "(" }).count == text.filter({ $0 == ")" }).count else { return nil }
    // (The organization that ends the group may be written in lowercase: `vivo`.)
    let head = text.literalRange(of: ", ", backwards: true).map { text[..<$0.lowerBound] } ?? Substring(text)
    for word in head.split(whereSeparator: { $0 == " " || $0 == "," }) {
      guard let first = word.first, first.isLetter, word.allSatisfy({ !$0.isUppercase }) else { continue }
      if !SessionNameParser.particles.contains(String(word)) && !["of", "for", "and", "at", "on", "to", "the", "in"].contains(word) { return nil }
    }
    var items: [Item] = []
    for piece in text.components(separatedBy: ", ") {
      let joined = piece.components(separatedBy: " & ").flatMap { splitAnd($0) }
      for (j, part) in joined.enumerated() {
        let p = part.trimmingCharacters(in: .whitespaces)
        guard !p.isEmpty else { return nil }
        items.append(Item(text: p, afterAnd: j > 0))
      }
    }
    // `1&1 Mail & Media`: an organization's own `&` before the group's last item.
    if items.count >= 2, let last = items.last, last.afterAnd, SessionNameParser.looksLikeOrganization(items[items.count - 2].text) {
      items[items.count - 2].text += " & " + last.text
      items.removeLast()
    }
    guard let first = items.first, SessionNameParser.looksLikeName(first.text), !SessionNameParser.hasRoleWord(first.text)
    else { return nil }
    var people: [SessionSpeaker] = []
    var waiting: [Int] = []  // people who wait for an organization
    for (k, item) in items.enumerated() {
      let isLast = k == items.count - 1
      let category = k == 0 ? .name : classify(item, isLast: isLast)
      switch category {
      case .name:
        // A name after an organization starts a new set of people.
        people.append(SessionSpeaker(name: item.text))
        waiting.append(people.count - 1)
      case .role:
        guard let last = people.indices.last else { return nil }
        // A placeholder after names that wait for an organization is each one's.
        if SessionNameParser.placeholders.contains(Folding.fold(item.text)), waiting.count > 1 {
          for i in waiting { people[i].role = item.text }
          waiting = []
          continue
        }
        people[last].role = people[last].role.map { $0 + ", " + item.text } ?? item.text
      case .organization:
        guard !waiting.isEmpty else {
          // A second organization for the last person: the first was a role.
          guard let last = people.indices.last, let org = people[last].organization else { return nil }
          people[last].role = people[last].role.map { $0 + ", " + org } ?? org
          people[last].organization = item.text
          continue
        }
        for i in waiting { people[i].organization = item.text }
        waiting = []
      }
    }
    return people
  }

  /// ` and ` joins two names (`A and B, Org`), not the words of a role (`CEO and Founder`).
  func splitAnd(_ text: String) -> [String] {
    let parts = text.components(separatedBy: " and ")
    guard parts.count == 2, SessionNameParser.looksLikeName(parts[0]), SessionNameParser.looksLikeName(parts[1]),
      !SessionNameParser.hasRoleWord(text)
    else { return [text] }
    return parts
  }

  enum Category { case name, role, organization }

  func classify(_ item: Item, isLast: Bool) -> Category {
    let folded = Folding.fold(item.text)
    if SessionNameParser.placeholders.contains(folded) { return .role }
    if organizations.contains(folded) { return .organization }
    if SessionNameParser.looksLikeOrganization(item.text) { return .organization }
    if SessionNameParser.hasRoleWord(item.text) { return .role }
    if item.afterAnd { return .name }
    if isLast { return .organization }
    // A middle item: a person's name has two words or more, an organization is often one.
    let words = item.text.split(separator: " ")
    return words.count >= 2 && SessionNameParser.looksLikeName(item.text) ? .name : .organization
  }

  /// Words organizations' names are made of and people's are not.
  static let organizationWords: Set<String> = [
    "the", "inc", "inc.", "ltd", "ltd.", "llc", "gmbh", "ag", "sa", "sas", "bv", "b.v.", "corp", "corp.", "corporation",
    "company", "group", "labs", "lab", "technologies", "technology", "software", "systems", "cloud", "solutions",
    "services", "networks", "consulting", "university", "universite", "institute", "foundation", "bank", "research",
    "college", "school", "academy", "limited", "co.", "partners", "digital", "data", "security", "computing", "ventures",
    "studio", "studios", "team", "project", "agency", "center", "centre", "council", "ministry", "government", "hat",
  ]

  /// An organization's name rather than a person's: one of ``organizationWords``, a domain
  /// (`Solo.io`), a digit, or letters all capitals (`IBM`, `AWS`).
  static func looksLikeOrganization(_ text: String) -> Bool {
    if text.contains(where: { $0.isNumber }) { return true }
    let words = text.split(separator: " ")
    if words.contains(where: { organizationWords.contains(Folding.fold($0)) }) { return true }
    if words.contains(where: { w in w.contains(".") && w.count > 3 && !w.hasSuffix(".") }) { return true }
    // A capital inside a word (`OpenObservability`, `DaoCloud`), as names rarely have past `Mc`, `Mac`, `De`.
    if words.contains(where: { w in
      let rest = w.dropFirst(["Mac", "Mc", "De", "Di", "La", "Le", "Van", "O'"].first { w.hasPrefix($0) }?.count ?? 1)
      return w.count > 3 && rest.contains { $0.isUppercase } && w.first?.isUppercase == true && !w.contains("-")
    }) { return true }
    return words.count == 1 && words[0].count >= 2 && words[0].allSatisfy { $0.isUppercase || $0 == "-" }
  }

  /// What stands where an organization would and is none.
  static let placeholders: Set<String> = [
    "independent", "maintainer", "contributor", "student", "freelance", "freelancer", "self-employed", "self employed",
    "retired", "n/a", "na", "none", "unaffiliated", "individual contributor", "project maintainer", "open source contributor",
    "community member", "cncf ambassador", "moderator",
  ]

  /// Words of job titles (`Senior Field Engineer`, `CEO and Founder`).
  static let roleWords: Set<String> = [
    "ceo", "cto", "coo", "cio", "ciso", "cpo", "cmo", "vp", "svp", "evp", "avp", "president", "founder", "co-founder",
    "cofounder", "chief", "head", "lead", "principal", "senior", "sr.", "staff", "distinguished", "architect",
    "engineer", "engineering", "developer", "advocate", "evangelist", "officer", "fellow", "scientist", "researcher",
    "professor", "consultant", "specialist", "analyst", "chair", "co-chair", "director", "manager", "executive",
    "technologist", "strategist", "sre", "ambassador", "maintainer", "contributor", "intern", "owner", "partner",
    "assistant", "associate", "member", "leader", "programmer", "student", "phd", "ph.d.", "dr.", "gm", "mts",
  ]

  static func hasRoleWord(_ text: String) -> Bool {
    Folding.fold(text).split(whereSeparator: { $0 == " " || $0 == "," }).contains { roleWords.contains(String($0)) }
  }

  /// Particles that stay lowercase in names (`Ricardo van der Berg`, `Maria de la Cruz`).
  static let particles: Set<String> = ["van", "von", "der", "den", "de", "la", "le", "du", "da", "di", "del", "dos", "das", "bin", "al", "el", "ter", "ten"]

  /// A person's name: one to five words, each capitalized or a particle, or a nickname in quotes
  /// or parentheses; no sentence punctuation or digits.
  static func looksLikeName(_ text: String) -> Bool {
    let words = text.split(separator: " ")
    guard (1...6).contains(words.count) else { return false }
    if text.contains(where: { ":?!|/@#".contains($0) || $0.isNumber }) { return false }
    var capitalized = 0
    for w in words {
      let core = w.trimmingCharacters(in: CharacterSet(charactersIn: "\"'“”‘’()."))
      guard let first = core.first else { continue }
      if particles.contains(core) { continue }
      // (`de-Roos`: a particle joined to a capitalized name.)
      let joined = core.split(separator: "-").count > 1 && particles.contains(String(core.prefix { $0 != "-" }).lowercased())
        && core.split(separator: "-").last?.first?.isUppercase == true
      guard first.isUppercase || !first.isLetter || joined else { return false }
      capitalized += 1
    }
    return capitalized >= 1
  }
}
