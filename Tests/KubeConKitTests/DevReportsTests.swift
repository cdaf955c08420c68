import Foundation
import Testing
@testable import KubeConKit

/// Real reports nobody tuned the rules on; they run when `../shared/dev-reports` is present.
@Suite(.enabled(if: Fixtures.hasDevReports)) struct DevReportsTests {
  struct Source: Sendable, CustomStringConvertible {
    var file, language, city, region: String
    var year: Int
    var description: String { file }
  }

  static let sources: [Source] = {
    guard let tsv = try? String(contentsOf: Fixtures.devReports.appendingPathComponent("SOURCES.tsv"), encoding: .utf8) else { return [] }
    return tsv.split(separator: "\n").dropFirst().compactMap { line in
      let f = line.split(separator: "\t").map(String.init)
      guard f.count >= 8, let year = Int(f[5]) else { return nil }
      return Source(file: f[0], language: f[4], city: f[6], region: f[7], year: year)
    }
  }()

  @Test(arguments: sources)
  func languageAndEditionMatchTheSources(source: Source) throws {
    let parsed = try Fixtures.parser.parse(fileAt: Fixtures.devReports.appendingPathComponent(source.file).path)
    #expect(parsed.report.language == source.language)
    #expect(parsed.report.edition?.year == source.year)
    #expect(parsed.report.edition?.city == source.city)
    #expect(parsed.report.edition?.region == source.region)
  }

  @Test func speakersWithOrganizationsAreFound() throws {
    let harbor = try Fixtures.parser.parse(fileAt: Fixtures.devReports.appendingPathComponent("11_en-harbor-kubecon-na-2023-chicago.md").path)
    let speakers = harbor.talks.flatMap(\.speakers)
    #expect(speakers.contains(SpeakerRef(name: "Eamon Bauman", organization: "Red Hat")))
    // The author is a speaker of the sessions the program lists them in, and of no other talk.
    for talk in harbor.talks where talk.speakers.contains(where: { $0.name == "Vadim Bauer" }) {
      #expect(talk.session?.speakers.contains { $0.name == "Vadim Bauer" } == true, "\(talk.title)")
    }
    #expect(speakers.contains { $0.name == "Vadim Bauer" })
  }
}
