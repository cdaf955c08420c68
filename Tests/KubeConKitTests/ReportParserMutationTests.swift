import Foundation
import Testing
@testable import KubeConKit

/// Mutated reports (cut, duplicated, shuffled lines, random bytes) give a report or a typed error,
/// never a crash, and the same input always gives the same result.
@Suite struct MutationTests {
  static func mutate(_ data: Data, _ rng: inout SeededGenerator) -> Data {
    var bytes = [UInt8](data)
    var lines = data.split(separator: 0x0A, omittingEmptySubsequences: false).map { Array($0) }
    switch rng.below(7) {
    case 0:  // cut anywhere (also inside a UTF-8 sequence)
      bytes = Array(bytes.prefix(rng.below(bytes.count + 1)))
    case 1:  // duplicate a run of lines
      let start = rng.below(lines.count)
      let end = min(lines.count, start + 1 + rng.below(20))
      lines.insert(contentsOf: lines[start..<end], at: rng.below(lines.count + 1))
      bytes = Array(lines.joined(separator: [0x0A]))
    case 2:  // shuffle the lines
      for i in lines.indices.reversed() { lines.swapAt(i, rng.below(i + 1)) }
      bytes = Array(lines.joined(separator: [0x0A]))
    case 3:  // random bytes sprinkled in
      for _ in 0..<(1 + rng.below(30)) where !bytes.isEmpty { bytes[rng.below(bytes.count)] = UInt8(truncatingIfNeeded: rng.next()) }
    case 4:  // markup characters inserted
      let pieces: [String] = ["---\n", "+++\n", "# ", "```", "<!--", "-->", "<", "**", "[", "](", "\n- ", "{{<", "«", "#\n", "\r\n", "<html>", "<script>", "&#x"]
      for _ in 0..<(1 + rng.below(20)) {
        bytes.insert(contentsOf: Array(pieces[rng.below(pieces.count)].utf8), at: rng.below(bytes.count + 1))
      }
    case 5:  // delete a run of lines
      let start = rng.below(lines.count)
      lines.removeSubrange(start..<min(lines.count, start + 1 + rng.below(30)))
      bytes = Array(lines.joined(separator: [0x0A]))
    default:  // one very long line
      bytes = Array(lines.map { $0 + [0x20] }.joined())
    }
    return Data(bytes)
  }

  @Test(arguments: ["fr-ippon-kubecon-eu-2025-london.txt", "en-sokube-kubecon-eu-2025-london.txt", "fr-sokube-kubecon-eu-2024-paris.txt", "fr-arte-kubecon-eu-2024-paris.md"])
  func mutatedReportsParseOrFailWithATypedError(_ name: String) throws {
    let original = try Data(contentsOf: Fixtures.reports.appendingPathComponent(name))
    var rng = SeededGenerator(seed: UInt64(name.utf8.count) &* 7919)
    for round in 0..<8 {
      var data = original
      for _ in 0...rng.below(3) { data = MutationTests.mutate(data, &rng) }
      let file = round % 4 == 0 ? name + ".html" : name
      do {
        let parsed = try Fixtures.parser.parse(data: data, file: file, id: "mutant")
        if round % 4 == 1 {
          let again = try Fixtures.parser.parse(data: data, file: file, id: "mutant")
          #expect(parsed.report == again.report)
        }
        for talk in parsed.talks {
          #expect(!talk.title.isEmpty)
          #expect(parsed.report.sections.indices.contains(parsed.report.extracted.first { $0.id == talk.id }?.section ?? -1))
        }
        _ = CorpusBuilder.build([parsed], catalog: Fixtures.catalog)
      } catch is KubeConError {
        // A typed error is a fine answer to broken input.
      }
    }
  }

  @Test func randomBytesAreRefusedOrRead() {
    var rng = SeededGenerator(seed: 42)
    for _ in 0..<200 {
      let data = Data((0..<rng.below(600)).map { _ in UInt8(truncatingIfNeeded: rng.next()) })
      do {
        _ = try Fixtures.parser.parse(data: data, file: "random.md", id: "random")
      } catch is KubeConError {
      } catch {
        Issue.record("untyped error: \(error)")
      }
    }
  }
}
