import Foundation
import KubeConKit

/// `kubecon parse FILE... [--json]`: parse reports without storing them.
enum ParseCommand: Command {
  /// The options, declared once: the spec lists them and `run` reads them.
  enum Option {
    static let explain = OptionSpec(name: "--explain", help: "Show why each talk was found, or a heading was not taken for one.")
  }

  static let spec = CommandSpec(
    name: "parse", abstract: "Parse reports and print what was found, without storing anything.",
    discussion: "--explain shows, line by line, each heading or span that may name a talk, its evidence and the\ndecision (with --json: an \"explanation\" list in each report).",
    arguments: [("file", "Report files: markdown, plain text or saved web pages.")], minArguments: 1, maxArguments: nil,
    options: [
      Option.explain,
      CommandSpec.jsonOption,
    ])

  /// The JSON contract of `parse --json`.
  struct Output: Encodable {
    struct TalkOut: Encodable {
      var id, title: String
      var titleSource: TitleSource
      /// The report's wording of the title, when the title is the program's (null otherwise).
      @Nullable var reportTitle: String?
      var kind: TalkKind
      var speakers: [SpeakerRef]
      var projects: [String]
      var themes: [String]
      var line: Int
      /// The session of the edition's program the talk is (null when not linked).
      @Nullable var session: SessionRef?
    }
    var id, file, title, language: String
    @Nullable var date: String?
    @Nullable var author: String?
    @Nullable var organization: String?
    @Nullable var edition: EditionRef?
    var talks: [TalkOut]
    var projects: [String]
    /// Projects no catalog knows: `{"name": "Sveltos", "known": false}`.
    var unknownProjects: [UnknownProject]
    var themes: [String]
    var warnings: [String]
    /// With --explain only (the key is left out otherwise).
    var explanation: [ExtractionNote]?
  }

  struct UnknownProject: Encodable {
    var name: String
    var known = false
  }

  static func output(_ p: ParsedReport, explain: Bool = false) -> Output {
    let r = p.report
    return Output(
      id: r.id, file: r.file, title: r.title, language: r.language, date: r.date, author: r.author,
      organization: r.organization, edition: r.edition,
      talks: p.talks.map {
        Output.TalkOut(
          id: $0.id, title: $0.title, titleSource: $0.titleSource, reportTitle: $0.reportTitle, kind: $0.kind,
          speakers: $0.speakers, projects: $0.projects, themes: $0.themes, line: $0.mentions.first?.line ?? 0,
          session: $0.session)
      }, projects: r.projects, unknownProjects: r.unknownProjects.map { UnknownProject(name: $0) }, themes: r.themes,
      warnings: r.warnings, explanation: explain ? p.explanation : nil)
  }

  static func run(_ ctx: Context) throws {
    let parser = ReportParser(catalog: try ctx.catalog())
    let explain = ctx.args.has(Option.explain)
    var results: [ParsedReport] = []
    for file in ctx.args.positionals {
      results.append(try parser.parse(fileAt: ctx.absolute(file), displayPath: file, explain: explain))
    }
    for r in results {
      for d in r.diagnostics { ctx.warn(Terminal.sanitize(d.description)) }
    }
    if ctx.json {
      try ctx.printJSON(results.map { output($0, explain: explain) })
      return
    }
    let s = ctx.style
    for (n, p) in results.enumerated() {
      if n > 0 { ctx.print() }
      let r = p.report
      ctx.print(s.bold(Terminal.sanitize(r.file)))
      func field(_ name: String, _ value: String?) {
        ctx.print("  " + name.padded(to: 13) + Terminal.sanitize(value ?? "—"))
      }
      field("title", r.title)
      field("language", r.language)
      field("date", r.date)
      field("edition", r.edition.map { "KubeCon \($0.region) \($0.year), \($0.city)" })
      field("author", r.author)
      field("organization", r.organization)
      field("projects", r.projects.isEmpty ? nil : r.projects.joined(separator: ", "))
      if !r.unknownProjects.isEmpty { field("unknown", r.unknownProjects.joined(separator: ", ") + " (no catalog knows them)") }
      field("themes", r.themes.isEmpty ? nil : r.themes.joined(separator: ", "))
      ctx.print("  " + "talks".padded(to: 13) + "\(p.talks.count)")
      for t in p.talks {
        let title = t.titleSource == .derived ? s.dim("~ ") + Terminal.sanitize(t.title) : Terminal.sanitize(t.title)
        ctx.print("    " + s.cyan(t.kind.rawValue.padded(to: 9)) + title)
        if !t.speakers.isEmpty {
          ctx.print("             " + Terminal.sanitize(TalksCommand.speakerList(t.speakers)))
        }
      }
      if !r.warnings.isEmpty { ctx.print("  " + "warnings".padded(to: 13) + "\(r.warnings.count) (on stderr)") }
      if explain { printExplanation(p.explanation, ctx) }
    }
  }

  /// Each decision: line, span, decision, then its evidence with their weights.
  static func printExplanation(_ notes: [ExtractionNote], _ ctx: Context) {
    let s = ctx.style
    ctx.print()
    ctx.print("  " + s.bold("why"))
    if notes.isEmpty { ctx.print("    " + s.dim("no heading, and nothing in the prose, that may name a talk")) }
    for n in notes {
      let mark = n.isTalk ? s.green("talk") : s.dim("not ")
      ctx.print("    " + String(n.line).padded(to: 6) + mark + "  " + Terminal.sanitize(n.span))
      ctx.print("                " + s.dim(Terminal.sanitize(n.decision)))
      for e in n.evidence {
        let weight = e.weight == 0 ? "" : (e.weight > 0 ? "+\(e.weight) " : "\(e.weight) ")
        ctx.print("                  " + s.dim("· " + weight + e.summary))
      }
    }
  }
}
