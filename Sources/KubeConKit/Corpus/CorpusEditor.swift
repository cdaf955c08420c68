import Foundation

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

    var isUnchanged: Bool { if case .unchanged = self { true } else { false } }
  }

  /// What `add` needs to know of a report already in the corpus.
  public struct Entry: Equatable, Sendable {
    var id: String
    var file: String
    var contentHash: String

    init(_ report: Report) {
      id = report.id
      file = report.file
      contentHash = report.contentHash
    }
  }

  /// What becomes of each of `new` among the reports `entries` describes (which it updates): a
  /// report is the same report when its bytes are the same (``Report/contentHash``); a report
  /// from the same path with other bytes replaces the old one; any other report is added under an
  /// id not yet used. Each report comes back with the id it takes.
  static func resolve(_ new: [ParsedReport], among entries: inout [Entry]) -> [(report: ParsedReport, outcome: Outcome)] {
    var usedIds = UniqueIds(taken: entries.map(\.id))
    return new.map { parsed in
      if let same = entries.first(where: { $0.contentHash == parsed.report.contentHash }) {
        return (parsed, .unchanged(id: same.id))
      }
      // A new id also renames the report's talks' mentions: ParsedReport(report:) derives them.
      var report = parsed.report
      let outcome: Outcome
      if let old = entries.firstIndex(where: { $0.file == report.file }) {
        report.id = entries[old].id
        entries[old] = Entry(report)
        outcome = .replaced(id: report.id)
      } else {
        report.id = usedIds.claim(report.id)
        entries.append(Entry(report))
        outcome = .added(id: report.id)
      }
      return (ParsedReport(report: report, diagnostics: parsed.diagnostics), outcome)
    }
  }

  /// Merges `new` into `corpus` (see ``resolve(_:among:)``).
  static func add(_ new: [ParsedReport], to corpus: Corpus, catalog: Catalog) -> (corpus: Corpus, outcomes: [Outcome]) {
    var reports = corpus.reports.map(ParsedReport.init(unlinking:))
    var entries = reports.map { Entry($0.report) }
    let resolved = resolve(new, among: &entries)
    for (parsed, outcome) in resolved {
      switch outcome {
      case .unchanged: continue
      case .replaced(let id): reports[reports.firstIndex { $0.report.id == id }!] = parsed
      case .added: reports.append(parsed)
      }
    }
    let changed = resolved.contains { !$0.outcome.isUnchanged }
    return (changed ? CorpusBuilder.build(reports, catalog: catalog) : corpus, resolved.map(\.outcome))
  }

  /// What ``add(_:toCorpusAt:catalog:cacheFolder:policy:)`` did.
  public struct FileAddition {
    /// Each new report with the id it took, and what became of it.
    public var resolved: [(report: ParsedReport, outcome: Outcome)]
    /// How many reports the corpus holds now.
    public var reportCount: Int
    /// The file written: the corpus file, a record of its journal, or nil when nothing changed.
    public var written: String?
  }

  /// Merges `new` into the corpus file at `path` (which exists) and writes the result: the new
  /// reports only, in a record of the corpus's journal, when ``CorpusJournal/Policy`` allows it;
  /// else the whole corpus file, the journal folded in. The reports already there are read from
  /// the corpus's index when it was made from this corpus file (and some of the journal's
  /// records), so that a large corpus is not read at all; otherwise from the corpus.
  /// - Parameter cacheFolder: where the index may be, as for ``CorpusIndex/open(corpusAt:catalog:cacheFolder:warn:)``.
  public static func add(
    _ new: [ParsedReport], toCorpusAt path: String, catalog: Catalog, cacheFolder: String? = nil,
    policy: CorpusJournal.Policy = .standard
  ) throws -> FileAddition {
    let journal = CorpusJournal(corpus: path)
    let records = journal.records()
    // The corpus file, when it had to be read (it is not linked again to learn its reports).
    var file: Corpus? = nil
    var entries: [Entry]
    let unread: ArraySlice<CorpusJournal.Record>
    if let (indexed, covered) = CorpusIndex.reports(corpusAt: path, cacheFolder: cacheFolder, journal: records) {
      entries = indexed.map(Entry.init)
      unread = records[covered...]
    } else {
      let read = try CorpusStore.decode(try FileReading.read(path), path: path)
      file = read
      entries = read.reports.map(Entry.init)
      unread = records[...]
    }
    let unreadReports = try CorpusJournal.reports(of: Array(unread))
    _ = resolve(unreadReports, among: &entries)
    let resolved = resolve(new, among: &entries)
    let changed = resolved.filter { !$0.outcome.isUnchanged }.map(\.report.report)
    guard !changed.isEmpty else { return FileAddition(resolved: resolved, reportCount: entries.count, written: nil) }

    let record = CorpusJournal.record(changed)
    var info = stat()
    let corpusSize = stat(path, &info) == 0 ? Int(info.st_size) : 0
    if policy.journals(adding: record.count, to: records.reduce(0) { $0 + $1.size }, corpus: corpusSize) {
      let written = try journal.append(record, after: records)
      return FileAddition(resolved: resolved, reportCount: entries.count, written: written)
    }
    // Folded in: the journal's reports, then the new ones, resolved in the same order as above,
    // with the same outcomes; linked once.
    let before = try file ?? CorpusStore.decode(try FileReading.read(path), path: path)
    let journalReports = try CorpusJournal.reports(of: Array(records[..<unread.startIndex])) + unreadReports
    let after = add(journalReports + resolved.map(\.report), to: before, catalog: catalog).corpus
    try CorpusStore.save(after, to: path)
    return FileAddition(resolved: resolved, reportCount: after.reports.count, written: path)
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
  var parsedReports: [ParsedReport] { reports.map(ParsedReport.init(unlinking:)) }
}
