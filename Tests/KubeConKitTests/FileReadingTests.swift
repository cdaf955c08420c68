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

  #if os(Linux)
  /// A file longer than `fstat` said (as a file that grew meanwhile; procfs says 0 bytes) is read
  /// on to its end, within the limit.
  /// A file's extension is `NSString`'s, lowercased, for names and paths of every shape.
  @Test func fileExtensionsAreNSStringsLowercased() {
    var paths = [
      "a.md", "A.MD", ".md", "file.", "a..md", "a.tar.gz", "dir.d/file", "dir/.hidden", "x/y.html", "noext", "a.md/",
      "a/b.md//", "é.Html", "a. md", "/", "", ".", "..", "a/.", "dir/..md", "ü.TXT", "/abs/dir/r00012-fr.txt",
    ]
    var random = SeededGenerator(seed: 7)
    let pieces = ["a", "B", ".", "/", "é", " ", "md", "..", "HTM"]
    for _ in 0..<500 { paths.append((0..<Int.random(in: 0...6, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()) }
    for path in paths {
      #expect(FileReading.fileExtension(path) == (path as NSString).pathExtension.lowercased(), "\(path)")
    }
  }

  @Test func readsPastTheSizeTheSystemGave() throws {
    let status = try FileReading.read("/proc/self/status")
    #expect(status.count > 100)
    #expect(String(decoding: status, as: UTF8.self).hasPrefix("Name:"))
    #expect(status.last == UInt8(ascii: "\n"))
    #expect(throws: KubeConError.self) { try FileReading.read("/proc/self/status", limit: 10) }
  }
  #endif

  /// A line longer than the limit is refused with its number; a line of the limit is read.
  @Test func linesLongerThanTheLimitAreNamed() throws {
    let limit = ReportFile.maxLineLength
    let long = String(repeating: "é", count: limit / 2)  // the limit, in bytes
    try ReportFile.checkLineLengths("a\n" + long + "\n\nb", file: "r.md")
    try ReportFile.checkLineLengths(long, file: "r.md")
    for (text, line) in [(long + "x", 1), ("a\n\n" + long + "x\nb", 3), ("a\nb\n" + long + "x", 3)] {
      #expect(throws: KubeConError.lineTooLong("r.md", line: line, limit: limit)) {
        try ReportFile.checkLineLengths(text, file: "r.md")
      }
    }
  }
}
