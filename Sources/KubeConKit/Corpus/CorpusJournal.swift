import Foundation

/// The reports added to a large corpus since its JSON file was last written: a folder beside the
/// corpus (`corpus.json.journal/`) holding one JSON file per `add` (`00000001.json`, ...), each
/// written atomically and never changed after.
///
/// Rewriting a corpus of hundreds of megabytes for each added report takes seconds; with the
/// journal, `add` writes the new reports only. The corpus is its JSON file with the journal's
/// records added in order (``CorpusStore/load(_:catalog:)``); writing the corpus
/// (``CorpusStore/save(_:to:)``) folds them in and removes the folder. Adding a record again to a
/// corpus that already holds it changes nothing (a report is known by its content), so a `save`
/// interrupted between writing the file and removing the folder loses nothing.
///
/// A record is `{"reports": [...], "schemaVersion": 2}`, the reports as they were parsed (the
/// form of ``Report`` in a corpus, before linking).
public struct CorpusJournal {
  /// The journal's folder.
  let folder: String

  init(corpus path: String) { folder = path + ".journal" }

  /// A record: reports as they were parsed, and the schema they were written in.
  struct Entry: FieldListed {
    var reports: [Report] = []
    var schemaVersion = Corpus.currentSchemaVersion

    mutating func fields<V: FieldVisitor>(_ v: inout V) throws(V.Failure) {
      try v.field("reports", &reports)
      try v.field("schemaVersion", &schemaVersion)
    }
  }

  /// When `add` writes to the journal rather than rewriting the corpus file.
  public struct Policy: Sendable {
    /// Smaller corpus files are rewritten: it takes a fraction of a second, and their JSON file
    /// then always holds everything.
    var minimumCorpusSize: Int
    /// The journal is folded in once it would grow past this fraction of the corpus file, so
    /// that rewriting the file costs, spread over the adds, a few bytes written per byte added.
    var maximumFraction: Int

    init(minimumCorpusSize: Int, maximumFraction: Int) {
      self.minimumCorpusSize = minimumCorpusSize
      self.maximumFraction = maximumFraction
    }

    /// From 4 MB (~70 reports); folded at an eighth of the corpus file.
    public static let standard = Policy(minimumCorpusSize: 4 << 20, maximumFraction: 8)

    /// Whether `adding` more bytes to a journal of `journal` bytes beside a corpus file of
    /// `corpus` bytes goes to the journal.
    func journals(adding: Int, to journal: Int, corpus: Int) -> Bool {
      corpus >= minimumCorpusSize && journal + adding <= corpus / maximumFraction
    }
  }

  /// One record: its number (its file's name) and what `stat` said of its file.
  struct Record {
    let number: Int
    let path: String
    let info: stat

    var size: Int { Int(info.st_size) }
  }

  /// The records, in the order they were written. Other files (the temporary file of an
  /// interrupted write) are not records.
  func records() -> [Record] {
    guard let dir = opendir(folder) else { return [] }
    defer { closedir(dir) }
    var found: [Record] = []
    while let entry = readdir(dir) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
      guard let number = Self.number(name) else { continue }
      let path = folder + "/" + name
      var info = stat()
      guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
      found.append(Record(number: number, path: path, info: info))
    }
    return found.sorted { $0.number < $1.number }
  }

  /// The number of a record's file name (eight digits, then `.json`).
  static func number(_ name: String) -> Int? {
    let bytes = Array(name.utf8)
    guard bytes.count == 13, name.hasSuffix(".json"), bytes[..<8].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
    return Int(name.prefix(8))
  }

  /// What identifies these records' files (numbers, sizes, modification times, inodes): an index
  /// made with them is stale once any of them changes.
  static func digest(_ records: some Collection<Record>) -> UInt64 {
    var w = ByteWriter()
    for r in records {
      w.u64(UInt64(r.number))
      w.u64(UInt64(r.info.st_size))
      w.u64(UInt64(bitPattern: Int64(r.info.st_mtim.tv_sec)))
      w.u64(UInt64(bitPattern: Int64(r.info.st_mtim.tv_nsec)))
      w.u64(UInt64(r.info.st_ino))
    }
    return Checksum.of(w.bytes)
  }

  /// The reports of these records, in order.
  /// - Throws: ``KubeConError/corruptCorpus(_:reason:)`` naming the record that cannot be read,
  ///   ``KubeConError/newerSchema(_:found:known:)`` for a record of a newer kubecon.
  static func reports(of records: [Record]) throws -> [ParsedReport] {
    var reports: [ParsedReport] = []
    for record in records {
      let data = try FileReading.read(record.path)
      let entry: Entry = try data.withUnsafeBytes { raw in
        do {
          return try JSONReader.read(raw.bindMemory(to: UInt8.self)) { try Entry.read(json: &$0, []) }
        } catch let problem as JSONReader.Problem {
          throw KubeConError.corruptCorpus(record.path, reason: problem.description)
        }
      }
      if entry.schemaVersion > Corpus.currentSchemaVersion {
        throw KubeConError.newerSchema(record.path, found: entry.schemaVersion, known: Corpus.currentSchemaVersion)
      }
      reports += entry.reports.map(ParsedReport.init(unlinking:))
    }
    return reports
  }

  /// The corpus with these records' reports added (and everything linked again).
  static func replay(_ records: [Record], onto corpus: Corpus, catalog: () throws -> Catalog) throws -> Corpus {
    guard !records.isEmpty else { return corpus }
    return CorpusEditor.add(try reports(of: records), to: corpus, catalog: try catalog()).corpus
  }

  /// The bytes of a record of these reports.
  static func record(_ reports: [Report]) -> [UInt8] {
    var w = JSONWriter(capacity: 1 << 14)
    Entry(reports: reports).write(json: &w, [])
    w.newline()
    return w.bytes
  }

  /// Writes a record (made by ``record(_:)``) after the last one.
  /// - Returns: the record's path.
  @discardableResult
  func append(_ record: [UInt8], after records: [Record]) throws -> String {
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
      throw KubeConError.writeFailed(folder, reason: ReportParser.reason(error))
    }
    let path = folder + "/" + String(String((records.last?.number ?? 0) + 1 + 100_000_000).dropFirst())
      + ".json"
    try CorpusStore.writeAtomically(record, to: path)
    return path
  }

  /// Removes the folder and its records (once the corpus file holds them).
  func remove() throws {
    guard FileManager.default.fileExists(atPath: folder) else { return }
    do {
      try FileManager.default.removeItem(atPath: folder)
    } catch {
      throw KubeConError.writeFailed(folder, reason: ReportParser.reason(error))
    }
  }
}
