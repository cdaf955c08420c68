import Foundation
import Testing
@testable import KubeConKit

/// The session cache `search` reads: made from the schedule files, made again when they change
/// or when it is damaged, and finding what the schedule files hold.
@Suite struct SessionCacheTests {
  static func session(_ id: String, _ title: String, start: String = "2025-04-02") -> Session {
    Session(
      id: "eu-2025-" + id, edition: "eu-2025", title: title, kind: .session, speakers: [SessionSpeaker(name: "Jane Doe", organization: "Acme")],
      track: "Security", url: nil, start: start, end: nil, location: nil, name: title + " - Jane Doe, Acme")
  }

  static let search = SessionSearch(synonyms: Synonyms(groups: [["dra", "dynamic resource allocation"]]))

  func ids(_ query: String, _ schedules: String, cache: String?, limit: Int = 10) -> [String] {
    Programs(folders: [schedules]).searchSessions(query, in: ["eu-2025"], with: SessionCacheTests.search, cacheFolder: cache, limit: limit)
      .map(\.session.id)
  }

  @Test func sessionsAreFoundByTheirWordsAndSynonymsTitleFirst() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("session-search-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: root) }
    try ScheduleFiles.merge(["eu-2025": [
      SessionCacheTests.session("a", "Widgets at Scale"),
      SessionCacheTests.session("b", "Dynamic Resource Allocation for Widgets", start: "2025-04-03"),
      SessionCacheTests.session("c", "Gadgets Everywhere"),
      SessionCacheTests.session("0", "Gadgets Nowhere"),
    ]], into: root)
    #expect(ids("widgets", root, cache: nil) == ["eu-2025-b", "eu-2025-a"])  // the latest first
    #expect(ids("dra", root, cache: nil) == ["eu-2025-b"])
    #expect(ids("widget scale", root, cache: nil) == ["eu-2025-a"])  // every word, plurals folded
    #expect(ids("acme", root, cache: nil).count == 4)  // the organization counts, less than a title
    #expect(ids("gadgets", root, cache: nil) == ["eu-2025-0", "eu-2025-c"])  // one day: by id
    #expect(ids("widgets", root, cache: nil, limit: 1) == ["eu-2025-b"])
    #expect(ids("the", root, cache: nil).isEmpty)
  }

  @Test func theCacheFollowsTheScheduleFiles() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("session-cache-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: root) }
    let schedules = root + "/schedules"
    let cache = root + "/home/.cache/kubecon"
    try FileManager.default.createDirectory(atPath: root + "/home", withIntermediateDirectories: true)
    try ScheduleFiles.merge(["eu-2025": [SessionCacheTests.session("a", "Widgets at Scale")]], into: schedules)

    #expect(ids("widgets", schedules, cache: cache) == ["eu-2025-a"])
    #expect(FileManager.default.fileExists(atPath: cache + "/sessions.cache"))
    #expect(ids("widgets", schedules, cache: cache) == ["eu-2025-a"])  // from the cache now

    // A schedule file changed: the cache is made again.
    try ScheduleFiles.merge(["eu-2025": [SessionCacheTests.session("b", "More Widgets", start: "2025-04-04")]], into: schedules)
    #expect(ids("widgets", schedules, cache: cache) == ["eu-2025-b", "eu-2025-a"])

    // A damaged cache is made again too.
    let bytes = try Data(contentsOf: URL(fileURLWithPath: cache + "/sessions.cache"))
    try bytes.prefix(bytes.count - 7).write(to: URL(fileURLWithPath: cache + "/sessions.cache"))
    #expect(ids("widgets", schedules, cache: cache).count == 2)
    #expect(try Data(contentsOf: URL(fileURLWithPath: cache + "/sessions.cache")) == bytes)

    // No home: nothing is written, and the schedule files answer.
    #expect(ids("widgets", schedules, cache: root + "/missing-home/.cache/kubecon").count == 2)
    #expect(!FileManager.default.fileExists(atPath: root + "/missing-home"))
  }
}
