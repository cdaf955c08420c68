import Foundation

/// A corpus as the query commands read it: from its index (`corpus.json.idx`), a compact binary
/// file made from the JSON corpus and kept beside it, so that a query neither decodes the JSON
/// nor analyzes any text.
///
/// ```swift
/// let index = try CorpusIndex.open(corpusAt: "Data/corpus.json") { try Catalog.load(from: "Data") }
/// let hits = try index.searchIndex(synonyms: synonyms).search("dra", limit: 10)
/// ```
///
/// The index is rebuilt from the JSON when it is missing, stale (the corpus file's size,
/// modification time or inode changed, or its journal's records did, see ``CorpusJournal``), of
/// another format version, or damaged (a checksum does not match); it is never a second source
/// of truth. When the corpus folder is not writable, the
/// index goes to the cache folder; when that fails too, it is kept in memory for this run.
public final class CorpusIndex {
  let file: IndexFile
  /// Where the index was read from or written to; nil when it is held in memory only.
  let path: String?
  /// Why the index was rebuilt when opened ("missing", "stale", "damaged"); nil when it was reused.
  let rebuiltBecause: String?
  private var strings: PooledStrings?
  private var reportTable: ([Report], [RecordRef?])?
  private var talkTable: ([Talk], [RecordRef?])?

  init(file: IndexFile, path: String?, rebuiltBecause: String?) {
    self.file = file
    self.path = path
    self.rebuiltBecause = rebuiltBecause
  }

  /// The index file of a corpus file, beside it.
  static func defaultPath(forCorpus corpusPath: String) -> String { corpusPath + ".idx" }

  /// The index in a cache folder, named after the corpus file's path.
  static func cachePath(forCorpus corpusPath: String, in folder: String) -> String {
    folder + "/" + SHA256.hex(Data(corpusPath.utf8)).prefix(24) + ".idx"
  }

  /// The index bytes of a corpus.
  static func build(_ corpus: Corpus, key: IndexFile.Key) -> [UInt8] { Array(parts(corpus, key: key).joined()) }

  /// The index of a corpus in the parts it is written in (see ``IndexFile/parts(_:key:)``).
  static func parts(_ corpus: Corpus, key: IndexFile.Key) -> [[UInt8]] {
    // The search sections first: what they need while being made (documents, postings) is let go
    // before the tables are made, instead of adding to them at the peak.
    let search = SearchSectionsWriter.sections(for: corpus)
    // The tables: one row per entry, the long texts apart (see ``TableWriter``), in
    // ``IndexFile/Section`` order from `.reports` to `.editions`.
    var w = TableWriter()
    let tables = [
      w.table(corpus.reports), w.table(corpus.talks), w.table(corpus.speakers), w.table(corpus.projects),
      w.table(corpus.themes), w.table(corpus.editions),
    ]
    return IndexFile.parts([w.pool.encoded()] + tables + [w.details.bytes] + search, key: key)
  }

  /// Opens the index of the corpus at `corpusPath` (its file and its journal), rebuilding it
  /// first when needed.
  /// - Parameters:
  ///   - catalog: to link the reports of the corpus's journal, when the index is rebuilt.
  ///   - cacheFolder: where to put the index when the corpus folder is not writable.
  ///   - warn: told about a damaged index before it is rebuilt.
  /// - Throws: ``KubeConError`` when the corpus itself cannot be read.
  /// Runs `body`, which reads an index; when it finds the index damaged (a checksum that does
  /// not match, read where it is used rather than at open), the index file is removed, `warn` is
  /// told, and `body` runs once more, opening an index rebuilt from the corpus.
  public static func repairing<T>(warn: (String) -> Void, _ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch KubeConError.damagedIndex(let path, let reason) {
      warn(KubeConError.damagedIndex(path, reason: reason).description)
      if path.hasSuffix(".idx") { unlink(path) }
      return try body()
    }
  }

  public static func open(
    corpusAt corpusPath: String, catalog: () throws -> Catalog, cacheFolder: String? = nil, warn: (String) -> Void = { _ in }
  ) throws -> CorpusIndex {
    let beside = defaultPath(forCorpus: corpusPath)
    // Worked out (a digest of the path) only when the index beside the corpus cannot be used.
    let cache = { cacheFolder.map { cachePath(forCorpus: corpusPath, in: $0) } }
    var reason = "missing"
    func reuse(_ place: String, _ key: IndexFile.Key) -> CorpusIndex? {
      do {
        return CorpusIndex(file: try IndexFile(path: place, expecting: key), path: place, rebuiltBecause: nil)
      } catch IndexFile.Problem.stale {
        reason = "stale"
      } catch IndexFile.Problem.damaged(let why) {
        warn(KubeConError.damagedIndex(place, reason: why).description)
        reason = "damaged"
      } catch {}
      return nil
    }
    // Listed once: the key names the records that are read.
    let records = CorpusJournal(corpus: corpusPath).records()
    if let key = IndexFile.Key.of(path: corpusPath, journal: records) {
      if let index = reuse(beside, key) { return index }
      if let place = cache(), let index = reuse(place, key) { return index }
    }
    // Key and bytes from the same open file: a corpus replaced meanwhile only makes the index stale.
    // The JSON bytes are let go before the index is built.
    let (corpus, key) = try {
      let (data, info) = try FileReading.readWithInfo(corpusPath)
      let corpus = try CorpusJournal.replay(records, onto: try CorpusStore.decode(data, path: corpusPath), catalog: catalog)
      return (corpus, IndexFile.Key(info, journal: records))
    }()
    let parts = parts(corpus, key: key)
    let places = [beside] + (cache().map { [$0] } ?? [])
    for place in places {
      let folder = (place as NSString).deletingLastPathComponent
      if place != places[0] { try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
      // Written, then mapped like any index: the bytes are not copied once more into memory.
      if (try? CorpusStore.writeAtomically(parts, to: place)) != nil, let file = try? IndexFile(path: place, expecting: key) {
        return CorpusIndex(file: file, path: place, rebuiltBecause: reason)
      }
    }
    return CorpusIndex(file: try IndexFile(bytes: Array(parts.joined()), expecting: key), path: nil, rebuiltBecause: reason)
  }

  /// The reports of an index made from the corpus file at `corpusPath` and the first records of
  /// `journal`, and how many records that is; nil when there is no such index (it is not built:
  /// see ``CorpusEditor/add(_:toCorpusAt:catalog:cacheFolder:policy:)``).
  static func reports(corpusAt corpusPath: String, cacheFolder: String?, journal: [CorpusJournal.Record]) -> ([Report], Int)? {
    guard let key = IndexFile.Key.of(path: corpusPath, journal: journal) else { return nil }
    let places = [defaultPath(forCorpus: corpusPath)] + (cacheFolder.map { [cachePath(forCorpus: corpusPath, in: $0)] } ?? [])
    for place in places {
      guard let file = try? IndexFile(path: place, accepting: { $0.isPrefix(of: key, journal: journal) }) else { continue }
      let index = CorpusIndex(file: file, path: place, rebuiltBecause: nil)
      if let reports = try? index.reports() { return (reports, Int(file.key.journalRecords)) }
    }
    return nil
  }

  private func reading<T>(_ body: () throws -> T) throws -> T { try file.reading(body) }

  private func pooledStrings() throws -> PooledStrings {
    if let strings { return strings }
    let made = try PooledStrings(try file.section(.strings))
    strings = made
    return made
  }

  /// The rows of a table, and where each one's details are.
  private func rows<T: FieldListed>(_ section: IndexFile.Section) throws -> ([T], [RecordRef?]) {
    try reading { try TableReader.rows(try file.section(section), strings: try pooledStrings()) }
  }

  /// An entry of a table with its details.
  private func details<T: FieldListed>(of entry: T, _ ref: RecordRef?) throws -> T {
    guard let ref else { return entry }
    var full = entry
    try reading {
      try TableReader.details(try file.record(.details, offset: ref.offset, length: ref.length, checksum: ref.checksum), into: &full)
    }
    return full
  }

  /// The reports, without their sections and extracted talks (see ``details(of:)-(Report)``).
  public func reports() throws -> [Report] { try reportsAndRefs().0 }

  private func reportsAndRefs() throws -> ([Report], [RecordRef?]) {
    if let reportTable { return reportTable }
    let t: ([Report], [RecordRef?]) = try rows(.reports)
    reportTable = t
    return t
  }

  /// The talks, without their text and excerpts (see ``details(of:)-(Talk)``).
  public func talks() throws -> [Talk] { try talksAndRefs().0 }

  private func talksAndRefs() throws -> ([Talk], [RecordRef?]) {
    if let talkTable { return talkTable }
    let t: ([Talk], [RecordRef?]) = try rows(.talks)
    talkTable = t
    return t
  }

  public func speakers() throws -> [Speaker] { try rows(.speakers).0 }
  public func projects() throws -> [ProjectEntry] { try rows(.projects).0 }
  public func themes() throws -> [ThemeEntry] { try rows(.themes).0 }
  func editions() throws -> [Edition] { try rows(.editions).0 }

  /// The whole corpus without the long texts: what listing, showing and comparing need.
  public func corpus() throws -> Corpus {
    Corpus(
      reports: try reports(), talks: try talks(), speakers: try speakers(), projects: try projects(), themes: try themes(),
      editions: try editions())
  }

  /// A report with its sections and extracted talks.
  public func details(of report: Report) throws -> Report {
    let (reports, refs) = try reportsAndRefs()
    guard let i = reports.firstIndex(where: { $0.id == report.id }) else { return report }
    return try details(of: reports[i], refs[i])
  }

  /// A talk with its text and its mentions' excerpts.
  public func details(of talk: Talk) throws -> Talk {
    let (talks, refs) = try talksAndRefs()
    guard let i = talks.firstIndex(where: { $0.id == talk.id }) else { return talk }
    return try details(of: talks[i], refs[i])
  }

  /// The search index over the same file.
  public func searchIndex(synonyms: Synonyms) throws -> SearchIndex {
    try reading { try SearchIndex(file: file, synonyms: synonyms) }
  }
}
