import Foundation
import KubeConKit

/// `kubecon build [--reports DIR] [--out FILE]`: rebuild a corpus from a folder of reports.
enum BuildCommand: Command {
  static let spec = CommandSpec(
    name: "build", abstract: "Build a corpus from a folder of reports.",
    discussion: "Defaults: Data/reports -> Data/corpus.json. The same reports always give a byte-identical corpus,\nwritten atomically (temporary file, fsync, rename).",
    options: [
      OptionSpec(name: "--reports", valueName: "dir", help: "The folder of reports (default: Data/reports)."),
      OptionSpec(name: "--out", valueName: "file", help: "Where to write the corpus (default: Data/corpus.json)."),
      CommandSpec.jsonOption,
    ])

  static let extensions: Set<String> = ["md", "markdown", "txt", "text", "html", "htm"]

  /// Report files in a folder (and its subfolders), sorted; README files are documentation.
  static func reportFiles(in directory: String) throws -> [String] {
    var isDir: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDir) else {
      throw KubeConError.fileNotFound(directory)
    }
    guard isDir.boolValue else { return [directory] }
    guard let enumerator = FileManager.default.enumerator(atPath: directory) else {
      throw KubeConError.unreadable(directory, reason: "cannot list the folder")
    }
    var files: [String] = []
    while let next = enumerator.nextObject() as? String {
      let name = (next as NSString).lastPathComponent
      if name.hasPrefix(".") || name.lowercased().hasPrefix("readme") { continue }
      if extensions.contains((name as NSString).pathExtension.lowercased()) { files.append(next) }
    }
    if files.isEmpty { throw KubeConError.noReports(directory) }
    return files.sorted()
  }

  static func run(_ ctx: Context) throws {
    let dataDir = try? ctx.locator.dataDirectory()
    guard let reportsDir = ctx.args.value("--reports").map(ctx.absolute) ?? dataDir?.appendingPathComponent("reports").path,
      let out = ctx.args.value("--out").map(ctx.absolute) ?? dataDir?.appendingPathComponent("corpus.json").path
    else { throw KubeConError.catalogMissing(tried: ctx.locator.candidates) }
    let catalog = try ctx.catalog()
    let parser = ReportParser(catalog: catalog)
    var parsed: [ParsedReport] = []
    for relative in try reportFiles(in: reportsDir) {
      let path = (reportsDir as NSString).appendingPathComponent(relative)
      var p = try parser.parse(fileAt: path, displayPath: relative)
      p.report.file = relative
      for d in p.diagnostics { ctx.warn(Terminal.sanitize(d.description)) }
      parsed.append(p)
    }
    let corpus = CorpusBuilder.build(parsed, catalog: catalog)
    try CorpusStore.save(corpus, to: out)
    let summary = BuildSummary(
      corpus: out, reports: corpus.reports.count, talks: corpus.talks.count, speakers: corpus.speakers.count,
      projects: corpus.projects.count)
    if ctx.json {
      try ctx.printJSON(summary)
    } else {
      ctx.print("Built \(Terminal.sanitize(out)): \(summary.reports) reports, \(summary.talks) talks, \(summary.speakers) speakers, \(summary.projects) projects")
    }
  }

  struct BuildSummary: Encodable {
    var corpus: String
    var reports, talks, speakers, projects: Int
  }
}
