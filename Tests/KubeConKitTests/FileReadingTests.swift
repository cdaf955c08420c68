import Foundation
import Testing
@testable import KubeConKit

/// Files are read whole, into the data returned, with the system's words for what went wrong.
@Suite struct FileReadingTests {
  @Test func readsEveryByteOfFilesOfAnySize() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kubecon-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    var random = SeededGenerator(seed: 50)
    for size in [0, 1, 4095, 4096, 65_537, 300_001] {
      let bytes = Data((0..<size).map { _ in UInt8(truncatingIfNeeded: random.below(256)) })
      let url = dir.appendingPathComponent("f\(size)")
      try bytes.write(to: url)
      let (data, info) = try FileReading.readWithInfo(url.path)
      #expect(data == bytes, "\(size)")
      #expect(Int(info.st_size) == size)
    }
    let big = dir.appendingPathComponent("f300001").path
    #expect(throws: KubeConError.tooLarge("f", size: 300_001, limit: 1000)) { try FileReading.read(big, shown: "f", limit: 1000) }
    #expect(throws: KubeConError.unreadable(dir.path, reason: "is a directory")) { try FileReading.read(dir.path) }
    #expect(throws: KubeConError.unreadable("/dev/null", reason: "not a regular file")) { try FileReading.read("/dev/null") }
    #expect(throws: KubeConError.fileNotFound("x")) { try FileReading.read(dir.appendingPathComponent("none").path, shown: "x") }
  }
}
