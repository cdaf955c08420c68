import Foundation
import KubeConKit

/// What a running command has: its arguments, its IO, and the corpus and catalogs it finds.
final class Context {
  let io: IO
  let args: ParsedArguments
  let style: Style
  private(set) var output = ""
  /// What the command made and keeps to the end of the context (see ``keep(_:)``).
  private var kept: [Any] = []

  init(io: IO, args: ParsedArguments) {
    self.io = io
    self.args = args
    let noColor = io.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
    let dumb = io.environment["TERM"] == "dumb"
    style = Style(enabled: io.stdoutIsTerminal && !noColor && !dumb && !args.has(CommandSpec.colorOption))
  }

  var json: Bool { args.has(CommandSpec.jsonOption) }
  /// See ``IO/width``.
  var width: Int? { io.width }

  /// A line of a view, cut into lines that fit ``width`` (``Terminal/fit(_:to:)``).
  func print(_ line: String = "") {
    guard let width, !json, line.utf8.count > width else {
      output += line + "\n"
      return
    }
    for part in Terminal.fit(line, to: width) { output += part + "\n" }
  }
  func write(_ text: String) { output += text }
  func warn(_ line: String) { io.err(line + "\n") }

  /// Keeps `value` as long as the context: when the process ends after the command
  /// (``IO/exitsAfterRun``), it is not freed object by object (BENCHMARKS.md, "Tricks").
  func keep(_ value: Any) { kept.append(value) }

  /// Prints a value as sorted, pretty-printed JSON.
  func printJSON<T: Encodable>(_ value: T) throws {
    output += String(decoding: try JSONOutput.encode(value), as: UTF8.self) + "\n"
  }

  var locator: DataLocator {
    DataLocator(environment: io.environment, executablePath: io.executablePath, currentDirectory: io.currentDirectory)
  }

  func absolute(_ path: String) -> String {
    if path.hasPrefix("/") { return path }
    if path.hasPrefix("~/"), let home = io.environment["HOME"] { return home + path.dropFirst(1) }
    return URL(fileURLWithPath: io.currentDirectory).appendingPathComponent(path).standardized.path
  }

  /// The user's own corpus: `$XDG_DATA_HOME/kubecon/corpus.json`, else `~/.local/share/kubecon/corpus.json`.
  var userCorpusPath: String? {
    if let xdg = io.environment["XDG_DATA_HOME"], !xdg.isEmpty { return xdg + "/kubecon/corpus.json" }
    if let home = io.environment["HOME"], !home.isEmpty { return home + "/.local/share/kubecon/corpus.json" }
    return nil
  }

  /// The corpus named by `--corpus` or `KUBECON_CORPUS`, as given.
  var explicitCorpus: String? {
    args.value(CommandSpec.corpusOption) ?? io.environment["KUBECON_CORPUS"].flatMap { $0.isEmpty ? nil : $0 }
  }

  /// The corpus to read: `--corpus`, `KUBECON_CORPUS`, the user's corpus, the bundled one.
  func corpusPath() throws -> String {
    if let explicit = explicitCorpus {
      let path = absolute(explicit)
      guard FileManager.default.fileExists(atPath: path) else { throw KubeConError.fileNotFound(explicit) }
      return path
    }
    var tried: [String] = []
    if let user = userCorpusPath {
      if FileManager.default.fileExists(atPath: user) { return user }
      tried.append(user)
    }
    for dir in locator.candidates {
      let path = dir + "/corpus.json"
      if FileManager.default.fileExists(atPath: path) { return path }
      tried.append(path)
    }
    throw KubeConError.corpusMissing(tried: tried)
  }

  /// Where an index goes when the corpus folder is not writable: `$XDG_CACHE_HOME/kubecon`, else
  /// `~/.cache/kubecon`.
  var cacheFolder: String? {
    if let xdg = io.environment["XDG_CACHE_HOME"], !xdg.isEmpty { return xdg + "/kubecon" }
    if let home = io.environment["HOME"], !home.isEmpty { return home + "/.cache/kubecon" }
    return nil
  }

  private var cachedIndex: CorpusIndex? = nil
  private var cachedCorpus: Corpus? = nil

  /// The index of the corpus to read, rebuilt first when it is stale.
  func index() throws -> CorpusIndex {
    if let i = cachedIndex { return i }
    let i = try CorpusIndex.open(corpusAt: try corpusPath(), catalog: catalog, cacheFolder: cacheFolder) { warn("warning: " + $0) }
    cachedIndex = i
    return i
  }

  /// The corpus to read, from its index: everything but the long texts (see `CorpusIndex.details`).
  func corpus() throws -> Corpus {
    if let c = cachedCorpus { return c }
    let c = try index().corpus()
    cachedCorpus = c
    return c
  }

  /// Where `add` and `remove` write: `--corpus`, `KUBECON_CORPUS`, else the user's corpus. Its
  /// folder is created.
  func writableCorpus() throws -> (path: String, isUserCorpus: Bool) {
    let target: (path: String, isUserCorpus: Bool)
    if let explicit = explicitCorpus {
      target = (absolute(explicit), false)
    } else if let user = userCorpusPath {
      target = (user, true)
    } else {
      throw Failure("no place for your corpus: set XDG_DATA_HOME or HOME, or use --corpus FILE")
    }
    let folder = (target.path as NSString).deletingLastPathComponent
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
      throw KubeConError.writeFailed(target.path, reason: ReportParser.reason(error))
    }
    return target
  }

  /// The corpus at a writable target: the file when it exists, else a copy of the bundled corpus
  /// for the user's corpus, else an empty corpus.
  func loadForWriting(_ target: (path: String, isUserCorpus: Bool)) throws -> Corpus {
    if FileManager.default.fileExists(atPath: target.path) { return try CorpusStore.load(target.path, catalog: catalog) }
    if target.isUserCorpus {
      let bundled = locator.candidates.map { $0 + "/corpus.json" }
      guard let path = bundled.first(where: { FileManager.default.fileExists(atPath: $0) }) else {
        throw KubeConError.corpusMissing(tried: bundled)
      }
      return try CorpusStore.load(path, catalog: catalog)
    }
    return CorpusBuilder.build([], catalog: try catalog())
  }

  func catalog() throws -> Catalog {
    try Catalog.load(from: try locator.dataDirectory(), scheduleFolders: try scheduleFolders())
  }

  /// Where the programs are: the user's schedules, then the bundled ones.
  func scheduleFolders() throws -> [String] {
    [ScheduleFiles.userFolder(environment: io.environment), try locator.dataDirectory().appendingPathComponent("schedules").path]
  }
}

/// A failure with its message (exit 1): `kind` and `candidates` are what `--json` prints of it.
struct Failure: Error {
  var message: String
  /// `failed`, `not-found`, `ambiguous`.
  var kind = "failed"
  var candidates: [ErrorOut.Candidate] = []
  init(_ message: String, kind: String = "failed", candidates: [ErrorOut.Candidate] = []) {
    (self.message, self.kind, self.candidates) = (message, kind, candidates)
  }
}

/// A command that did part of its work (`add` with some files refused): what it printed stands,
/// stdout included under `--json`, the message goes to stderr and the exit code is 1.
struct PartialFailure: Error {
  var message: String
  init(_ message: String) { self.message = message }
}

/// What `--json` prints on stdout when a command fails, with the exit code it would have had:
/// `{"error": "ambiguous", "message": "...", "candidates": [{"type": "speaker", "id": ..., "name": ...}]}`.
/// `error` is `usage` (exit 64), `not-found`, `ambiguous` or `failed` (exit 1).
struct ErrorOut: Encodable {
  struct Candidate: Encodable, Equatable {
    var type: String
    var id: String
    var name: String
  }
  var error: String
  var message: String
  var candidates: [Candidate] = []
}
