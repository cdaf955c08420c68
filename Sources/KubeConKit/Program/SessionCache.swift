import Foundation

/// Every program's sessions in one file of the user's cache (`sessions.cache`), made from the
/// schedule files and made again when one of them changes: what `kubecon search` reads to find
/// sessions, so that a search neither decodes nor analyzes the schedules.
///
/// The file: a magic line, a key (a digest of the schedule files' paths, sizes and modification
/// times), the number of sessions and the length of their records, a record per session, the
/// latest first, then by id (its edition, id and start, the search terms of its title, those of
/// its track, speakers and organizations, and where its JSON is), then the JSON of every session. A search reads the
/// records, and decodes the JSON of the sessions it shows. The file is derived: one with another
/// key, or that cannot be read, is made again; when it cannot be written, it is made in memory for
/// the run.
enum SessionCache {
  static let magic = Array("KCSESSIONS 4\n".utf8)

  /// A session's record, read in place.
  struct Record {
    var edition, id, start: UnsafeBufferPointer<UInt8>
    /// Search terms (``Analyzer``) between spaces, a space before the first and after the last.
    var titleTerms, otherTerms: UnsafeBufferPointer<UInt8>
    var json: UnsafeBufferPointer<UInt8>
  }

  /// The key of the schedule files the programs read (for each edition, the first folder's file).
  static func key(_ programs: Programs) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    func mix(_ bytes: some Sequence<UInt8>) { for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 } }
    for edition in programs.editions {
      for folder in programs.folders {
        let path = ScheduleFiles.path(folder: folder, edition: edition)
        var info = stat()
        guard stat(path, &info) == 0 else { continue }
        mix(path.utf8)
        withUnsafeBytes(of: Int64(info.st_size)) { mix($0) }
        withUnsafeBytes(of: Int64(info.st_mtim.tv_sec)) { mix($0) }
        withUnsafeBytes(of: Int64(info.st_mtim.tv_nsec)) { mix($0) }
        break
      }
    }
    return h
  }

  /// Terms between spaces: `" dynam resourc alloc "`.
  static func terms(_ text: String, _ analyzer: Analyzer) -> String {
    " " + analyzer.terms(text, keepStopWords: true).joined(separator: " ") + " "
  }

  /// The file's bytes for these sessions (logistics left out: no one searches for a break).
  static func encode(_ sessions: [Session], key: UInt64, analyzer: Analyzer) throws -> [UInt8] {
    var records = ByteWriter()
    var json: [UInt8] = []
    let encoder = ScheduleFiles.sessionEncoder()
    // In the order hits of one score are shown: the latest first, then by id.
    let kept = sessions.filter { $0.kind != .logistics }
      .sorted { ($1.start ?? "", $0.id) < ($0.start ?? "", $1.id) }
    for s in kept {
      records.string(s.edition)
      records.string(s.id)
      records.string(s.start ?? "")
      records.string(terms(s.title, analyzer))
      records.string(terms(([s.track ?? ""] + s.speakers.flatMap { [$0.name, $0.organization ?? ""] }).joined(separator: " "), analyzer))
      let line = try encoder.encode(s)
      records.varint(json.count)
      records.varint(line.count)
      json += line
    }
    var header = ByteWriter(bytes: magic)
    header.u64(key)
    header.u32(UInt32(kept.count))
    header.u32(UInt32(records.count))
    return header.bytes + records.bytes + json
  }

  /// The number of records and where they stand, in a file made with `key`; nil otherwise.
  private static func header(_ bytes: UnsafeBufferPointer<UInt8>, key: UInt64) -> (count: Int, records: Range<Int>)? {
    guard bytes.starts(with: magic) else { return nil }
    var r = ByteReader(UnsafeRawBufferPointer(bytes), at: magic.count)
    guard let stored = try? r.u64(), stored == key, let count = try? r.u32(), let length = try? r.u32(),
      r.offset + Int(length) <= bytes.count
    else { return nil }
    return (Int(count), r.offset..<(r.offset + Int(length)))
  }

  /// The bytes of the records of a file made with `key`; nil otherwise.
  static func recordsArea(_ bytes: UnsafeBufferPointer<UInt8>, key: UInt64) -> UnsafeBufferPointer<UInt8>? {
    header(bytes, key: key).map { UnsafeBufferPointer(rebasing: bytes[$0.records]) }
  }

  /// Reads the records of a file made with `key` in order, each handed to `body` as it is read
  /// (no list of them is made); false when the file is not one (stale or damaged), in which case
  /// `body` may have seen some.
  static func forEachRecord(in bytes: UnsafeBufferPointer<UInt8>, key: UInt64, _ body: (Record) -> Void) -> Bool {
    guard let (count, area) = header(bytes, key: key) else { return false }
    let raw = UnsafeRawBufferPointer(bytes)
    let json = UnsafeRawBufferPointer(rebasing: raw[area.upperBound...])
    var r = ByteReader(UnsafeRawBufferPointer(rebasing: raw[..<area.upperBound]), at: area.lowerBound)
    func field() throws -> UnsafeBufferPointer<UInt8> { try r.bytes(try r.count()).assumingMemoryBound(to: UInt8.self) }
    do {
      for _ in 0..<count {
        let (edition, id, start, title, other) = (try field(), try field(), try field(), try field(), try field())
        let offset = try r.count(), length = try r.count()
        guard offset + length <= json.count else { return false }
        let text = UnsafeRawBufferPointer(rebasing: json[offset..<(offset + length)]).assumingMemoryBound(to: UInt8.self)
        body(Record(edition: edition, id: id, start: start, titleTerms: title, otherTerms: other, json: text))
      }
    } catch {
      return false
    }
    return r.offset == area.upperBound
  }
}

extension Programs {
  /// The sessions of `editions` that match `query` (``SessionSearch``), best first, at most
  /// `limit` of those `keep` keeps, read from the session cache in `cacheFolder` (made first when it
  /// is missing or stale; in memory when there is no cache folder or it cannot be written).
  public func searchSessions(
    _ query: String, in editions: [String], with search: SessionSearch, cacheFolder: String?, limit: Int,
    keep: (Session) -> Bool = { _ in true }
  ) -> [SessionSearch.Hit] {
    let key = SessionCache.key(self)
    let path = cacheFolder.map { $0 + "/sessions.cache" }
    func run(_ bytes: UnsafeBufferPointer<UInt8>) -> [SessionSearch.Hit]? {
      // A word no session has (most rare words): nothing to read further.
      if let area = SessionCache.recordsArea(bytes, key: key), !search.mayMatch(query, anywhereIn: area) { return [] }
      return search.search(query, editions: Set(editions), limit: limit, keep: keep) { visit in
        SessionCache.forEachRecord(in: bytes, key: key, visit)
      }
    }
    if let path, let data = try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped),
      let hits = data.withUnsafeBytes({ run($0.bindMemory(to: UInt8.self)) })
    {
      return hits
    }
    let all = self.editions.flatMap { sessions($0) ?? [] }
    guard let bytes = try? SessionCache.encode(all, key: key, analyzer: search.analyzer) else { return [] }
    // (The cache folder is made in a home that exists: `~/.cache/kubecon` in `~`.)
    if let cacheFolder, let path,
      FileManager.default.fileExists(atPath: ((cacheFolder as NSString).deletingLastPathComponent as NSString).deletingLastPathComponent)
    {
      try? FileManager.default.createDirectory(atPath: cacheFolder, withIntermediateDirectories: true)
      try? CorpusStore.writeAtomically(bytes, to: path)
    }
    return bytes.withUnsafeBufferPointer { run($0) } ?? []
  }
}
