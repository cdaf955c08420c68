import KubeConKit

/// `kubecon speakers [--year Y] [--org O]`.
enum SpeakersCommand: Command {
  /// The options, declared once: the spec lists them and `run` reads them.
  enum Option {
    static let year = OptionSpec(name: "--year", valueName: "year", help: "Speakers of this year's editions.")
    static let org = OptionSpec(name: "--org", valueName: "organization", help: "Speakers from this organization.")
  }

  static let spec = CommandSpec(
    name: "speakers", abstract: "List speakers with their organizations, talks and years.",
    options: [
      Option.year, Option.org,
      CommandSpec.jsonOption, CommandSpec.corpusOption,
    ])

  static func run(_ ctx: Context) throws {
    let corpus = try ctx.corpus()
    let year = try ctx.args.value(Option.year).map { try Resolve.year($0, in: corpus.reports) }
    var speakers = corpus.speakers.filter { year == nil || $0.years.contains(year ?? 0) }
    if let year {
      // Counts of that year only.
      let of = YearFilter(corpus, year: year)
      speakers = speakers.map { s in
        var s = s
        (s.talks, s.reports, s.years) = (s.talks.filter(of.talks.contains), s.reports.filter(of.reports.contains), [year])
        return s
      }
    }
    if let org = ctx.args.value(Option.org) {
      // One organization whatever its spelling (`cncf`, `RedHat`), else the organizations holding the words.
      let organizations = (try? Organizations.load(from: ctx.locator.dataDirectory())) ?? .none
      let key = organizations.key(for: org)
      let same = speakers.filter { $0.organizations.contains { organizations.key(for: $0) == key } }
      let f = Folding.fold(org)
      speakers = !same.isEmpty ? same : speakers.filter { $0.organizations.contains { Folding.fold($0).contains(f) } }
      if speakers.isEmpty {
        let orgs = Array(Set(corpus.speakers.flatMap(\.organizations))).sorted()
        throw UsageError(Resolve.unknown("organization", org, orgs, candidates: orgs))
      }
    }
    if ctx.json {
      try ctx.printJSON(speakers)
      return
    }
    var table = Table([("NAME", .truncating), ("ORGANIZATIONS", .wrapping), ("TALKS", .fixed), ("YEARS", .wrapping)])
    for s in speakers {
      table.add([s.name, s.organizations.joined(separator: ", "), String(s.talks.count), s.years.map(String.init).joined(separator: ", ")])
    }
    ctx.write(table.render(width: ctx.width, style: ctx.style))
    ctx.print("\(counted(speakers.count, "speaker"))")
  }
}

/// The talks and reports of one year's editions, for counts of that year.
struct YearFilter {
  let talks: Set<String>
  let reports: Set<String>
  init(_ corpus: Corpus, year: Int) {
    talks = Set(corpus.talks.filter { $0.edition?.year == year }.map(\.id))
    reports = Set(corpus.reports.filter { $0.edition?.year == year }.map(\.id))
  }
}

/// `kubecon projects [--year Y] [--maturity M]`.
enum ProjectsCommand: Command {
  /// The options, declared once: the spec lists them and `run` reads them.
  enum Option {
    static let year = OptionSpec(name: "--year", valueName: "year", help: "Projects mentioned about this year's editions.")
    static let maturity = OptionSpec(name: "--maturity", valueName: "level", help: "graduated, incubating, sandbox, archived or none (outside the CNCF): today's, or with --year the one it had then.")
  }

  static let spec = CommandSpec(
    name: "projects", abstract: "List the projects mentioned, with mentions per edition, talks and reports.",
    options: [
      Option.year, Option.maturity,
      CommandSpec.jsonOption, CommandSpec.corpusOption,
    ])

  static func run(_ ctx: Context) throws {
    let corpus = try ctx.corpus()
    let year = try ctx.args.value(Option.year).map { try Resolve.year($0, in: corpus.reports) }
    var projects = corpus.projects.filter { year == nil || $0.mentions[String(year ?? 0)] != nil }
    if let year {
      // Counts of that year only.
      let of = YearFilter(corpus, year: year)
      projects = projects.map { p in
        var p = p
        (p.mentions, p.talks, p.reports) = (p.mentions.filter { $0.key == String(year) }, p.talks.filter(of.talks.contains), p.reports.filter(of.reports.contains))
        return p
      }
    }
    if let m = ctx.args.value(Option.maturity) {
      let levels = ["graduated", "incubating", "sandbox", "archived", "none"]
      let f = Folding.fold(m)
      guard levels.contains(f) else { throw UsageError(Resolve.unknown("maturity", m, levels, candidates: levels)) }
      if let year {
        // The maturity it had at that year's editions, not today's.
        let catalog = try ctx.catalog()
        let editions = Set(corpus.reports.compactMap(\.edition).filter { $0.year == year })
        projects = projects.compactMap { p in
          let reports = Set(p.reports)
          let at = editions.filter { e in corpus.reports.contains { reports.contains($0.id) && $0.edition == e } }
          guard let then = at.sorted().first.map({ catalog.maturity(of: p.name, at: $0) ?? "none" }), then == f else { return nil }
          var p = p
          p.maturity = then == "none" ? nil : then
          return p
        }
      } else {
        projects = projects.filter { ($0.maturity ?? "none") == f }
      }
    }
    projects.sort { ($0.mentions.values.reduce(0, +), $1.name) > ($1.mentions.values.reduce(0, +), $0.name) }
    if ctx.json {
      try ctx.printJSON(projects)
      return
    }
    var table = Table([("PROJECT", .truncating), ("MATURITY", .fixed), ("MENTIONS", .wrapping), ("TALKS", .fixed), ("REPORTS", .fixed)])
    for p in projects {
      let mentions = p.mentions.keys.sorted().map { "\($0): \(p.mentions[$0] ?? 0)" }.joined(separator: ", ")
      table.add([p.name, p.maturity ?? "—", mentions, String(p.talks.count), String(p.reports.count)])
    }
    ctx.write(table.render(width: ctx.width, style: ctx.style))
    ctx.print("\(counted(projects.count, "project")); mentions = reports naming the project, per edition year")
  }
}

/// `kubecon themes [--year Y]`.
enum ThemesCommand: Command {
  /// The options, declared once: the spec lists them and `run` reads them.
  enum Option {
    static let year = OptionSpec(name: "--year", valueName: "year", help: "Count only this year's talks.")
  }

  static let spec = CommandSpec(
    name: "themes", abstract: "List the themes with their talks per edition.",
    options: [
      Option.year,
      CommandSpec.jsonOption, CommandSpec.corpusOption,
    ])

  struct Out: Encodable {
    var id: String
    var labels: Labels
    var talks: [String: Int]
  }

  static func run(_ ctx: Context) throws {
    let corpus = try ctx.corpus()
    let year = try ctx.args.value(Option.year).map { try Resolve.year($0, in: corpus.reports) }
    let themes = corpus.themes.map { t -> Out in
      let talks = year.map { y in t.talks.filter { $0.key == String(y) } } ?? t.talks
      return Out(id: t.id, labels: t.labels, talks: talks)
    }.sorted { ($0.talks.values.reduce(0, +), $1.id) > ($1.talks.values.reduce(0, +), $0.id) }
    if ctx.json {
      try ctx.printJSON(themes)
      return
    }
    var table = Table([("THEME", .fixed), ("ENGLISH", .truncating), ("FRANÇAIS", .truncating), ("TALKS PER EDITION", .wrapping)])
    for t in themes {
      let perYear = t.talks.keys.sorted().map { "\($0): \(t.talks[$0] ?? 0)" }.joined(separator: ", ")
      table.add([t.id, t.labels.en, t.labels.fr, perYear.isEmpty ? "—" : perYear])
    }
    ctx.write(table.render(width: ctx.width, style: ctx.style))
  }
}
