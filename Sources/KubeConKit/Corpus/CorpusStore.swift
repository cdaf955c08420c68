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
    guard FileManager.default.fileExists(atPath: path) else { throw KubeConError.fileNotFound(path) }
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw KubeConError.unreadable(path, reason: ReportParser.reason(error))
    }
    return try decode(data, path: path)
  }

  public static func save(_ corpus: Corpus, to path: String) throws {
    try writeAtomically(try encode(corpus), to: path)
  }

  /// Writes to a temporary file beside `path`, flushes it to disk, then renames it over `path`:
  /// a reader sees the old file or the new one, never half of one.
  public static func writeAtomically(_ data: Data, to path: String) throws {
    let url = URL(fileURLWithPath: path)
    let directory = url.deletingLastPathComponent().path
    let temp = directory + "/." + url.lastPathComponent + ".tmp-\(getpid())"
    let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard fd >= 0 else { throw KubeConError.writeFailed(path, reason: String(cString: strerror(errno))) }
    var ok = true
    var failure = ""
    data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
      var offset = 0
      while offset < buffer.count, let base = buffer.baseAddress {
        let n = write(fd, base + offset, buffer.count - offset)
        if n <= 0 {
          ok = false
          failure = String(cString: strerror(errno))
          return
        }
        offset += n
      }
    }
    if ok && fsync(fd) != 0 {
      ok = false
      failure = String(cString: strerror(errno))
    }
    close(fd)
    guard ok, rename(temp, path) == 0 else {
      if ok { failure = String(cString: strerror(errno)) }
      unlink(temp)
      throw KubeConError.writeFailed(path, reason: failure)
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
