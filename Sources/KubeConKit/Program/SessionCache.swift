import Foundation

/// Every program's sessions in one file of the user's cache (`sessions.cache`), made from the
/// schedule files and made again when one of them changes: what `kubecon search` reads to find
/// sessions, so that a search neither decodes nor folds the schedules.
///
/// The file: a magic line, a key (a digest of the schedule files' paths, sizes and modification
/// times), the number of sessions, then for each its folded words (title, track, speakers and
/// their organizations) and its JSON line. It is derived: a file with another key, or that
/// cannot be read, is made again; when it cannot be written, the sessions are read from the
/// schedule files for this run.
enum SessionCache {
  static let magic = Array("KCSESSIONS 1\n".utf8)

  /// The key of the schedule files of `folders` (the first folder with an edition gives it).
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

  /// What a session is searched by, folded.
  static func searchText(_ s: Session) -> String {
    Folding.fold(([s.title, s.track ?? ""] + s.speakers.flatMap { [$0.name, $0.organization ?? ""] }).joined(separator: " "))
  }

  /// The file's bytes for these sessions: the header, a record per session (its folded words,
  /// and where its JSON is), then the JSON of every session. A search reads the records, and the
  /// JSON of the sessions it keeps only (the file is mapped).
  static func encode(_ sessions: [Session], key: UInt64) throws -> [UInt8] {
    var records: [UInt8] = []
    var json: [UInt8] = []
    func u32(_ v: Int, _ out: inout [UInt8]) { withUnsafeBytes(of: UInt32(v).littleEndian) { out += $0 } }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    for s in sessions {
      let text = Array(searchText(s).utf8)
      let line = try encoder.encode(s)
      u32(text.count, &records)
      records += text
      u32(json.count, &records)
      u32(line.count, &records)
      json += line
    }
    var out = magic
    withUnsafeBytes(of: key.littleEndian) { out += $0 }
    u32(sessions.count, &out)
    u32(records.count, &out)
    return out + records + json
  }

  /// The sessions of the file whose folded words pass `filter`, or nil when the file is not one
  /// made with `key` (missing, stale or damaged).
  static func sessions(in bytes: UnsafeBufferPointer<UInt8>, key: UInt64, where filter: (UnsafeBufferPointer<UInt8>) -> Bool) -> [Session]? {
    var i = 0
    func u32() -> Int? {
      guard i + 4 <= bytes.count else { return nil }
      defer { i += 4 }
      return Int(UInt32(bytes[i]) | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2]) << 16 | UInt32(bytes[i + 3]) << 24)
    }
    guard bytes.count >= magic.count + 16, bytes.starts(with: magic) else { return nil }
    i = magic.count
    var stored: UInt64 = 0
    for k in 0..<8 { stored |= UInt64(bytes[i + k]) << (8 * UInt64(k)) }
    i += 8
    guard stored == key, let count = u32(), let recordsLength = u32() else { return nil }
    let jsonStart = i + recordsLength
    guard jsonStart <= bytes.count else { return nil }
    var found: [Session] = []
    for _ in 0..<count {
      guard let textLength = u32(), i + textLength <= jsonStart else { return nil }
      let text = UnsafeBufferPointer(rebasing: bytes[i..<(i + textLength)])
      i += textLength
      guard let offset = u32(), let length = u32(), jsonStart + offset + length <= bytes.count else { return nil }
      guard filter(text) else { continue }
      let line = UnsafeBufferPointer(rebasing: bytes[(jsonStart + offset)..<(jsonStart + offset + length)])
      guard let s = try? JSONReader.read(line, { try Session(json: &$0) }) else { return nil }
      found.append(s)
    }
    return i == jsonStart ? found : nil
  }
}

extension Programs {
  /// The sessions of `editions` whose title, track, speakers or organizations, folded, pass
  /// `filter`, read from the session cache in `cacheFolder` (made first when it is missing or
  /// stale), or from the schedule files when there is no cache.
  public func sessions(
    of editions: [String], whereFolded filter: (UnsafeBufferPointer<UInt8>) -> Bool, cacheFolder: String?
  ) -> [Session] {
    let wanted = Set(editions)
    func passes(_ s: Session) -> Bool {
      var text = SessionCache.searchText(s)
      return text.withUTF8(filter)
    }
    guard let cacheFolder else { return editions.flatMap { (sessions($0) ?? []).filter(passes) } }
    let path = cacheFolder + "/sessions.cache"
    let key = SessionCache.key(self)
    if let data = try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped),
      let found = data.withUnsafeBytes({ SessionCache.sessions(in: $0.bindMemory(to: UInt8.self), key: key, where: filter) })
    {
      return found.filter { wanted.contains($0.edition) }
    }
    let all = self.editions.flatMap { sessions($0) ?? [] }
    // (The cache folder is made in a home that exists: `~/.cache/kubecon` in `~`.)
    let home = ((cacheFolder as NSString).deletingLastPathComponent as NSString).deletingLastPathComponent
    if FileManager.default.fileExists(atPath: home), let bytes = try? SessionCache.encode(all, key: key) {
      try? FileManager.default.createDirectory(atPath: cacheFolder, withIntermediateDirectories: true)
      try? CorpusStore.writeAtomically(bytes, to: path)
    }
    return all.filter { wanted.contains($0.edition) && passes($0) }
  }
}
