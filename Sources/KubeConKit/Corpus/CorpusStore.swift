import Foundation

/// Reads and writes the JSON corpus: byte-stable encoding, schema checks, atomic writes, and the
/// journal of reports added since the file was written (``CorpusJournal``).
public enum CorpusStore {
  /// Sorted keys, pretty-printed, slashes unescaped (``JSONOutput``'s format, written by
  /// ``JSONWriter``): the same corpus always gives the same bytes.
  static func encode(_ corpus: Corpus) -> Data { Data(bytes(corpus)) }

  static func bytes(_ corpus: Corpus) -> [UInt8] {
    var w = JSONWriter(capacity: 1 << 16)
    encode(corpus, into: &w)
    return w.bytes
  }

  /// Writes the corpus on every core (see ``JSONWriter/parallelList(_:)``).
  static func encode(_ corpus: Corpus, into w: inout JSONWriter) {
    corpus.write(json: &w, [])
    w.newline()
    w.flush()
  }

  /// Decodes a corpus, refusing a newer schema with a clear message.
  /// - Throws: ``KubeConError/corruptCorpus(_:reason:)`` or ``KubeConError/newerSchema(_:found:known:)``.
  static func decode(_ data: Data, path: String) throws -> Corpus {
    try data.withUnsafeBytes { raw in
      let bytes = raw.bindMemory(to: UInt8.self)
      do {
        let corpus = try JSONReader.read(bytes) { try Corpus.read(json: &$0, []) }
        if corpus.schemaVersion > Corpus.currentSchemaVersion {
          throw KubeConError.newerSchema(path, found: corpus.schemaVersion, known: Corpus.currentSchemaVersion)
        }
        return corpus
      } catch let problem as JSONReader.Problem {
        // A newer schema may not read as this one: saying so helps more than what failed. A
        // mistake in the JSON itself comes first.
        guard problem.kind != .syntax else { throw KubeConError.corruptCorpus(path, reason: problem.description) }
        let version: Int?
        do {
          version = try schemaVersion(bytes)
        } catch let first as JSONReader.Problem {
          throw KubeConError.corruptCorpus(path, reason: first.description)
        }
        guard let version else { throw KubeConError.corruptCorpus(path, reason: "no schemaVersion") }
        if version > Corpus.currentSchemaVersion {
          throw KubeConError.newerSchema(path, found: version, known: Corpus.currentSchemaVersion)
        }
        throw KubeConError.corruptCorpus(path, reason: problem.description)
      }
    }
  }

  /// The top-level `schemaVersion` of a corpus, if it is a number.
  /// - Throws: the first syntax error of the JSON text, or a text that is not an object.
  private static func schemaVersion(_ bytes: UnsafeBufferPointer<UInt8>) throws -> Int? {
    return try JSONReader.read(bytes) { r in
      var version: Int?
      try r.object { r, key in
        if key == "schemaVersion", let b = r.peek(), b == UInt8(ascii: "-") || (b >= 0x30 && b <= 0x39) {
          version = try r.int()
        } else {
          try r.skip()
        }
      }
      return version
    }
  }

  /// The corpus at `path`: its file, with the reports of its journal added (see ``CorpusJournal``).
  /// - Parameter catalog: needed only to link a journal's reports.
  public static func load(_ path: String, catalog: () throws -> Catalog) throws -> Corpus {
    // Listed first: a record written meanwhile is read next time, not half now.
    let records = CorpusJournal(corpus: path).records()
    return try CorpusJournal.replay(records, onto: try decode(try FileReading.read(path), path: path), catalog: catalog)
  }

  /// Writes the corpus file, then removes its journal, which the corpus given holds (or, for a
  /// corpus built anew, replaces).
  public static func save(_ corpus: Corpus, to path: String) throws {
    try writeAtomically(to: path) { output in
      withoutActuallyEscaping(output) { output in
        var w = JSONWriter(capacity: 1 << 16, sink: output)
        encode(corpus, into: &w)
      }
    }
    try CorpusJournal(corpus: path).remove()
  }

  /// Writes some bytes to a file descriptor: `write(2)`, or a failing stand-in in tests.
  public typealias Writer = (_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int

  /// Writes to a temporary file beside `path`, flushes it to disk, then renames it over `path`:
  /// a reader sees the old file or the new one, never half of one. On any failure (a full disk,
  /// a folder that is not writable) the temporary file is removed and `path` is untouched.
  public static func writeAtomically(
    _ data: some ContiguousBytes, to path: String, writer: @escaping Writer = { fd, bytes in write(fd, bytes.baseAddress, bytes.count) }
  ) throws {
    try writeAtomically([data], to: path, writer: writer)
  }

  /// Writes `parts` one after the other, atomically (see above), without joining them in memory.
  static func writeAtomically<Part: ContiguousBytes>(
    _ parts: [Part], to path: String, writer: @escaping Writer = { fd, bytes in write(fd, bytes.baseAddress, bytes.count) }
  ) throws {
    try writeAtomically(to: path, writer: writer) { output in
      for part in parts { part.withUnsafeBytes(output) }
    }
  }

  /// Writes what `produce` gives its output, in order, atomically (see above): the file's bytes
  /// need not all be in memory at once.
  static func writeAtomically(
    to path: String, writer: @escaping Writer = { fd, bytes in write(fd, bytes.baseAddress, bytes.count) },
    _ produce: (_ output: (UnsafeRawBufferPointer) -> Void) -> Void
  ) throws {
    let url = URL(fileURLWithPath: path)
    let directory = url.deletingLastPathComponent().path
    let temp = directory + "/." + url.lastPathComponent + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw KubeConError.writeFailed(path, reason: String(cString: strerror(errno))) }
    var failure: String? = nil
    // After a failure, what comes next is not written.
    produce { buffer in
      guard failure == nil else { return }
      var offset = 0
      while offset < buffer.count {
        let n = writer(fd, UnsafeRawBufferPointer(rebasing: buffer[offset...]))
        if n < 0 && errno == EINTR { continue }
        if n <= 0 {
          failure = n == 0 ? "nothing was written" : String(cString: strerror(errno))
          return
        }
        offset += n
      }
    }
    if failure == nil && fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
    if close(fd) != 0 && failure == nil { failure = String(cString: strerror(errno)) }
    if failure == nil && rename(temp, path) != 0 { failure = String(cString: strerror(errno)) }
    if let failure {
      unlink(temp)
      throw KubeConError.writeFailed(path, reason: failure)
    }
    // The rename itself reaches the disk with the folder.
    let folder = open(directory, O_RDONLY | O_CLOEXEC)
    if folder >= 0 {
      fsync(folder)
      close(folder)
    }
  }
}
