import Foundation
import KubeConKit

/// `kubecon build [--reports DIR] [--out FILE]`: rebuild a corpus from a folder of reports.
enum BuildCommand: Command {
  /// The options, declared once: the spec lists them and `run` reads them.
  enum Option {
    static let reports = OptionSpec(name: "--reports", valueName: "dir", help: "The folder of reports (default: Data/reports).")
    static let out = OptionSpec(name: "--out", valueName: "file", help: "Where to write the corpus (default: Data/corpus.json).")
  }

  static let spec = CommandSpec(
    name: "build", abstract: "Build a corpus from a folder of reports.",
    discussion: "Defaults: Data/reports -> Data/corpus.json. The same reports always give a byte-identical corpus,\nwritten atomically (temporary file, fsync, rename).",
    options: [
      Option.reports, Option.out,
      CommandSpec.jsonOption,
    ])

  static func run(_ ctx: Context) throws {
    let dataDir = try? ctx.locator.dataDirectory()
    guard let reportsDir = ctx.args.value(Option.reports).map(ctx.absolute) ?? dataDir?.appendingPathComponent("reports").path,
      let out = ctx.args.value(Option.out).map(ctx.absolute) ?? dataDir?.appendingPathComponent("corpus.json").path
    else { throw KubeConError.catalogMissing(tried: ctx.locator.candidates) }
    let catalog = try ctx.catalog()
    let parser = ReportParser(catalog: catalog)
    var parsed: [ParsedReport] = []
    let found = try ReportFiles.find(reportsDir)
    for w in found.warnings { ctx.warn("warning: " + Terminal.sanitize(w)) }
    let files = found.files.map { ((reportsDir as NSString).appendingPathComponent($0), $0) }
    for (result, relative) in zip(parser.parseAll(files), found.files) {
      var p = try result.get()
      p.report.file = relative
      for d in p.diagnostics { ctx.warn(Terminal.sanitize(d.description)) }
      parsed.append(p)
    }
    let corpus = CorpusBuilder.build(parsed, catalog: catalog)
    // Under the lock of add and remove: an add meanwhile lands before the corpus is replaced (and
    // its journal removed), never between the two.
    let lock = try CorpusLock(for: out)
    defer { lock.unlock() }
    try CorpusStore.save(corpus, to: out)
    ctx.keep((parsed, corpus))
    let summary = BuildSummary(
      corpus: out, reports: corpus.reports.count, talks: corpus.talks.count, speakers: corpus.speakers.count,
      projects: corpus.projects.count)
    if ctx.json {
      try ctx.printJSON(summary)
    } else {
      ctx.print("Built \(Terminal.sanitize(out)): \(counted(summary.reports, "report")), \(counted(summary.talks, "talk")), \(counted(summary.speakers, "speaker")), \(counted(summary.projects, "project"))")
    }
  }

  struct BuildSummary: Encodable {
    var corpus: String
    var reports, talks, speakers, projects: Int
  }
}
