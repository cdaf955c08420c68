import KubeConKit

/// `kubecon talks`: talks filtered by theme, year, project, speaker, report, language, kind.
enum TalksCommand: Command {
  /// The options, declared once: the spec lists them and `run` reads them.
  enum Option {
    static let theme = OptionSpec(name: "--theme", valueName: "theme", help: "A theme id or label.")
    static let year = OptionSpec(name: "--year", valueName: "year", help: "An edition year.")
    static let project = OptionSpec(name: "--project", valueName: "project", help: "A project name or alias (OTel, ArgoCD).")
    static let speaker = OptionSpec(name: "--speaker", valueName: "name", help: "A speaker's name (or part of it).")
    static let report = OptionSpec(name: "--report", valueName: "id", help: "A report id.")
    static let lang = OptionSpec(name: "--lang", valueName: "fr|en", help: "Talks presented by a report in this language.")
    static let kind = OptionSpec(name: "--kind", valueName: "kind", help: "keynote, session, panel, lightning, demo or tutorial.")
    static let limit = OptionSpec(name: "--limit", valueName: "n", help: "At most n talks.")
  }

  static let spec = CommandSpec(
    name: "talks", abstract: "List talks, filtered by theme, year, project, speaker, report, language or kind.",
    discussion: "Filters combine with AND. --theme takes the id or the English or French label (observability,\nobservabilité); case and accents do not matter.",
    options: [
      Option.theme, Option.year, Option.project, Option.speaker, Option.report, Option.lang, Option.kind, Option.limit,
      CommandSpec.jsonOption, CommandSpec.corpusOption,
    ])

  /// "Jane Doe (Acme), John Roe".
  static func speakerList(_ speakers: [SpeakerRef]) -> String {
    speakers.map { s in s.organization.map { "\(s.name) (\($0))" } ?? s.name }.joined(separator: ", ")
  }

  struct Out: Encodable {
    var id, title: String
    var titleSource: TitleSource
    var kind: TalkKind
    @Nullable var edition: EditionRef?
    var speakers: [SpeakerRef]
    var projects, themes, reports: [String]
    @Nullable var reportTitle: String?
    @Nullable var session: SessionRef?
  }

  static func out(_ t: Talk) -> Out {
    Out(id: t.id, title: t.title, titleSource: t.titleSource, kind: t.kind, edition: t.edition, speakers: t.speakers,
        projects: t.projects, themes: t.themes, reports: t.reports, reportTitle: t.reportTitle, session: t.session)
  }

  static func run(_ ctx: Context) throws {
    // Only the tables the filters need are read from the index.
    let index = try ctx.index()
    let reports = try index.reports()
    let a = ctx.args
    let theme = try a.value(Option.theme).map { try Resolve.theme($0, in: try index.themes()).id }
    let year = try a.value(Option.year).map { try Resolve.year($0, in: reports) }
    let project = try a.value(Option.project).map { try Resolve.project($0, in: try index.projects()).name }
    let speakers = try a.value(Option.speaker).map { Set(try Resolve.speakers($0, in: try index.speakers()).flatMap(\.talks)) }
    if let r = a.value(Option.report), !reports.contains(where: { $0.id == r }) {
      throw UsageError(Resolve.unknown("report", r, reports.map(\.id), candidates: reports.map(\.id)))
    }
    let lang = try a.value(Option.lang).map(Resolve.language)
    let kind = try a.value(Option.kind).map(Resolve.kind)
    let languages = Dictionary(reports.map { ($0.id, $0.language) }, uniquingKeysWith: { x, _ in x })
    let report = a.value(Option.report)
    var talks = try index.talks().filter { t in
      (theme.map { t.themes.contains($0) } ?? true) && (year.map { t.edition?.year == $0 } ?? true)
        && (project.map { t.projects.contains($0) } ?? true) && (speakers.map { $0.contains(t.id) } ?? true)
        && (report.map { t.reports.contains($0) } ?? true)
        && (lang.map { l in t.reports.contains { languages[$0] == l } } ?? true) && (kind.map { t.kind == $0 } ?? true)
    }
    talks.sort { ($0.edition?.year ?? 0, $0.id) < ($1.edition?.year ?? 0, $1.id) }
    if let limit = try a.count(Option.limit) { talks = Array(talks.prefix(limit)) }
    if ctx.json {
      try ctx.printJSON(talks.map(out))
      return
    }
    if talks.isEmpty {
      ctx.print("No talks match.")
      return
    }
    var table = Table([("YEAR", .fixed), ("KIND", .fixed), ("TITLE", .truncating), ("SPEAKERS", .wrapping)])
    for t in talks {
      // A talk linked to the program shows the session's speakers.
      let speakers = t.session.map { $0.speakers.map { SpeakerRef(name: $0.name, organization: $0.organization) } } ?? t.speakers
      table.add([t.edition.map { String($0.year) } ?? "—", t.kind.rawValue, (t.titleSource == .derived ? "~ " : "") + t.title, speakerList(speakers)])
    }
    ctx.write(table.render(width: ctx.width, style: ctx.style))
    let note = talks.contains { $0.titleSource == .derived } ? " (~ title derived from the report's section)" : ""
    ctx.print("\(counted(talks.count, "talk"))" + note)
  }
}
