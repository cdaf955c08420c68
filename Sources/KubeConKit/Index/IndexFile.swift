import Foundation

/// The container of a corpus index (`corpus.json.idx`): a header, then sections of bytes.
///
/// The header holds a magic string, the format version, the staleness key of the corpus it was
/// made from (the JSON file's size, modification time and inode), and each section's offset,
/// length and checksum, then a checksum of the header itself. The file is memory-mapped and read
/// in place; a section's checksum is verified the first time it is used. The large sections
/// (documents, postings, texts, details) carry a checksum per record instead, verified when the
/// record is read.
///
/// The index is derived: a file that is stale, damaged or of another version is rebuilt from the
/// JSON corpus, which stays the only source of truth.
final class IndexFile {
  static let magic: [UInt8] = Array("KCINDEX\u{1}".utf8)
  /// Bumped whenever the layout or the analysis that fills it changes.
  static let version: UInt32 = 4

  enum Section: Int, CaseIterable {
    case strings, reports, talks, speakers, projects, themes, editions, details
    case documents, documentStats, terms, postings, texts, vocabulary, searchInfo

    /// Sections too large to hash on every run: their records carry their own checksums.
    var checkedPerRecord: Bool { self == .details || self == .postings || self == .texts || self == .documents }
  }

  /// What identifies the corpus file an index was made from.
  struct Key: Equatable {
    var size: UInt64
    var seconds: Int64
    var nanoseconds: Int64
    var inode: UInt64

    init(size: UInt64, seconds: Int64, nanoseconds: Int64, inode: UInt64) {
      self.size = size
      self.seconds = seconds
      self.nanoseconds = nanoseconds
      self.inode = inode
    }

    init(_ info: stat) {
      self.init(
        size: UInt64(info.st_size), seconds: Int64(info.st_mtim.tv_sec), nanoseconds: Int64(info.st_mtim.tv_nsec),
        inode: UInt64(info.st_ino))
    }

    static func of(path: String) -> Key? {
      var info = stat()
      return stat(path, &info) == 0 ? Key(info) : nil
    }
  }

  enum Problem: Error, Equatable {
    case missing, stale, damaged(String)
  }

  static var headerSize: Int { magic.count + 4 + 4 + 32 + Section.allCases.count * 24 + 8 }

  /// Lays out the sections (in ``Section`` order) behind a header.
  static func assemble(_ sections: [[UInt8]], key: Key) -> [UInt8] {
    precondition(sections.count == Section.allCases.count)
    var w = ByteWriter()
    w.append(magic)
    w.u32(version)
    w.u32(UInt32(sections.count))
    w.u64(key.size)
    w.u64(UInt64(bitPattern: key.seconds))
    w.u64(UInt64(bitPattern: key.nanoseconds))
    w.u64(key.inode)
    var offset = headerSize
    for s in sections {
      w.u64(UInt64(offset))
      w.u64(UInt64(s.count))
      w.u64(Checksum.of(s))
      offset += s.count
    }
    w.u64(Checksum.of(w.bytes))
    for s in sections { w.append(s) }
    return w.bytes
  }

  /// How errors name the index: its path, or "index" for one held in memory.
  let name: String
  /// The bytes, mapped from a file or held in memory.
  private let storage: Storage
  let bytes: UnsafeRawBufferPointer
  private let ranges: [(offset: Int, length: Int, checksum: UInt64)]
  private var verified: Set<Int> = []

  private enum Storage {
    case mapped(UnsafeMutableRawPointer, Int)
    case memory(UnsafeMutableRawBufferPointer)
  }

  /// Maps the index at `path`, refusing it when it was made from another corpus file.
  init(path: String, expecting key: Key) throws {
    name = path
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw Problem.missing }
    defer { close(fd) }
    var info = stat()
    // Something else in the index's place (a folder) is not an index: it is written elsewhere.
    guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { throw Problem.missing }
    let size = Int(info.st_size)
    guard size >= IndexFile.headerSize else { throw Problem.damaged("too short") }
    guard let pointer = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), pointer != MAP_FAILED else {
      throw Problem.damaged(String(cString: strerror(errno)))
    }
    storage = .mapped(pointer, size)
    bytes = UnsafeRawBufferPointer(start: pointer, count: size)
    ranges = try IndexFile.readHeader(bytes, expecting: key)
  }

  /// An index held in memory (when no file could be written).
  init(bytes source: [UInt8], expecting key: Key, name: String = "index") throws {
    self.name = name
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(source.count, 1), alignment: 8)
    source.withUnsafeBytes { buffer.copyMemory(from: $0) }
    storage = .memory(buffer)
    bytes = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(buffer)[0..<source.count])
    ranges = try IndexFile.readHeader(bytes, expecting: key)
  }

  deinit {
    switch storage {
    case .mapped(let pointer, let size): munmap(pointer, size)
    case .memory(let buffer): buffer.deallocate()
    }
  }

  private static func readHeader(_ bytes: UnsafeRawBufferPointer, expecting key: Key) throws -> [(Int, Int, UInt64)] {
    guard bytes.count >= headerSize, Array(bytes[0..<magic.count]) == magic else { throw Problem.damaged("not an index") }
    var r = ByteReader(bytes, at: magic.count)
    do {
      guard try r.u32() == version else { throw Problem.stale }
      guard try r.u32() == UInt32(Section.allCases.count) else { throw Problem.damaged("section count") }
      let found = Key(
        size: try r.u64(), seconds: Int64(bitPattern: try r.u64()), nanoseconds: Int64(bitPattern: try r.u64()),
        inode: try r.u64())
      var ranges: [(Int, Int, UInt64)] = []
      for _ in Section.allCases {
        let offset = Int(truncatingIfNeeded: try r.u64())
        let length = Int(truncatingIfNeeded: try r.u64())
        let checksum = try r.u64()
        guard offset >= headerSize, length >= 0, offset <= bytes.count - length else { throw Problem.damaged("section bounds") }
        ranges.append((offset, length, checksum))
      }
      let headerEnd = r.offset
      guard try r.u64() == Checksum.of(UnsafeRawBufferPointer(rebasing: bytes[0..<headerEnd])) else {
        throw Problem.damaged("header checksum")
      }
      guard found == key else { throw Problem.stale }
      return ranges
    } catch is ByteReader.Malformed {
      throw Problem.damaged("header")
    }
  }

  /// Where a section lies in the file.
  func range(of s: Section) -> Range<Int> { ranges[s.rawValue].offset..<(ranges[s.rawValue].offset + ranges[s.rawValue].length) }

  /// Runs a read of the index, turning a damaged part into ``KubeConError/damagedIndex(_:reason:)``.
  func reading<T>(_ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch Problem.damaged(let why) {
      throw KubeConError.damagedIndex(name, reason: why)
    } catch is ByteReader.Malformed {
      throw KubeConError.damagedIndex(name, reason: "malformed record")
    }
  }

  /// A section's bytes, checked against its checksum the first time unless its records carry their own.
  func section(_ s: Section) throws -> UnsafeRawBufferPointer {
    let range = ranges[s.rawValue]
    let slice = UnsafeRawBufferPointer(rebasing: bytes[range.offset..<(range.offset + range.length)])
    if s.checkedPerRecord { return slice }
    if !verified.contains(s.rawValue) {
      guard Checksum.of(slice) == range.checksum else { throw Problem.damaged("section \(s) checksum") }
      verified.insert(s.rawValue)
    }
    return slice
  }

  /// A record of a section checked per record.
  func record(_ s: Section, offset: Int, length: Int, checksum: UInt64) throws -> UnsafeRawBufferPointer {
    let all = try section(s)
    guard offset >= 0, length >= 0, offset <= all.count - length else { throw Problem.damaged("record bounds in \(s)") }
    let slice = UnsafeRawBufferPointer(rebasing: all[offset..<(offset + length)])
    guard Checksum.of(slice) == checksum else { throw Problem.damaged("record checksum in \(s)") }
    return slice
  }
}

/// Where a record of a per-record-checked section lies, and its checksum.
struct RecordRef {
  var offset: Int
  var length: Int
  var checksum: UInt64

  static func write(_ bytes: [UInt8], into area: inout ByteWriter, ref w: inout ByteWriter) {
    w.varint(area.count)
    w.varint(bytes.count)
    w.u64(Checksum.of(bytes))
    area.append(bytes)
  }

  static func read(_ r: inout ByteReader) throws -> RecordRef {
    RecordRef(offset: try r.varint(), length: try r.varint(), checksum: try r.u64())
  }
}
