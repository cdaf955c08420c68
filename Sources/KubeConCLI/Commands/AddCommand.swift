import Foundation
import KubeConKit

/// `kubecon add FILE|DIR... [--corpus FILE]`: parse reports and merge them into a corpus.
enum AddCommand: Command {
  /// The options, declared once: the spec lists them and `run` reads them.
  enum Option {
    static let strict = OptionSpec(name: "--strict", help: "Add nothing if any file is refused or has broken front matter.")
    static let force = OptionSpec(name: "--force", help: "Add texts that show no sign of being a KubeCon report.")
  }

  static let spec = CommandSpec(
    name: "add", abstract: "Add reports (markdown, text, saved web pages) to your corpus.",
    discussion: """
      Without --corpus, writes to your corpus ($XDG_DATA_HOME/kubecon/corpus.json, else
      ~/.local/share/kubecon/corpus.json), which starts as a copy of the bundled one; every command then
      reads it. The same content added twice changes nothing; a changed file (same path) replaces its old
      version. Front matter that is empty, null or of an unexpected shape is read around with a warning.
      A file that cannot be read as a report (not text, too large, unreadable, empty) is refused, and so
      is a text with no sign of KubeCon (no edition, talk, project, nor the word) unless --force. The
      readable files are added in one atomic, locked write and each refused one is listed; the exit code
      is 1 if any was refused. With --strict, one refused file or one broken front matter adds nothing.
      A corpus file of 4 MB or more is not rewritten: the new reports go to its journal
      (corpus.json.journal/), which every command reads with it, and which is folded into the file once
      it passes an eighth of its size.
      """,
    arguments: [("path", "Report files, or folders to search for .md, .markdown, .txt, .html files.")],
    minArguments: 1, maxArguments: nil,
    options: [
      CommandSpec.writableCorpusOption,
      Option.strict, Option.force,
      CommandSpec.jsonOption,
    ])

  /// What became of one file; `reason` is why a refused one was (null otherwise).
  struct FileOutcome: Encodable {
    var file: String
    @Nullable var id: String?
    var status: String
    @Nullable var title: String?
    var talks, speakers, projects: Int
    var warnings: [String]
    @Nullable var reason: String?

    static func refused(_ file: String, _ reason: String) -> FileOutcome {
      FileOutcome(file: file, id: nil, status: "refused", title: nil, talks: 0, speakers: 0, projects: 0, warnings: [], reason: reason)
    }
  }

  static func run(_ ctx: Context) throws {
    let catalog = try ctx.catalog()
    let parser = ReportParser(catalog: catalog)
    let strict = ctx.args.has(Option.strict)
    // Every file is read and checked before the corpus is touched.
    var parsed: [ParsedReport] = []
    var shownNames: [String] = []
    var refused: [FileOutcome] = []
    for argument in ctx.args.positionals {
      let path = ctx.absolute(argument)
      let found: ReportFiles.Found
      do {
        found = try ReportFiles.find(path, shown: argument)
      } catch let e as KubeConError {
        refused.append(.refused(argument, e.description))
        continue
      }
      for w in found.warnings { ctx.warn("warning: " + Terminal.sanitize(argument + "/" + w)) }
      for relative in found.files {
        let full = relative == path ? path : path + "/" + relative
        let shown = relative == path ? argument : (argument as NSString).appendingPathComponent(relative)
        do {
          var p = try parser.parse(fileAt: full, displayPath: shown)
          if strict, let broken = p.diagnostics.first(where: \.invalid) {
            refused.append(.refused(shown, "\(broken.file):\(broken.line): \(broken.message)"))
            continue
          }
          if !ctx.args.has(Option.force) && !p.showsKubeCon {
            refused.append(.refused(shown, "\(shown): no sign of a KubeCon report (no edition, talk, project, nor the word KubeCon); add it with --force"))
            continue
          }
          p.report.file = URL(fileURLWithPath: full).standardized.path
          parsed.append(p)
          shownNames.append(shown)
        } catch let e as KubeConError {
          refused.append(.refused(shown, e.description))
        }
      }
    }
    let refusal = refused.compactMap(\.reason).joined(separator: "\n")
    if parsed.isEmpty || (strict && !refused.isEmpty) {
      throw Failure(refusal + "\nNothing was added; the corpus is unchanged.")
    }

    let target = try ctx.writableCorpus()
    let lock = try CorpusLock(for: target.path)
    defer { lock.unlock() }
    // The first add to the user's corpus starts from a copy of the bundled one, to another file
    // from an empty corpus.
    if !FileManager.default.fileExists(atPath: target.path) { try CorpusStore.save(try ctx.loadForWriting(target), to: target.path) }
    let addition = try CorpusEditor.add(parsed, toCorpusAt: target.path, catalog: catalog, cacheFolder: ctx.cacheFolder)

    var results: [FileOutcome] = []
    for ((p, shown), outcome) in zip(zip(addition.resolved.map(\.report), shownNames), addition.resolved.map(\.outcome)) {
      let (id, status): (String, String)
      switch outcome {
      case .added(let i): (id, status) = (i, "added")
      case .replaced(let i): (id, status) = (i, "replaced")
      case .unchanged(let i): (id, status) = (i, "unchanged")
      }
      results.append(FileOutcome(
        file: shown, id: id, status: status, title: p.report.title,
        talks: p.talks.count, speakers: Set(p.talks.flatMap { $0.speakers.map { SpeakerIdentity.key($0.name) } }).count,
        projects: p.report.projects.count, warnings: p.diagnostics.map(\.description), reason: nil))
      for d in p.diagnostics { ctx.warn(Terminal.sanitize(d.description)) }
    }
    if ctx.json {
      try ctx.printJSON(results + refused)
      if !refused.isEmpty { throw PartialFailure(refusal + "\n" + counted(refused.count, "file") + " refused; the others were added.") }
      return
    }
    for (r, (p, _)) in zip(results, addition.resolved) {
      let (report, talks) = (p.report, p.talks)
      let shown = Terminal.sanitize(r.file)
      let id = Terminal.sanitize(r.id ?? report.id)
      switch r.status {
      case "unchanged":
        ctx.print("\(shown): already in the corpus as \(id); nothing to do")
      default:
        ctx.print("\(r.status) \(id) from \(shown)")
        ctx.print("  \(Terminal.sanitize(report.title)) · \(editionName(report.edition))")
        ctx.print("  \(counted(talks.count, "talk")), \(counted(r.speakers, "speaker")), \(counted(r.projects, "project")), \(counted(r.warnings.count, "warning"))")
        for talk in talks.prefix(12) {
          let speakers = talk.speakers.map { s in s.organization.map { "\(s.name) (\($0))" } ?? s.name }.joined(separator: ", ")
          ctx.print("    - " + Terminal.sanitize(talk.title) + (speakers.isEmpty ? "" : " — " + Terminal.sanitize(speakers)))
        }
        if talks.count > 12 { ctx.print("    … and \(talks.count - 12) more (kubecon talks --report \(id))") }
        if !report.projects.isEmpty {
          ctx.print("  projects: " + Terminal.sanitize(report.projects.joined(separator: ", ")))
        }
      }
    }
    if let written = addition.written {
      ctx.print("Wrote \(Terminal.sanitize(written)) (\(counted(addition.reportCount, "report"))).")
    } else {
      ctx.print("The corpus is unchanged.")
    }
    if !refused.isEmpty { throw PartialFailure(refusal + "\n" + counted(refused.count, "file") + " refused; the others were added.") }
  }


  static func editionName(_ e: EditionRef?) -> String {
    guard let e else { return "no edition recognized" }
    return "\(e.region) \(e.year) \(e.city)"
  }
}

/// `kubecon remove REPORT-ID... [--corpus FILE]`: take reports out of a corpus.
enum RemoveCommand: Command {
  static let spec = CommandSpec(
    name: "remove", abstract: "Remove reports from your corpus, with what only they mentioned.",
    discussion: "Talks, speakers and projects that no other report mentions go with them. Without --corpus, works\non your corpus (a copy of the bundled one is made first).",
    arguments: [("report-id", "Report ids, as 'kubecon reports' lists them.")], minArguments: 1, maxArguments: nil,
    options: [CommandSpec.writableCorpusOption, CommandSpec.jsonOption])

  struct Output: Encodable {
    var removed: [String]
    var reports, talks: Int
  }

  static func run(_ ctx: Context) throws {
    let catalog = try ctx.catalog()
    let target = try ctx.writableCorpus()
    let lock = try CorpusLock(for: target.path)
    defer { lock.unlock() }
    let before = try ctx.loadForWriting(target)
    let known = before.reports.map(\.id)
    for id in ctx.args.positionals where !known.contains(id) {
      throw KubeConError.unknownReport(id, suggestion: Suggest.closest(to: id, in: known))
    }
    let after = try CorpusEditor.remove(ctx.args.positionals, from: before, catalog: catalog)
    try CorpusStore.save(after, to: target.path)
    let removed = Array(Set(ctx.args.positionals)).sorted()
    if ctx.json {
      try ctx.printJSON(Output(removed: removed, reports: after.reports.count, talks: after.talks.count))
      return
    }
    let talks = before.talks.count - after.talks.count
    ctx.print("removed \(removed.map(Terminal.sanitize).joined(separator: ", ")) (\(counted(talks, "talk")) went with \(removed.count == 1 ? "it" : "them"))")
    ctx.print("Wrote \(Terminal.sanitize(target.path)) (\(counted(after.reports.count, "report"))).")
  }
}
