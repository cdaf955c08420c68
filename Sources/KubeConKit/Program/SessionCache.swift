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
  static let magic = Array("KCSESSIONS 3\n".utf8)

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
    var records: [UInt8] = []
    var json: [UInt8] = []
    func u32(_ v: Int, _ out: inout [UInt8]) { withUnsafeBytes(of: UInt32(v).littleEndian) { out += $0 } }
    func field(_ s: String) {
      let bytes = Array(s.utf8)
      u32(bytes.count, &records)
      records += bytes
    }
    let encoder = ScheduleFiles.sessionEncoder()
    // In the order hits of one score are shown: the latest first, then by id.
    let kept = sessions.filter { $0.kind != .logistics }
      .sorted { ($1.start ?? "", $0.id) < ($0.start ?? "", $1.id) }
    for s in kept {
      field(s.edition)
      field(s.id)
      field(s.start ?? "")
      field(terms(s.title, analyzer))
      field(terms(([s.track ?? ""] + s.speakers.flatMap { [$0.name, $0.organization ?? ""] }).joined(separator: " "), analyzer))
      let line = try encoder.encode(s)
      u32(json.count, &records)
      u32(line.count, &records)
      json += line
    }
    var out = magic
    withUnsafeBytes(of: key.littleEndian) { out += $0 }
    u32(kept.count, &out)
    u32(records.count, &out)
    return out + records + json
  }

  /// The bytes of the records of a file made with `key` (its header says so); nil otherwise.
  static func recordsArea(_ bytes: UnsafeBufferPointer<UInt8>, key: UInt64) -> UnsafeBufferPointer<UInt8>? {
    let start = magic.count + 16
    guard bytes.count >= start, bytes.starts(with: magic) else { return nil }
    func u64(_ at: Int, _ n: Int) -> UInt64 { (0..<n).reduce(UInt64(0)) { $0 | UInt64(bytes[at + $1]) << (8 * UInt64($1)) } }
    let length = Int(u64(magic.count + 12, 4))
    guard u64(magic.count, 8) == key, start + length <= bytes.count else { return nil }
    return UnsafeBufferPointer(rebasing: bytes[start..<(start + length)])
  }

  /// Reads the records of a file made with `key` in order, each handed to `body` as it is read
  /// (no list of them is made); false when the file is not one (stale or damaged), in which case
  /// `body` may have seen some.
  static func forEachRecord(in bytes: UnsafeBufferPointer<UInt8>, key: UInt64, _ body: (Record) -> Void) -> Bool {
    var i = 0
    func u32() -> Int? {
      guard i + 4 <= bytes.count else { return nil }
      defer { i += 4 }
      return Int(UInt32(littleEndian: UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt32.self)))
    }
    func field(before end: Int) -> UnsafeBufferPointer<UInt8>? {
      guard let n = u32(), i + n <= end else { return nil }
      defer { i += n }
      return UnsafeBufferPointer(start: bytes.baseAddress! + i, count: n)
    }
    guard bytes.count >= magic.count + 16, bytes.starts(with: magic) else { return false }
    i = magic.count
    var stored: UInt64 = 0
    for k in 0..<8 { stored |= UInt64(bytes[i + k]) << (8 * UInt64(k)) }
    i += 8
    guard stored == key, let count = u32(), let recordsLength = u32(), i + recordsLength <= bytes.count else { return false }
    let jsonStart = i + recordsLength
    for _ in 0..<count {
      guard let edition = field(before: jsonStart), let id = field(before: jsonStart), let start = field(before: jsonStart),
        let title = field(before: jsonStart), let other = field(before: jsonStart),
        let offset = u32(), let length = u32(), jsonStart + offset + length <= bytes.count
      else { return false }
      let json = UnsafeBufferPointer(start: bytes.baseAddress! + jsonStart + offset, count: length)
      body(Record(edition: edition, id: id, start: start, titleTerms: title, otherTerms: other, json: json))
    }
    return i == jsonStart
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
