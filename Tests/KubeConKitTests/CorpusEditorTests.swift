import Foundation
import Synchronization
import Testing
@testable import KubeConKit

@Suite struct CorpusEditorTests {
  static let bundled: Corpus = {
    do { return try CorpusStore.load(Fixtures.data.appendingPathComponent("corpus.json").path) { Fixtures.catalog } } catch { fatalError("\(error)") }
  }()

  @Test func theCorpusIsRebuiltFromItsReportsAsParsed() throws {
    let rebuilt = CorpusBuilder.build(CorpusEditorTests.bundled.parsedReports, catalog: Fixtures.catalog)
    #expect(CorpusStore.encode(rebuilt) == CorpusStore.encode(CorpusEditorTests.bundled))
  }

  @Test func everySeedRemovedThenAddedBackGivesTheSameCorpus() throws {
    let original = CorpusStore.encode(CorpusEditorTests.bundled)
    for report in CorpusEditorTests.bundled.reports {
      let without = try CorpusEditor.remove([report.id], from: CorpusEditorTests.bundled, catalog: Fixtures.catalog)
      #expect(without.reports.count == 4)
      #expect(!without.talks.contains { $0.reports.contains(report.id) })
      let back = CorpusEditor.add([ParsedReport(unlinking: report)], to: without, catalog: Fixtures.catalog)
      #expect(back.outcomes == [.added(id: report.id)])
      #expect(CorpusStore.encode(back.corpus) == original, "\(report.id)")
    }
  }

  @Test func translationsAreUnlinkedWhenOneSideGoes() throws {
    let without = try CorpusEditor.remove(["fr-sokube-kubecon-eu-2025-london"], from: CorpusEditorTests.bundled, catalog: Fixtures.catalog)
    let en = try #require(without.reports.first { $0.id == "en-sokube-kubecon-eu-2025-london" })
    #expect(en.translations.isEmpty)
  }

  @Test func anIdAlreadyUsedByAnotherFileGetsASuffix() throws {
    var parsed = try Fixtures.parse("KubeCon Europe 2025 à Londres : un compte rendu avec Kubernetes et Cilium partout.", file: "/x/fr-arte-kubecon-eu-2024-paris.md")
    parsed.report.id = "fr-arte-kubecon-eu-2024-paris"
    let result = CorpusEditor.add([ParsedReport(report: parsed.report)], to: CorpusEditorTests.bundled, catalog: Fixtures.catalog)
    #expect(result.outcomes == [.added(id: "fr-arte-kubecon-eu-2024-paris-2")])
    #expect(result.corpus.reports.count == 6)
  }
}

@Suite struct CorpusWriteTests {
  func workspace() throws -> (dir: URL, path: String, bytes: Data) {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kubecon-store-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let path = dir.appendingPathComponent("corpus.json").path
    let bytes = CorpusStore.encode(CorpusEditorTests.bundled)
    try bytes.write(to: URL(fileURLWithPath: path))
    return (dir, path, bytes)
  }

  @Test func aFullDiskLeavesTheOldCorpusAndNoTemporaryFile() throws {
    let ws = try workspace()
    defer { try? FileManager.default.removeItem(at: ws.dir) }
    // Writes 4 KB, then the disk is full.
    let full: CorpusStore.Writer = { fd, bytes in
      if lseek(fd, 0, SEEK_CUR) >= 4096 {
        errno = ENOSPC
        return -1
      }
      return write(fd, bytes.baseAddress, min(bytes.count, 1024))
    }
    #expect(throws: KubeConError.writeFailed(ws.path, reason: "No space left on device")) {
      try CorpusStore.writeAtomically(Data(repeating: 0x41, count: 100_000), to: ws.path, writer: full)
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: ws.path)) == ws.bytes)
    #expect(try FileManager.default.contentsOfDirectory(atPath: ws.dir.path) == ["corpus.json"])
  }

  /// Megabytes written in parts, each of which is sent to disk as the next are written, are the
  /// file's bytes, in order; and a disk that fills up after the first megabyte still fails cleanly.
  @Test func largeWritesAreTheFilesBytes() throws {
    let ws = try workspace()
    defer { try? FileManager.default.removeItem(at: ws.dir) }
    let parts = (0..<7).map { k in Data((0..<700_001).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ k) }) }
    try CorpusStore.writeAtomically(parts, to: ws.path)
    #expect(try Data(contentsOf: URL(fileURLWithPath: ws.path)) == parts.reduce(Data(), +))
    let full: CorpusStore.Writer = { fd, bytes in
      if lseek(fd, 0, SEEK_CUR) >= 1_500_000 {
        errno = ENOSPC
        return -1
      }
      return write(fd, bytes.baseAddress, bytes.count)
    }
    #expect(throws: KubeConError.writeFailed(ws.path, reason: "No space left on device")) {
      try CorpusStore.writeAtomically(parts, to: ws.path, writer: full)
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: ws.path)) == parts.reduce(Data(), +))
    #expect(try FileManager.default.contentsOfDirectory(atPath: ws.dir.path) == ["corpus.json"])
  }

  /// Dropping the cached pages of the file about to be replaced leaves its bytes, and neither
  /// waits on a FIFO (opening one to read would wait for a writer) nor touches it.
  @Test func droppingTheOldFilesCacheLeavesItAndNeverWaits() throws {
    let ws = try workspace()
    defer { try? FileManager.default.removeItem(at: ws.dir) }
    PageCache.drop(ws.path)
    #expect(try Data(contentsOf: URL(fileURLWithPath: ws.path)) == ws.bytes)
    let fifo = ws.dir.appendingPathComponent("fifo").path
    #expect(mkfifo(fifo, 0o644) == 0)
    PageCache.drop(fifo)
    PageCache.drop(ws.dir.appendingPathComponent("missing").path)
    var info = stat()
    #expect(lstat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
  }

  @Test func aWriteThatStopsWritingIsAFailureToo() throws {
    let ws = try workspace()
    defer { try? FileManager.default.removeItem(at: ws.dir) }
    #expect(throws: KubeConError.self) {
      try CorpusStore.writeAtomically(Data("{}".utf8), to: ws.path, writer: { _, _ in 0 })
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: ws.path)) == ws.bytes)
  }

  @Test func theLockMakesConcurrentChangesWaitForEachOther() async throws {
    let ws = try workspace()
    defer { try? FileManager.default.removeItem(at: ws.dir) }
    // Eight writers each add one line to a counter file under the lock; none is lost.
    let counter = ws.dir.appendingPathComponent("count").path
    try Data("0".utf8).write(to: URL(fileURLWithPath: counter))
    try await withThrowingTaskGroup(of: Void.self) { group in
      for _ in 0..<8 {
        group.addTask {
          let lock = try CorpusLock(for: ws.path)
          let n = Int(String(decoding: try Data(contentsOf: URL(fileURLWithPath: counter)), as: UTF8.self)) ?? -100
          usleep(2000)
          try CorpusStore.writeAtomically(Data(String(n + 1).utf8), to: counter)
          lock.unlock()
        }
      }
      try await group.waitForAll()
    }
    #expect(String(decoding: try Data(contentsOf: URL(fileURLWithPath: counter)), as: UTF8.self) == "8")
  }
}

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
