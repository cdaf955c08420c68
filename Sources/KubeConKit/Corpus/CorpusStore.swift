import Foundation

/// Reads and writes the JSON corpus: byte-stable encoding, schema checks, atomic writes.
public enum CorpusStore {
  /// Sorted keys, pretty-printed, slashes unescaped: the same corpus always gives the same bytes.
  public static func encode(_ corpus: Corpus) throws -> Data {
    var data = try JSONOutput.encode(corpus)
    data.append(0x0A)
    return data
  }

  /// Decodes a corpus, refusing a newer schema with a clear message.
  /// - Throws: ``KubeConError/corruptCorpus(_:reason:)`` or ``KubeConError/newerSchema(_:found:known:)``.
  public static func decode(_ data: Data, path: String) throws -> Corpus {
    struct Header: Decodable { var schemaVersion: Int? }
    let header: Header
    do {
      header = try JSONDecoder().decode(Header.self, from: data)
    } catch {
      throw KubeConError.corruptCorpus(path, reason: describe(error))
    }
    guard let version = header.schemaVersion else {
      throw KubeConError.corruptCorpus(path, reason: "no schemaVersion")
    }
    if version > Corpus.currentSchemaVersion {
      throw KubeConError.newerSchema(path, found: version, known: Corpus.currentSchemaVersion)
    }
    do {
      return try JSONDecoder().decode(Corpus.self, from: data)
    } catch {
      throw KubeConError.corruptCorpus(path, reason: describe(error))
    }
  }

  public static func load(_ path: String) throws -> Corpus {
    try decode(try FileReading.read(path), path: path)
  }

  public static func save(_ corpus: Corpus, to path: String) throws {
    try writeAtomically(try encode(corpus), to: path)
  }

  /// Writes some bytes to a file descriptor: `write(2)`, or a failing stand-in in tests.
  public typealias Writer = (_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int

  /// Writes to a temporary file beside `path`, flushes it to disk, then renames it over `path`:
  /// a reader sees the old file or the new one, never half of one. On any failure (a full disk,
  /// a folder that is not writable) the temporary file is removed and `path` is untouched.
  public static func writeAtomically(
    _ data: some ContiguousBytes, to path: String, writer: Writer = { fd, bytes in write(fd, bytes.baseAddress, bytes.count) }
  ) throws {
    let url = URL(fileURLWithPath: path)
    let directory = url.deletingLastPathComponent().path
    let temp = directory + "/." + url.lastPathComponent + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw KubeConError.writeFailed(path, reason: String(cString: strerror(errno))) }
    var failure: String? = nil
    data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
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

  static func describe(_ error: Error) -> String {
    switch error {
    case DecodingError.dataCorrupted(let c): return "invalid JSON" + (c.codingPath.isEmpty ? "" : " at " + path(c.codingPath))
    case DecodingError.keyNotFound(let key, let c): return "missing field '\(key.stringValue)'" + at(c.codingPath)
    case DecodingError.typeMismatch(_, let c): return "wrong type" + at(c.codingPath) + ": " + c.debugDescription
    case DecodingError.valueNotFound(_, let c): return "missing value" + at(c.codingPath)
    default: return "\(error)"
    }
  }

  private static func at(_ codingPath: [CodingKey]) -> String { codingPath.isEmpty ? "" : " at " + path(codingPath) }

  private static func path(_ codingPath: [CodingKey]) -> String {
    codingPath.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined()
  }
}
