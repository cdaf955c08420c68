import Foundation

/// The schedules folder: one JSON file per edition (`eu-2025.json`), one session per line, keys
/// sorted, sessions in program order, so that a new import shows as a readable diff.
///
/// ```json
/// {"edition": "eu-2025", "sessions": [
/// {"edition":"eu-2025","end":"2025-04-04","id":"eu-2025-1txVP",...},
/// ...
/// ]}
/// ```
public enum ScheduleFiles {
  /// The user's schedules: `$XDG_DATA_HOME/kubecon/schedules`, or `~/.local/share/kubecon/schedules`.
  public static func userFolder(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
    if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty { return xdg + "/kubecon/schedules" }
    let home = environment["HOME"] ?? NSHomeDirectory()
    return home + "/.local/share/kubecon/schedules"
  }

  static func path(folder: String, edition: String) -> String { folder + "/" + edition + ".json" }

  /// How a session is written as one line (keys sorted, slashes as they are): in the edition's
  /// file and in the session cache.
  static func sessionEncoder() -> JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return encoder
  }

  /// The bytes of an edition's file.
  static func encode(edition: String, sessions: [Session]) throws -> Data {
    let encoder = sessionEncoder()
    var out = Data("{\"edition\": \"\(edition)\", \"sessions\": [\n".utf8)
    for (k, s) in sessions.enumerated() {
      out += try encoder.encode(s)
      out += Data((k == sessions.count - 1 ? "\n" : ",\n").utf8)
    }
    out += Data("]}\n".utf8)
    return out
  }

  /// An edition's sessions from its file, or nil when there is none.
  /// - Throws: ``KubeConError/badCatalog(_:reason:)`` when the file is there and cannot be read.
  static func read(folder: String, edition: String) throws -> [Session]? {
    let path = path(folder: folder, edition: edition)
    guard FileManager.default.fileExists(atPath: path) else { return nil }
    do {
      let data = try Data(contentsOf: URL(fileURLWithPath: path))
      return try data.withUnsafeBytes { raw in
        try JSONReader.read(raw.bindMemory(to: UInt8.self)) { r in
          var sessions: [Session]?
          try r.object { r, key in
            if key == "sessions" { sessions = try [Session].read(json: &r, []) } else { try r.skip() }
          }
          return try required(sessions, "sessions")
        }
      }
    } catch {
      throw KubeConError.badCatalog(path, reason: "\(error)")
    }
  }

  /// The editions that have a file in `folder`.
  static func editions(in folder: String) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return names.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
  }

  /// Merges `sessions` (by edition) into the files of `folder`: a session replaces the one with
  /// its id. Each file is written atomically, and only when its bytes change.
  /// - Returns: for each edition, the number of sessions added, changed and the total.
  @discardableResult
  public static func merge(_ sessions: [String: [Session]], into folder: String) throws -> [(edition: String, added: Int, changed: Int, total: Int)] {
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    var report: [(edition: String, added: Int, changed: Int, total: Int)] = []
    // Every file is made before any is written: a file that cannot be read stops the import.
    var writes: [(path: String, data: Data)] = []
    for edition in sessions.keys.sorted() {
      let old = try read(folder: folder, edition: edition) ?? []
      var byId = Dictionary(old.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
      var added = 0, changed = 0
      for s in sessions[edition] ?? [] {
        if let was = byId[s.id] { if was != s { changed += 1 } } else { added += 1 }
        byId[s.id] = s
      }
      let all = ScheduleImport.ordered(Array(byId.values))
      let data = try encode(edition: edition, sessions: all)
      let path = path(folder: folder, edition: edition)
      if (try? Data(contentsOf: URL(fileURLWithPath: path))) != data { writes.append((path, data)) }
      report.append((edition, added, changed, all.count))
    }
    for w in writes { try CorpusStore.writeAtomically(w.data, to: w.path) }
    return report
  }
}

/// The programs of the editions, read from the schedules folders when an edition is first asked
/// for (a report's parse needs only its own edition's). Editions load in parallel; threads that
/// ask for one edition at once wait for one load.
public final class Programs: @unchecked Sendable {
  /// Searched in order: the first folder with an edition's file gives its program.
  let folders: [String]
  private let lock = NSLock()
  private var slots: [String: Slot] = [:]

  /// One edition's sessions and program, each loaded once.
  private final class Slot: @unchecked Sendable {
    let lock = NSLock()
    var read = false
    var sessions: [Session]?
    var indexed = false
    var program: Program?
  }

  public init(folders: [String]) {
    self.folders = folders
  }

  /// No programs at all.
  static let none = Programs(folders: [])

  /// The program of an edition, or nil when no folder has it (or its file cannot be read).
  func program(_ edition: String) -> Program? {
    withSlot(edition) { slot in
      if !slot.indexed {
        slot.program = sessions(in: slot, edition).map { Program(edition: edition, sessions: $0) }
        slot.indexed = true
      }
      return slot.program
    }
  }

  /// An edition's sessions as its file lists them, without indexing them for linking; nil when
  /// no folder has the edition.
  public func sessions(_ edition: String) -> [Session]? {
    withSlot(edition) { sessions(in: $0, edition) }
  }

  /// The session with this id (`eu-2025-1txVP`): looked up in the edition its id starts with.
  public func session(id: String) -> Session? {
    for edition in editions where id.hasPrefix(edition + "-") {
      if let s = sessions(edition)?.first(where: { $0.id == id }) { return s }
    }
    return nil
  }

  private func withSlot<T>(_ edition: String, _ body: (Slot) -> T) -> T {
    lock.lock()
    let slot = slots[edition] ?? Slot()
    slots[edition] = slot
    lock.unlock()
    slot.lock.lock()
    defer { slot.lock.unlock() }
    return body(slot)
  }

  private func sessions(in slot: Slot, _ edition: String) -> [Session]? {
    if !slot.read {
      slot.sessions = folders.lazy.compactMap { try? ScheduleFiles.read(folder: $0, edition: edition) }.first
      slot.read = true
    }
    return slot.sessions
  }

  /// The editions some folder has a program of.
  public var editions: [String] {
    Array(Set(folders.flatMap { ScheduleFiles.editions(in: $0) })).sorted()
  }
}
