import Foundation
@testable import KubeConKit

/// Paths and shared, read-only fixtures for the tests (no mutable state: tests run in parallel).
enum Fixtures {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static let data = root.appendingPathComponent("Data")
  static let reports = data.appendingPathComponent("reports")
  static let shared = root.appendingPathComponent("../shared").standardized
  static let devReports = shared.appendingPathComponent("dev-reports")
  static let landscape = shared.appendingPathComponent("landscape/items.tsv")
  static let seeds = shared.appendingPathComponent("seeds")

  static let catalog: Catalog = {
    do { return try Catalog.load(from: data, scheduleFolders: [data.appendingPathComponent("schedules").path]) } catch { fatalError("catalog: \(error)") }
  }()
  static let parser = ReportParser(catalog: catalog)
  static let speakerParser = SpeakerParser(names: PersonNames(catalog: catalog))

  /// Parses a report written in the test.
  static func parse(_ text: String, file: String = "test.md", explain: Bool = false) throws -> ParsedReport {
    try parser.parse(data: Data(text.utf8), file: file, id: "test", explain: explain)
  }

  static var hasDevReports: Bool { FileManager.default.fileExists(atPath: devReports.path) }
}
