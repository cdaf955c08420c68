import Foundation
import Synchronization
@testable import KubeConCLI

/// Runs the CLI in-process with captured output and an environment of the test's own.
struct Run {
  var code: Int32
  var out: String
  var err: String

  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static let bundled = root.appendingPathComponent("Data/corpus.json").path

  /// - Parameter environment: defaults to a HOME with no user corpus, so the bundled corpus is used.
  static func kubecon(_ args: [String], environment: [String: String]? = nil, terminal: Bool = false, width: Int? = nil) -> Run {
    let out = Mutex("")
    let err = Mutex("")
    let env = environment ?? ["HOME": "/nonexistent-home-for-tests"]
    let io = IO(
      out: { s in out.withLock { $0 += s } }, err: { s in err.withLock { $0 += s } }, environment: env,
      stdoutIsTerminal: terminal, terminalWidth: width, currentDirectory: root.path,
      executablePath: root.appendingPathComponent(".build/debug/kubecon").path)
    let code = CLI.run(args, io: io)
    return Run(code: code, out: out.withLock { $0 }, err: err.withLock { $0 })
  }

  func json() throws -> Any { try JSONSerialization.jsonObject(with: Data(out.utf8)) }
}

enum TempDir {
  static func make() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kubecon-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
  }
}
