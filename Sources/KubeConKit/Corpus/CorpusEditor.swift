/// Adds reports to a corpus and removes them. The corpus is always relinked from its reports as
/// they were parsed (``Report/extracted``), so adding then removing a report gives back the same
/// corpus, byte for byte.
public enum CorpusEditor {
  /// What `add` did with one report.
  public enum Outcome: Equatable, Sendable {
    case added(id: String)
    /// A changed version of a file already in the corpus (same path): it keeps its id.
    case replaced(id: String)
    /// The same content is already in the corpus under this id.
    case unchanged(id: String)
  }

  /// Merges `new` into `corpus`. A report is the same report when its bytes are the same
  /// (``Report/contentHash``); a report from the same path with other bytes replaces the old one;
  /// any other report is added under an id not yet used.
  public static func add(_ new: [ParsedReport], to corpus: Corpus, catalog: Catalog) -> (corpus: Corpus, outcomes: [Outcome]) {
    var reports = corpus.reports.map(ParsedReport.init(unlinking:))
    var outcomes: [Outcome] = []
    var usedIds = Set(reports.map(\.report.id))
    for parsed in new {
      if let same = reports.first(where: { $0.report.contentHash == parsed.report.contentHash }) {
        outcomes.append(.unchanged(id: same.report.id))
        continue
      }
      // A new id also renames the report's talks' mentions: ParsedReport(report:) derives them.
      var report = parsed.report
      if let old = reports.firstIndex(where: { $0.report.file == report.file }) {
        report.id = reports[old].report.id
        reports[old] = ParsedReport(report: report, diagnostics: parsed.diagnostics)
        outcomes.append(.replaced(id: report.id))
        continue
      }
      report.id = Slug.unique(report.id, among: &usedIds)
      reports.append(ParsedReport(report: report, diagnostics: parsed.diagnostics))
      outcomes.append(.added(id: report.id))
    }
    let changed = outcomes.contains { if case .unchanged = $0 { return false } else { return true } }
    return (changed ? CorpusBuilder.build(reports, catalog: catalog) : corpus, outcomes)
  }

  /// The corpus without these reports; talks, speakers and projects no other report mentions go
  /// with them.
  /// - Throws: ``KubeConError/unknownReport(_:suggestion:)`` for an id not in the corpus (the CLI
  ///   checks ids first, with a suggestion).
  public static func remove(_ ids: [String], from corpus: Corpus, catalog: Catalog) throws -> Corpus {
    let known = Set(corpus.reports.map(\.id))
    for id in ids where !known.contains(id) { throw KubeConError.unknownReport(id, suggestion: nil) }
    let gone = Set(ids)
    let kept = corpus.reports.filter { !gone.contains($0.id) }.map(ParsedReport.init(unlinking:))
    return CorpusBuilder.build(kept, catalog: catalog)
  }
}

extension Corpus {
  /// The corpus's reports as they were parsed, before linking: what it is built from.
  public var parsedReports: [ParsedReport] { reports.map(ParsedReport.init(unlinking:)) }
}
