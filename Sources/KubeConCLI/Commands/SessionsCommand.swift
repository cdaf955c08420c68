import KubeConKit

/// `kubecon sessions`: the editions' official programs, with the reports that cover each session.
enum SessionsCommand: Command {
  /// The options, declared once: the spec lists them and `run` reads them.
  enum Option {
    static let year = OptionSpec(name: "--year", valueName: "year", help: "An edition year.")
    static let region = OptionSpec(name: "--region", valueName: "region", help: "EU, NA, China, India or Japan.")
    static let track = OptionSpec(name: "--track", valueName: "track", help: "A track (or part of its name).")
    static let theme = OptionSpec(name: "--theme", valueName: "theme", help: "Sessions whose title or track is about this theme.")
    static let speaker = OptionSpec(name: "--speaker", valueName: "name", help: "A speaker's name (or part of it).")
    static let covered = OptionSpec(name: "--covered", help: "Only sessions some report covers.")
    static let limit = OptionSpec(name: "--limit", valueName: "n", help: "At most n sessions.")
  }

  static let spec = CommandSpec(
    name: "sessions", abstract: "List the official program of editions, with how many reports cover each session.",
    discussion: "Filters combine with AND. Without --year or --region, every edition with a program is listed.\n--covered keeps the sessions some report covers, most covered first.",
    options: [
      Option.year, Option.region, Option.track, Option.theme, Option.speaker, Option.covered, Option.limit,
      CommandSpec.jsonOption, CommandSpec.corpusOption,
    ])

  struct Out: Encodable {
    var session: Session
    var reports: [String]

    /// The session's keys, and `reports`.
    func encode(to encoder: Encoder) throws {
      try session.encode(to: encoder)
      enum K: String, CodingKey { case reports }
      var c = encoder.container(keyedBy: K.self)
      try c.encode(reports, forKey: .reports)
    }
  }

  static func run(_ ctx: Context) throws {
    let a = ctx.args
    let catalog = try ctx.catalog()
    let withPrograms = Set(catalog.programs.editions)
    var editions = catalog.editions.filter { withPrograms.contains($0.id) }
    if let raw = a.value(Option.year) {
      guard let year = Int(raw), raw.utf8.count == 4 else { throw UsageError("--year takes a year, not '\(raw)'") }
      editions = editions.filter { $0.year == year }
    }
    if let raw = a.value(Option.region) {
      let regions = Array(Set(catalog.editions.map(\.region))).sorted()
      guard let region = regions.first(where: { $0.lowercased() == raw.lowercased() }) else {
        throw UsageError(Resolve.unknown("region", raw, regions, candidates: regions))
      }
      editions = editions.filter { $0.region == region }
    }
    if editions.isEmpty && (a.value(Option.year) != nil || a.value(Option.region) != nil) {
      let known = catalog.editions.filter { withPrograms.contains($0.id) }.map(\.id).sorted()
      throw Failure("no edition with a program matches; editions with one: \(known.joined(separator: ", "))")
    }
    // The reports covering each session, from the corpus's linked talks.
    var coverage: [String: Set<String>] = [:]
    for t in try ctx.index().talks() {
      if let s = t.session { coverage[s.id, default: []].formUnion(t.reports) }
    }
    let track = a.value(Option.track).map(Folding.fold)
    let speaker = a.value(Option.speaker).map(Folding.fold)
    let theme = try a.value(Option.theme).map { raw -> String in
      let f = Folding.fold(raw)
      guard let t = catalog.themes.first(where: { [$0.id, $0.labels.en, $0.labels.fr].map(Folding.fold).contains(f) }) else {
        throw UsageError(Resolve.unknown("theme", raw, catalog.themes.map(\.id), candidates: catalog.themes.flatMap { [$0.id, $0.labels.en, $0.labels.fr] }))
      }
      return t.id
    }
    let classifier = ThemeClassifier(themes: catalog.themes)
    var rows: [Out] = []
    for e in editions.sorted(by: { $0.id < $1.id }) {
      for s in catalog.programs.sessions(e.id) ?? [] {
        if let track, !Folding.fold(s.track ?? "").contains(track) { continue }
        if let speaker, !s.speakers.contains(where: { Folding.fold($0.name).contains(speaker) }) { continue }
        if let theme, s.kind == .logistics || !classifier.themes(title: s.title, text: s.track ?? "", projectCategories: []).contains(theme) {
          continue
        }
        let reports = (coverage[s.id] ?? []).sorted()
        if a.has(Option.covered) && reports.isEmpty { continue }
        rows.append(Out(session: s, reports: reports))
      }
    }
    if a.has(Option.covered) { rows.sort { ($1.reports.count, $0.session.id) < ($0.reports.count, $1.session.id) } }
    if let limit = try a.count(Option.limit) { rows = Array(rows.prefix(limit)) }
    if ctx.json {
      try ctx.printJSON(rows)
      return
    }
    if rows.isEmpty {
      ctx.print("No sessions match.")
      return
    }
    var table = Table([("EDITION", .fixed), ("KIND", .fixed), ("TITLE", .truncating), ("SPEAKERS", .wrapping), ("REPORTS", .wrapping)])
    for r in rows {
      let speakers = TalksCommand.speakerList(r.session.speakers.map { SpeakerRef(name: $0.name, organization: $0.organization) })
      table.add([r.session.edition, r.session.kind.rawValue, r.session.title, speakers, String(r.reports.count)])
    }
    ctx.write(table.render(width: ctx.width, style: ctx.style))
    ctx.print("\(counted(rows.count, "session"))")
  }
}
