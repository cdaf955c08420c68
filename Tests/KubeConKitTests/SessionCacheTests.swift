import Foundation
import Testing
@testable import KubeConKit

/// The session cache `search` reads: made from the schedule files, made again when they change
/// or when it is damaged, and giving what the schedule files give.
@Suite struct SessionCacheTests {
  static func session(_ id: String, _ title: String) -> Session {
    Session(
      id: "eu-2025-" + id, edition: "eu-2025", title: title, kind: .session, speakers: [SessionSpeaker(name: "Jane Doe", organization: "Acme")],
      track: "Security", url: nil, start: nil, end: nil, location: nil, name: title + " - Jane Doe, Acme")
  }

  @Test func theCacheFollowsTheScheduleFiles() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("session-cache-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: root) }
    let schedules = root + "/schedules"
    let cache = root + "/home/.cache/kubecon"
    try FileManager.default.createDirectory(atPath: root + "/home", withIntermediateDirectories: true)
    try ScheduleFiles.merge(["eu-2025": [SessionCacheTests.session("a", "Widgets at Scale")]], into: schedules)
    let all: (UnsafeBufferPointer<UInt8>) -> Bool = { _ in true }
    let widgets = SessionSearch(synonyms: Synonyms(groups: [])).mayMatch("widgets")

    #expect(Programs(folders: [schedules]).sessions(of: ["eu-2025"], whereFolded: widgets, cacheFolder: cache).map(\.id) == ["eu-2025-a"])
    #expect(FileManager.default.fileExists(atPath: cache + "/sessions.cache"))
    // Read from the cache now: the same, and only what passes the filter.
    #expect(Programs(folders: [schedules]).sessions(of: ["eu-2025"], whereFolded: widgets, cacheFolder: cache).map(\.id) == ["eu-2025-a"])
    #expect(Programs(folders: [schedules]).sessions(of: ["eu-2025"], whereFolded: SessionSearch(synonyms: Synonyms(groups: [])).mayMatch("gadgets"), cacheFolder: cache).isEmpty)
    #expect(Programs(folders: [schedules]).sessions(of: ["na-2025"], whereFolded: all, cacheFolder: cache).isEmpty)

    // A schedule file changed: the cache is made again.
    try ScheduleFiles.merge(["eu-2025": [SessionCacheTests.session("b", "Gadgets Everywhere")]], into: schedules)
    #expect(Programs(folders: [schedules]).sessions(of: ["eu-2025"], whereFolded: all, cacheFolder: cache).map(\.id).sorted() == ["eu-2025-a", "eu-2025-b"])

    // A damaged cache is made again too.
    let bytes = try Data(contentsOf: URL(fileURLWithPath: cache + "/sessions.cache"))
    try bytes.prefix(bytes.count - 7).write(to: URL(fileURLWithPath: cache + "/sessions.cache"))
    #expect(Programs(folders: [schedules]).sessions(of: ["eu-2025"], whereFolded: all, cacheFolder: cache).count == 2)
    #expect(try Data(contentsOf: URL(fileURLWithPath: cache + "/sessions.cache")) == bytes)

    // No home: nothing is written, and the schedule files answer.
    let nowhere = root + "/missing-home/.cache/kubecon"
    #expect(Programs(folders: [schedules]).sessions(of: ["eu-2025"], whereFolded: all, cacheFolder: nowhere).count == 2)
    #expect(!FileManager.default.fileExists(atPath: root + "/missing-home"))
  }
}
