import Foundation
import KubeConKit

/// `kubecon schedule import FILE... [--out DIR] [--edition ID]`: bring editions' official programs in.
enum ScheduleCommand: Command {
  /// The options, declared once: the spec lists them and `run` reads them.
  enum Option {
    static let out = OptionSpec(name: "--out", valueName: "dir", help: "The schedules folder to write (default: the user's).")
    static let edition = OptionSpec(name: "--edition", valueName: "id", help: "The edition of every session read (eu-2025), when the file does not tell.")
  }

  static let spec = CommandSpec(
    name: "schedule", abstract: "Import official programs (Sched's TSV, CSV or iCalendar export).",
    discussion: """
      Writes one file per edition into the schedules folder (default: $XDG_DATA_HOME/kubecon/schedules, which
      reports are linked against before the bundled Data/schedules). A session replaces the one with its id;
      importing a file twice changes nothing. Rows that cannot be read are warnings naming their line; a file
      that cannot be read writes nothing.
      Example: kubecon schedule import sessions.tsv --out Data/schedules
      """,
    arguments: [("action", "import"), ("file", "Program files: .tsv, .csv or .ics.")], minArguments: 2, maxArguments: nil,
    options: [
      Option.out, Option.edition,
      CommandSpec.jsonOption,
    ])

  struct Summary: Encodable {
    struct EditionCount: Encodable {
      var edition: String
      var added, changed, total: Int
    }
    var folder: String
    var editions: [EditionCount]
    var warnings: Int
  }

  static func run(_ ctx: Context) throws {
    let action = ctx.args.positionals[0]
    guard action == "import" else {
      var message = "unknown action '\(action)'"
      if let guess = Suggest.closest(to: action, in: ["import"]) { message += "; did you mean '\(guess)'?" }
      throw UsageError(message)
    }
    let catalog = try ctx.catalog()
    if let e = ctx.args.value(Option.edition), !catalog.editions.contains(where: { $0.id == e }) {
      var message = "no edition '\(e)' in Data/editions.json"
      if let guess = Suggest.closest(to: e, in: catalog.editions.map(\.id)) { message += "; did you mean '\(guess)'?" }
      throw UsageError(message)
    }
    let folder = ctx.args.value(Option.out).map(ctx.absolute) ?? ScheduleFiles.userFolder(environment: ctx.io.environment)
    let importer = ScheduleImport(catalog: catalog)
    var sessions: [String: [Session]] = [:]
    var warnings = 0
    // Every file is read before anything is written.
    for file in ctx.args.positionals.dropFirst() {
      let path = ctx.absolute(file)
      let data = try FileReading.read(path, shown: file, limit: 64 << 20)
      guard let text = String(data: data, encoding: .utf8) else {
        throw KubeConError.notText(file, reason: "not UTF-8")
      }
      let (rows, readWarnings) = ScheduleReader.read(text, file: file)
      let (found, placeWarnings) = importer.sessions(rows, file: file, edition: ctx.args.value(Option.edition))
      for w in readWarnings + placeWarnings {
        ctx.warn("warning: " + Terminal.sanitize(w.description))
        warnings += 1
      }
      if rows.isEmpty && readWarnings.isEmpty { ctx.warn("warning: \(Terminal.sanitize(file)): no sessions found") }
      for (edition, list) in found {
        // A later file's session replaces an earlier one's with the same id.
        var byId = Dictionary((sessions[edition] ?? []).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for s in list { byId[s.id] = s }
        sessions[edition] = Array(byId.values)
      }
    }
    let counts = try ScheduleFiles.merge(sessions, into: folder)
    let summary = Summary(
      folder: folder, editions: counts.map { Summary.EditionCount(edition: $0.edition, added: $0.added, changed: $0.changed, total: $0.total) },
      warnings: warnings)
    if ctx.json {
      try ctx.printJSON(summary)
      return
    }
    for c in summary.editions {
      ctx.print("\(c.edition.padded(to: 12)) \(counted(c.total, "session")) (\(c.added) new, \(c.changed) changed)")
    }
    ctx.print("Wrote \(Terminal.sanitize(folder))" + (warnings > 0 ? " (\(warnings) warnings on stderr)" : ""))
  }
}
