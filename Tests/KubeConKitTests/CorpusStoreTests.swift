import Foundation
import Synchronization
import Testing
@testable import KubeConKit

/// Writing the corpus file (`CorpusStore`) and changing it under its lock (`CorpusLock`).
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
