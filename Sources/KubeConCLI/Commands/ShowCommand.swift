import KubeConKit

/// `kubecon show ID-OR-NAME`: one talk, speaker, project, theme or report with its cross-links.
enum ShowCommand: Command {
  static let spec = CommandSpec(
    name: "show", abstract: "Show a talk, speaker, project, theme, report or program session with its cross-links.",
    arguments: [("id-or-name", "An id (a session's: eu-2025-1txVP), or a name or title (case and accents do not matter).")], minArguments: 1, maxArguments: nil,
    options: [CommandSpec.jsonOption, CommandSpec.corpusOption])

  /// An organization of the corpus's speakers: its name, its spellings, its speakers.
  struct Organization {
    var name: String
    var aliases: [String]
    var spellings: [String]
    var speakers: [Speaker]
    var key: String { Organizations.key(name) }
    /// `cloud-native-computing-foundation`.
    var id: String { Slug.make(name, maxLength: 80) }
  }

  enum Entity {
    case talk(Talk), speaker(Speaker), project(ProjectEntry), theme(ThemeEntry), report(Report), organization(Organization)

    var candidate: ErrorOut.Candidate {
      switch self {
      case .talk(let t): return .init(type: "talk", id: t.id, name: t.title)
      case .speaker(let s): return .init(type: "speaker", id: s.id, name: s.name)
      case .project(let p): return .init(type: "project", id: p.id, name: p.name)
      case .theme(let t): return .init(type: "theme", id: t.id, name: t.labels.en)
      case .report(let r): return .init(type: "report", id: r.id, name: r.title)
      case .organization(let o): return .init(type: "organization", id: o.id, name: o.name)
      }
    }

    var label: String {
      switch self {
      case .talk(let t): return "talk     \(t.id)  \(t.title)"
      case .speaker(let s): return "speaker  \(s.id)  \(s.name)"
      case .project(let p): return "project  \(p.id)  \(p.name)"
      case .theme(let t): return "theme    \(t.id)  \(t.labels.en)"
      case .report(let r): return "report   \(r.id)  \(r.title)"
      case .organization(let o): return "org      \(o.id)  \(o.name)"
      }
    }
  }

  /// The organizations of the corpus's speakers, one per key (``Organizations/key(for:)``).
  static func organizations(in c: Corpus, known: Organizations) -> [Organization] {
    var byKey: [String: Organization] = [:]
    var order: [String] = []
    for s in c.speakers {
      for spelling in s.organizations {
        let key = known.key(for: spelling)
        if byKey[key] == nil {
          let entry = known.entry(for: spelling)
          byKey[key] = Organization(name: entry?.name ?? spelling, aliases: entry?.aliases ?? [], spellings: [], speakers: [])
          order.append(key)
        }
        if !byKey[key]!.spellings.contains(spelling) { byKey[key]!.spellings.append(spelling) }
        if !byKey[key]!.speakers.contains(where: { $0.id == s.id }) { byKey[key]!.speakers.append(s) }
      }
    }
    return order.map { byKey[$0]! }
  }

  static func find(_ query: String, in c: Corpus, organizations known: Organizations = .none) -> [Entity] {
    let f = Folding.fold(query)
    // Names and ids first; an entity is made only for what matches.
    var all: [(names: [String], id: String, entity: () -> Entity)] = []
    // An organization is also found by any spelling of its name (`cncf`, `RedHat`); they are
    // gathered only when one may be asked for.
    let queryKey = known.key(for: query)
    let mayBeOrganization = known.entry(for: query) != nil || c.speakers.contains { s in
      s.organizations.contains { Folding.fold($0).contains(f) }
    }
    for o in mayBeOrganization ? organizations(in: c, known: known) : [] {
      let names = [o.name] + o.aliases + o.spellings
      let matches = queryKey == o.key
      all.append((matches ? names + [query] : names, o.id, { .organization(o) }))
    }
    all += c.talks.indices.map { i in ([c.talks[i].title], c.talks[i].id, { .talk(c.talks[i]) }) }
    all += c.speakers.indices.map { i in ([c.speakers[i].name], c.speakers[i].id, { .speaker(c.speakers[i]) }) }
    all += c.projects.indices.map { i in ([c.projects[i].name] + c.projects[i].aliases, c.projects[i].id, { .project(c.projects[i]) }) }
    all += c.themes.indices.map { i in ([c.themes[i].labels.en, c.themes[i].labels.fr], c.themes[i].id, { .theme(c.themes[i]) }) }
    all += c.reports.indices.map { i in ([c.reports[i].title], c.reports[i].id, { .report(c.reports[i]) }) }
    let byId = all.filter { $0.id == query }
    if !byId.isEmpty { return byId.map { $0.entity() } }
    let folded = all.map { $0.names.map(Folding.fold) }
    let exact = all.indices.filter { folded[$0].contains(f) }
    if !exact.isEmpty { return exact.map { all[$0].entity() } }
    return all.indices.filter { i in folded[i].contains { $0.contains(f) } || all[i].id.contains(f) }.map { all[$0].entity() }
  }

  static func run(_ ctx: Context) throws {
    let query = ctx.args.positionals.joined(separator: " ").trimmingCharacters(in: .whitespaces)
    guard !query.isEmpty else { throw UsageError("give an id or a name to show") }
    // A session's id (`eu-2025-1txVP`): the program's session, with what the reports say of it.
    if query.wholeMatch(of: /[a-z]+-[0-9]{4}-\S+/) != nil, let session = try ctx.catalog().programs.session(id: query) {
      try showSession(session, ctx)
      return
    }
    let corpus = try ctx.corpus()
    let found = find(query, in: corpus, organizations: try Organizations.load(from: ctx.locator.dataDirectory()))
    guard let entity = found.first else {
      var message = "nothing named '\(query)' in the corpus"
      let names = corpus.talks.map(\.title) + corpus.speakers.map(\.name) + corpus.projects.map(\.name) + corpus.themes.map(\.id)
      if let guess = Suggest.closest(to: query, in: names) { message += "; did you mean '\(guess)'?" }
      throw Failure(message, kind: "not-found")
    }
    if found.count > 1 {
      if !ctx.json {
        ctx.print("'\(Terminal.sanitize(query))' is ambiguous; candidates:")
        for e in found.prefix(30) { ctx.print("  " + Terminal.sanitize(e.label)) }
      }
      throw Failure("ambiguous name '\(query)': \(found.count) candidates; give an id", kind: "ambiguous", candidates: found.map(\.candidate))
    }
    switch entity {
    case .talk(let t): try showTalk(try ctx.index().details(of: t), corpus, ctx)
    case .speaker(let s): try showSpeaker(s, corpus, ctx)
    case .project(let p): try showProject(p, corpus, ctx)
    case .theme(let t): try showTheme(t, corpus, ctx)
    case .report(let r): try showReport(try ctx.index().details(of: r), corpus, ctx)
    case .organization(let o): try showOrganization(o, corpus, ctx)
    }
  }

  static func heading(_ ctx: Context, _ text: String) { ctx.print(ctx.style.bold(Terminal.sanitize(text))) }
  static func field(_ ctx: Context, _ name: String, _ value: String) {
    ctx.print("  " + name.padded(to: 14) + Terminal.sanitize(value))
  }

  /// "a, b, c, … and 990 more": a long list cut for reading (`--json` has all of it).
  static func shortList(_ items: [String], limit: Int = 12) -> String {
    items.count <= limit ? items.joined(separator: ", ") : items.prefix(limit).joined(separator: ", ") + ", … and \(items.count - limit) more"
  }

  static func related(_ t: Talk, _ c: Corpus) -> [(Talk, Int)] {
    let speakers = Set(t.speakers.map { Folding.fold($0.name) })
    return c.talks.filter { $0.id != t.id }.map { o -> (Talk, Int) in
      let s = o.speakers.filter { speakers.contains(Folding.fold($0.name)) }.count * 3
      let p = Set(o.projects).intersection(t.projects).subtracting(["Kubernetes"]).count * 2
      let th = Set(o.themes).intersection(t.themes).count
      return (o, s + p + th)
    }.filter { $0.1 >= 3 }.sorted { ($0.1, $1.0.id) > ($1.1, $0.0.id) }
  }

  struct TalkOut: Encodable {
    var type = "talk"
    var talk: TalksCommand.Out
    var mentions: [Mention]
    var related: [String]
  }

  static func showTalk(_ t: Talk, _ c: Corpus, _ ctx: Context) throws {
    let rel = related(t, c).prefix(5)
    if ctx.json {
      try ctx.printJSON(TalkOut(talk: TalksCommand.out(t), mentions: t.mentions, related: rel.map(\.0.id)))
      return
    }
    heading(ctx, t.title)
    field(ctx, "id", t.id)
    field(ctx, "kind", t.kind.rawValue + (t.titleSource == .derived ? " (title derived from the report)" : ""))
    field(ctx, "edition", t.edition?.label ?? "—")
    field(ctx, "speakers", t.speakers.isEmpty ? "—" : TalksCommand.speakerList(t.speakers))
    if let session = t.session {
      field(ctx, "session", session.id + (session.track.map { "  (\($0))" } ?? ""))
      let all = session.speakers.map { SpeakerRef(name: $0.name, organization: $0.organization) }
      if all.count > t.speakers.count { field(ctx, "program lists", TalksCommand.speakerList(all)) }
      if let url = session.url { field(ctx, "page", url) }
      if let said = t.reportTitle { field(ctx, "report says", said) }
    }
    field(ctx, "projects", t.projects.isEmpty ? "—" : t.projects.joined(separator: ", "))
    field(ctx, "themes", t.themes.isEmpty ? "—" : t.themes.joined(separator: ", "))
    ctx.print()
    heading(ctx, "Reports")
    for m in t.mentions {
      ctx.print("  \(m.report):\(m.line)")
      ctx.print("    " + ctx.style.dim(Terminal.sanitize(m.excerpt)))
    }
    if !rel.isEmpty {
      ctx.print()
      heading(ctx, "Related talks")
      for (o, _) in rel { ctx.print("  " + Terminal.sanitize(o.title) + ctx.style.dim("  \(o.id)")) }
    }
  }

  struct SessionOut: Encodable {
    var type = "session"
    var session: Session
    /// The corpus's talk linked to the session; nil when no report covers it.
    var talk: String?
    var reports: [String]
    var mentions: [Mention]
  }

  static func showSession(_ s: Session, _ ctx: Context) throws {
    let talk = try ctx.index().talks().first { $0.session?.id == s.id }
    let detailed = try talk.map { try ctx.index().details(of: $0) }
    let mentions = detailed?.mentions ?? []
    if ctx.json {
      try ctx.printJSON(SessionOut(session: s, talk: talk?.id, reports: talk?.reports ?? [], mentions: mentions))
      return
    }
    heading(ctx, s.title)
    field(ctx, "id", s.id)
    let edition = try ctx.catalog().editions.first { $0.id == s.edition }
    field(ctx, "edition", edition.map { "\($0.region) \($0.year) (\($0.city))" } ?? s.edition)
    field(ctx, "kind", s.kind.rawValue)
    if let track = s.track { field(ctx, "track", track) }
    if let start = s.start { field(ctx, "when", start + (s.end.map { " – " + $0 } ?? "")) }
    if let location = s.location { field(ctx, "where", location) }
    field(ctx, "speakers", s.speakers.isEmpty ? "—" : s.speakers.map { sp in
      sp.name + ([sp.role, sp.organization].compactMap { $0 }.isEmpty ? "" : " (" + [sp.role, sp.organization].compactMap { $0 }.joined(separator: ", ") + ")")
    }.joined(separator: ", "))
    if let url = s.url { field(ctx, "page", url) }
    if let talk { field(ctx, "talk", talk.id) }
    ctx.print()
    heading(ctx, "Reports")
    if mentions.isEmpty { ctx.print("  No report of the corpus covers this session.") }
    for m in mentions {
      ctx.print("  \(m.report):\(m.line)")
      ctx.print("    " + ctx.style.dim(Terminal.sanitize(m.excerpt)))
    }
  }

  static func showSpeaker(_ s: Speaker, _ c: Corpus, _ ctx: Context) throws {
    if ctx.json {
      try ctx.printJSON(s)
      return
    }
    heading(ctx, s.name)
    field(ctx, "organizations", s.organizations.isEmpty ? "—" : s.organizations.joined(separator: ", "))
    field(ctx, "years", s.years.map(String.init).joined(separator: ", "))
    ctx.print()
    heading(ctx, "Talks")
    let ids = Set(s.talks)
    let talks = c.talks.filter { ids.contains($0.id) }.sorted { ($0.edition?.year ?? 0) < ($1.edition?.year ?? 0) }
    for t in talks { ctx.print("  \(t.edition?.label ?? "—")  " + Terminal.sanitize(t.title) + ctx.style.dim("  \(t.id)")) }
  }

  struct OrganizationOut: Encodable {
    struct SpeakerOut: Encodable {
      var id: String
      var name: String
      var talks: [TalkRef]
    }
    struct TalkRef: Encodable {
      var id: String
      var title: String
      var edition: String?
    }
    var type = "organization"
    var id: String
    var name: String
    var aliases: [String]
    /// How the corpus writes it.
    var spellings: [String]
    var speakers: [SpeakerOut]
  }

  /// An organization: its speakers, and their talks by edition.
  static func showOrganization(_ o: Organization, _ c: Corpus, _ ctx: Context) throws {
    let byId = Dictionary(c.talks.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    let speakers = o.speakers.sorted { $0.name < $1.name }.map { s in
      (s, s.talks.compactMap { byId[$0] }.sorted { ($0.edition?.year ?? 0, $0.edition?.id ?? "", $0.title) < ($1.edition?.year ?? 0, $1.edition?.id ?? "", $1.title) })
    }
    if ctx.json {
      try ctx.printJSON(OrganizationOut(
        id: o.id, name: o.name, aliases: o.aliases, spellings: o.spellings,
        speakers: speakers.map { s, talks in
          .init(id: s.id, name: s.name, talks: talks.map { .init(id: $0.id, title: $0.title, edition: $0.edition?.id) })
        }))
      return
    }
    heading(ctx, o.name)
    if !o.aliases.isEmpty { field(ctx, "also", o.aliases.joined(separator: ", ")) }
    if o.spellings != [o.name] { field(ctx, "written", o.spellings.joined(separator: ", ")) }
    field(ctx, "speakers", String(o.speakers.count))
    ctx.print()
    heading(ctx, "Speakers")
    for (s, talks) in speakers {
      ctx.print("  " + Terminal.sanitize(s.name) + ctx.style.dim("  \(s.id)"))
      for t in talks { ctx.print("    \(t.edition?.label ?? "—")  " + Terminal.sanitize(t.title) + ctx.style.dim("  \(t.id)")) }
    }
  }

  struct ProjectOut: Encodable {
    var type = "project"
    var project: ProjectEntry
    var editions: [String]
    /// Its maturity at each edition of the corpus that mentions it (`none`: not a CNCF project then).
    var maturityAt: [String: String]
    var coMentioned: [String]
  }

  static func showProject(_ p: ProjectEntry, _ c: Corpus, _ ctx: Context) throws {
    var co: [String: Int] = [:]
    for r in c.reports where r.projects.contains(p.name) {
      for other in r.projects where other != p.name && other != "Kubernetes" { co[other, default: 0] += 1 }
    }
    let top = co.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(8).map(\.key)
    let reportIds = Set(p.reports)
    let editions = Set(c.reports.filter { reportIds.contains($0.id) }.compactMap { $0.edition?.label }).sorted()
    // Its maturity at each edition, which may not be today's.
    let catalog = try ctx.catalog()
    let refs = Set(c.reports.filter { reportIds.contains($0.id) }.compactMap(\.edition)).sorted { ($0.year, $0.id) < ($1.year, $1.id) }
    let maturityAt = refs.map { ($0, catalog.maturity(of: p.name, at: $0) ?? "none") }
    if ctx.json {
      try ctx.printJSON(ProjectOut(
        project: p, editions: editions, maturityAt: Dictionary(maturityAt.map { ($0.0.id, $0.1) }, uniquingKeysWith: { a, _ in a }), coMentioned: top))
      return
    }
    heading(ctx, p.name)
    field(ctx, "maturity", (p.maturity ?? "not a CNCF project") + " (today)")
    if maturityAt.contains(where: { $0.1 != (p.maturity ?? "none") }) {
      field(ctx, "then", maturityAt.map { "\($0.0.label): \($0.1 == "none" ? "not a CNCF project" : $0.1)" }.joined(separator: "; "))
    }
    field(ctx, "category", p.category)
    if !p.aliases.isEmpty { field(ctx, "aliases", p.aliases.joined(separator: ", ")) }
    field(ctx, "editions", editions.joined(separator: ", "))
    field(ctx, "reports", shortList(p.reports))
    field(ctx, "often with", top.joined(separator: ", "))
    ctx.print()
    heading(ctx, "Talks")
    let talkIds = Set(p.talks)
    for t in c.talks where talkIds.contains(t.id) {
      ctx.print("  \(t.edition?.label ?? "—")  " + Terminal.sanitize(t.title) + ctx.style.dim("  \(t.id)"))
    }
  }

  static func showTheme(_ t: ThemeEntry, _ c: Corpus, _ ctx: Context) throws {
    if ctx.json {
      try ctx.printJSON(t)
      return
    }
    heading(ctx, "\(t.labels.en) / \(t.labels.fr)")
    field(ctx, "id", t.id)
    field(ctx, "reports", shortList(t.reports))
    let ids = Set(t.talkIds)
    let talks = c.talks.filter { ids.contains($0.id) }
    for year in Set(talks.compactMap { $0.edition?.year }).sorted() {
      ctx.print()
      heading(ctx, "\(year)")
      for talk in talks where talk.edition?.year == year {
        ctx.print("  " + Terminal.sanitize(talk.title) + ctx.style.dim("  \(talk.id)"))
      }
    }
  }

  static func showReport(_ r: Report, _ c: Corpus, _ ctx: Context) throws {
    if ctx.json {
      var copy = r
      copy.sections = []
      try ctx.printJSON(copy)
      return
    }
    heading(ctx, r.title)
    field(ctx, "id", r.id)
    field(ctx, "file", r.file)
    field(ctx, "language", r.language)
    field(ctx, "date", r.date ?? "—")
    field(ctx, "edition", r.edition?.label ?? "—")
    field(ctx, "author", r.author ?? "—")
    field(ctx, "organization", r.organization ?? "—")
    field(ctx, "translation", r.translations.isEmpty ? "—" : r.translations.joined(separator: ", "))
    field(ctx, "themes", r.themes.joined(separator: ", "))
    ctx.print()
    heading(ctx, "Talks")
    // In the report's order.
    let byId = Dictionary(c.talks.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    for t in r.talks.compactMap({ byId[$0] }) {
      ctx.print("  " + t.kind.rawValue.padded(to: 9) + Terminal.sanitize(t.title) + ctx.style.dim("  \(t.id)"))
    }
  }
}
