/// What a person's name looks like in a report, in French or English.
///
/// A name is two to five words; each starts with a capital (`Jean-Pierre`, `O'Brien`, `J.`), with
/// lowercase particles inside (`de`, `van`, `von der`, `da`). Words that are sentence openers,
/// conference vocabulary, months, days or project names are not names.
struct PersonNames: Sendable {
  /// Folded words that are never part of a name (projects, cities and common capitalized words).
  var excluded: Set<String>
  /// Organizations' names (the catalog's gazetteer), which are no one's.
  let organizations: Organizations

  init(catalog: Catalog) {
    organizations = catalog.organizations
    var excluded = PersonNames.commonWords
    // (An acronym, `SAM`, is matched in capitals only: `Sam` stays a name.)
    for p in catalog.projects where !p.caseSensitive {
      for n in [p.name] + p.aliases where !n.contains(" ") && !PhraseMatcher<Int>.isAllCaps(n) { excluded.insert(Folding.fold(n)) }
    }
    for e in catalog.editions {
      for c in [e.city] + e.cityAliases where !c.contains(" ") { excluded.insert(Folding.fold(c)) }
    }
    self.excluded = excluded
  }

  static let particles: Set<String> = [
    "de", "du", "des", "van", "von", "der", "den", "da", "di", "del", "della", "le", "la", "bin", "ben", "al",
    "el", "dos", "das", "ter", "zu", "y",
  ]

  /// Whether a word (without surrounding punctuation) can be part of a name.
  func isNameWord(_ word: Substring) -> Bool {
    if let answer = isASCIINameWord(word) { return answer }
    return isNameWordByCharacters(word)
  }

  /// ``isNameWord(_:)`` for an ASCII word, read as bytes (a character each); nil for other words.
  func isASCIINameWord(_ word: Substring) -> Bool? {
    var word = word
    return word.withUTF8 { bytes -> Bool? in
      guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
      func isUpper(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
      func isLetter(_ b: UInt8) -> Bool { isUpper(b) || (b >= 0x61 && b <= 0x7A) }
      guard let first = bytes.first, isUpper(first) else { return false }
      if bytes.count == 2, bytes[1] == 0x2E { return true }  // initial: "J."
      guard bytes.count >= 2 else { return false }
      if bytes[bytes.count - 2] == 0x27 && bytes[bytes.count - 1] == 0x73 { return false }  // "Acme's"
      var previous = first
      var inner = 0
      for c in bytes.dropFirst() {
        guard isLetter(c) || c == 0x2D || c == 0x27 || c == 0x2E else { return false }  // - ' .
        if isUpper(c) && previous != 0x2D && previous != 0x27 { inner += 1 }
        previous = c
      }
      let lower = Folding.fold(bytes: bytes)
      if inner > 0 {
        guard inner == 1, PersonNames.innerCapitalPrefixes.contains(where: { lower.hasPrefix($0) }) else { return false }
      }
      return !excluded.contains(lower)
    }
  }

  /// McDonald, DeVries, LeBlanc, MacKenzie are names; OpenTelemetry, DevOps are not.
  static let innerCapitalPrefixes = ["mc", "mac", "de", "le", "la", "di", "van", "o'"]

  /// ``isNameWord(_:)`` for any word, character by character.
  func isNameWordByCharacters(_ word: Substring) -> Bool {
    guard let first = word.first, first.isUppercase, first.isLetter else { return false }
    if word.count == 2, word.last == "." { return true }  // initial: "J."
    guard word.count >= 2 else { return false }
    if word.hasSuffix("'s") || word.hasSuffix("’s") { return false }  // "Acme's Jane Doe"
    var previous: Character = first
    var inner = 0
    for c in word.dropFirst() {
      if c.isNumber { return false }
      if !(c.isLetter || c == "-" || c == "'" || c == "’" || c == ".") { return false }
      if c.isUppercase && previous != "-" && previous != "'" && previous != "’" { inner += 1 }
      previous = c
    }
    if inner > 0 {
      let lower = word.lowercased()
      guard inner == 1, PersonNames.innerCapitalPrefixes.contains(where: { lower.hasPrefix($0) }) else { return false }
    }
    return !excluded.contains(Folding.fold(word))
  }

  /// Whether words form a full name: 2-5 words, first and last capitalized, particles between.
  func isName(_ words: [Substring]) -> Bool {
    guard words.count >= 2, words.count <= 5, let first = words.first, let last = words.last,
      isNameWord(first), isNameWord(last), !(last.count == 2 && last.last == ".")
    else { return false }
    for w in words.dropFirst().dropLast() where !isNameWord(w) {
      if !PersonNames.particles.contains(w.lowercased()) { return false }
    }
    return true
  }

  /// Whether words that look like a name are an organization's (`Deutsche Telekom`, `Red Hat`).
  func isOrganization(_ name: String) -> Bool { organizations.entry(for: name) != nil }

  func isName(_ text: String) -> Bool {
    isName(text.split(separator: " "))
  }

  static let commonWords: Set<String> = [
    // articles, pronouns, connectors (FR/EN)
    "the", "a", "an", "le", "la", "les", "un", "une", "des", "du", "de", "ce", "cet", "cette", "ces", "il", "elle",
    "ils", "elles", "nous", "vous", "on", "je", "j'", "en", "dans", "pour", "avec", "sur", "sous", "lors", "apres",
    "avant", "puis", "enfin", "ensuite", "mais", "et", "ou", "donc", "car", "this", "that", "these", "those", "we",
    "i", "he", "she", "they", "it", "in", "on", "at", "for", "with", "from", "by", "of", "and", "or", "but", "after",
    "before", "then", "finally", "also", "so", "if", "si", "as", "comme", "when", "where", "who", "what", "how",
    "why", "which", "quand", "qui", "quoi", "comment", "pourquoi", "voici", "voila", "here", "there", "my", "mon",
    "ma", "mes", "our", "notre", "nos", "your", "votre", "vos", "their", "leur", "leurs", "his", "her", "son", "sa",
    "ses", "its", "all", "tout", "tous", "toutes", "each", "every", "chaque", "some", "quelques", "plusieurs",
    "many", "most", "no", "not", "ne", "pas", "one", "two", "three", "deux", "trois", "first", "second", "third",
    "premier", "premiere", "deuxieme", "last", "dernier", "derniere", "new", "nouveau", "nouvelle", "next",
    "prochain", "prochaine", "thanks", "thank", "merci", "bonjour", "hello", "hi", "mr", "mrs", "ms", "dr", "monsieur",
    "madame", "sir", "yes", "oui", "non", "is", "are", "was", "est", "sont", "etait", "bref", "ainsi", "aussi",
    "to", "into", "about", "over", "via", "vers", "chez", "par", "per",
    // conference vocabulary
    "kubecon", "cloudnativecon", "cloud", "native", "computing", "foundation", "keynote", "keynotes", "talk",
    "talks", "session", "sessions", "panel", "day", "days", "jour", "jours", "europe", "european", "america",
    "north", "summit", "summits", "con", "conference", "conferences", "lab", "labs", "hands", "sponsored",
    "lightning", "tutorial", "tutorials", "workshop", "workshops", "panels", "demos", "meetup", "meetups",
    "contributor", "contributors", "ambassador", "ambassadors", "maintainers", "sponsor", "sponsors",
    "demo", "introduction", "conclusion", "part", "partie", "team", "equipe", "group", "groupe", "sig", "tag",
    "wg", "working", "interest", "special", "technical", "advisory", "community", "communaute", "office", "hours",
    "booth", "stand", "showcase", "project", "projet", "projects", "projets", "platform", "plateforme",
    "engineering", "security", "securite", "observability", "observabilite", "ai", "ia", "gpu", "llm", "api",
    "cli", "ui", "ux", "ci", "cd", "devops", "gitops", "finops", "mlops", "sre", "ceo", "cto", "cpo", "vp",
    "director", "engineer", "ingenieur", "manager", "maintainer", "founder", "fondateur", "fondatrice",
    "architect", "architecte", "developer", "developpeur", "lead", "head", "chief", "principal", "senior",
    "staff", "distinguished", "fellow", "executive", "product", "open", "source", "inc", "ltd", "corp",
    "edition", "track", "tracks", "room", "salle", "hall", "stage", "video", "slides", "replay", "blog",
    "article", "post", "whitepaper", "paper", "book", "livre", "github", "gitlab", "youtube", "twitter",
    "linkedin", "mastodon", "bluesky", "slack", "discord", "internet", "web", "data", "mesh", "service",
    "services", "gateway", "network", "networking", "policy", "policies", "enhancement", "proposal", "proposals",
    "release", "model", "models", "agent", "agents", "operator", "operators", "controller", "cluster", "clusters",
    "node", "nodes", "pod", "pods", "container", "containers", "image", "images", "chart", "charts",
    // months and days
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout",
    "septembre", "octobre", "novembre", "decembre", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
  ]
}
