import Foundation
import Testing
@testable import KubeConKit

/// Programs read from Sched's iCalendar export, TSV and CSV, and written as one file per edition.
@Suite struct ScheduleReaderTests {
  /// A hand-written export: a folded SUMMARY, escaped commas and semicolons, TZID and UTC times,
  /// and a broken event between two good ones.
  static let ics = [
    "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Sched//EN",
    "BEGIN:VEVENT",
    "DTSTART;TZID=Europe/London:20250402T111500",
    "DTEND;TZID=Europe/London:20250402T114500",
    "SUMMARY:More Nodes\\, More Problems: Solving Multi-Host GPU/TPU Scheduling With Dynamic Re",
    " source Allocation - John Belamaric & Morten Torkildsen\\, Google",
    "CATEGORIES:AI + ML",
    "LOCATION:Level 1 | Hall Entrance S10 | Room C",
    "URL:https://kccnceu2025.sched.com/event/1tx9D/more-nodes",
    "END:VEVENT",
    "BEGIN:VEVENT",
    "DTSTART:20250403T090000Z",
    "SUMMARY:A talk whose date is no date",
    "DTSTART-BROKEN",
    "END:VEVENT",
    "BEGIN:VEVENT",
    "DTSTART:20250403T090000Z",
    "SUMMARY:Keynote: Closing Remarks\\; See You in Amsterdam",
    "CATEGORIES:Keynote Sessions",
    "END:VEVENT",
    "END:VCALENDAR", "",
  ].joined(separator: "\r\n")

  @Test func readsFoldedEscapedEventsAndWarnsOnABrokenOne() throws {
    let (rows, warnings) = ScheduleReader.read(ScheduleReaderTests.ics, file: "eu.ics")
    #expect(rows.count == 2)
    let dra = try #require(rows.first)
    #expect(dra.name == "More Nodes, More Problems: Solving Multi-Host GPU/TPU Scheduling With Dynamic Resource Allocation - John Belamaric & Morten Torkildsen, Google")
    #expect(dra.start == "2025-04-02T11:15" && dra.end == "2025-04-02T11:45")
    #expect(dra.track == "AI + ML" && dra.location == "Level 1 | Hall Entrance S10 | Room C")
    #expect(dra.event == "kccnceu2025" && dra.line == 4)
    #expect(rows[1].name == "Keynote: Closing Remarks; See You in Amsterdam" && rows[1].start == "2025-04-03T09:00Z")
    #expect(warnings.count == 1)
    #expect(warnings.first?.description.hasPrefix("eu.ics:16:") == true)
  }

  @Test func sessionsGoToTheirEditionsWithSchedIds() throws {
    let (rows, _) = ScheduleReader.read(ScheduleReaderTests.ics, file: "eu.ics")
    let (sessions, warnings) = ScheduleImport(catalog: Fixtures.catalog).sessions(rows, file: "eu.ics")
    #expect(warnings.isEmpty)
    let eu = try #require(sessions["eu-2025"])
    let dra = try #require(eu.first { $0.id == "eu-2025-1tx9D" })
    #expect(dra.speakers == [SessionSpeaker(name: "John Belamaric", organization: "Google"), SessionSpeaker(name: "Morten Torkildsen", organization: "Google")])
    // Without a Sched link, the id is made from the title; the date tells the edition.
    #expect(eu.contains { $0.id == "eu-2025-closing-remarks-see-you-in-amsterdam" && $0.kind == .keynote })
  }

  @Test func tablesWarnOnBadRowsByLine() {
    let tsv = "edition\tyear\tregion\tcity\tstart\tend\ttrack\turl\tname\n"
      + "kccnceu2024\t2024\tEU\tParis\t2024-03-19\t2024-03-22\tSecurity\thttps://kccnceu2024.sched.com/event/1YeM1/x\tA Talk - Jane Doe, Acme\n"
      + "kccnceu2024\t2024\tEU\tParis\n"
      + "kccnceu2024\tlater\tEU\tParis\t\t\t\t\tAnother Talk\n"
    let (rows, warnings) = ScheduleReader.read(tsv, file: "s.tsv")
    #expect(rows.map(\.name) == ["A Talk - Jane Doe, Acme"])
    #expect(warnings.map(\.line) == [3, 4])
    let csv = "name,year,city,url\n\"Quoted, With \"\"Quotes\"\" - Jane Doe, Acme\",2022,Valencia,\n"
    let (csvRows, csvWarnings) = ScheduleReader.read(csv, file: "s.csv")
    #expect(csvWarnings.isEmpty)
    #expect(csvRows.first?.name == "Quoted, With \"Quotes\" - Jane Doe, Acme" && csvRows.first?.city == "Valencia")
    let (sessions, _) = ScheduleImport(catalog: Fixtures.catalog).sessions(csvRows, file: "s.csv")
    #expect(sessions["eu-2022"]?.first?.speakers.first?.organization == "Acme")
  }

  @Test func importingTwiceChangesNothing() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("schedules-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let (rows, _) = ScheduleReader.read(ScheduleReaderTests.ics, file: "eu.ics")
    let (sessions, _) = ScheduleImport(catalog: Fixtures.catalog).sessions(rows, file: "eu.ics")
    let first = try ScheduleFiles.merge(sessions, into: folder)
    let bytes = try Data(contentsOf: URL(fileURLWithPath: folder + "/eu-2025.json"))
    let second = try ScheduleFiles.merge(sessions, into: folder)
    #expect(first.map(\.added) == [2] && second.map(\.added) == [0] && second.map(\.changed) == [0])
    #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/eu-2025.json")) == bytes)
    #expect(try ScheduleFiles.read(folder: folder, edition: "eu-2025")?.count == 2)
  }

  /// `Data/schedules/` is what a fresh import of the shared program gives.
  @Test(.enabled(if: FileManager.default.fileExists(atPath: Fixtures.shared.appendingPathComponent("schedules/sessions.tsv").path)))
  func bundledSchedulesAreCurrent() throws {
    let path = Fixtures.shared.appendingPathComponent("schedules/sessions.tsv").path
    let (rows, warnings) = ScheduleReader.read(try String(contentsOfFile: path, encoding: .utf8), file: path)
    #expect(warnings.isEmpty)
    let (sessions, placeWarnings) = ScheduleImport(catalog: Fixtures.catalog).sessions(rows, file: path)
    #expect(placeWarnings.isEmpty)
    #expect(sessions.count == 12)
    for (edition, list) in sessions {
      let fresh = try ScheduleFiles.encode(edition: edition, sessions: list)
      let committed = try Data(contentsOf: Fixtures.data.appendingPathComponent("schedules/\(edition).json"))
      #expect(fresh == committed, "Data/schedules/\(edition).json is stale: run kubecon schedule import")
    }
  }
}
