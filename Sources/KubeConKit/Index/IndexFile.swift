import Foundation

/// The container of a corpus index (`corpus.json.idx`): a header, then sections of bytes.
///
/// The header holds a magic string, the format version, the staleness key of the corpus it was
/// made from (the JSON file's size, modification time and inode), and each section's offset,
/// length and checksum, then a checksum of the header itself. The file is memory-mapped and read
/// in place; a small section's checksum is verified the first time it is used. The large ones are
/// checked as they are read, so that a query reading a few kilobytes of a section of megabytes hashes
/// those kilobytes only: the tables' records (documents, details) carry a checksum each, and the
/// search sections (document stats, terms, postings, texts) a checksum per 8 KB page, in a table
/// after the section's bytes, itself checked per page by a second, small table that the header's
/// checksum covers.
///
/// The index is derived: a file that is stale, damaged or of another version is rebuilt from the
/// JSON corpus, which stays the only source of truth.
final class IndexFile {
  static let magic: [UInt8] = Array("KCINDEX\u{1}".utf8)
  /// Bumped whenever the layout or the analysis that fills it changes.
  static let layout = 11
  /// The layout's number and the shape of the tables (every model's field list, see
  /// ``FieldListed``): adding a field to a model makes older indexes stale, with no number to bump.
  static let version = UInt32(truncatingIfNeeded: FieldShape.of(Corpus.self) &* 31 &+ UInt64(layout))

  enum Section: Int, CaseIterable {
    case strings, reports, talks, speakers, projects, themes, editions, details
    case documents, documentStats, terms, postings, texts, vocabulary, searchInfo

    /// Sections whose records carry their own checksums.
    var checkedPerRecord: Bool { self == .details || self == .documents }
    /// Sections checked per page: read at places a query picks (a document's stats, a term's
    /// entry and postings, the part of a long text around its matches).
    var checkedPerPage: Bool { self == .documentStats || self == .terms || self == .postings || self == .texts }
  }

  static let pageSize = 8192

  static func pageCount(_ length: Int) -> Int { (length + pageSize - 1) / pageSize }

  /// The bytes after a section checked per page: a checksum per page, then a checksum per page of
  /// that first table (the header's checksum covers this second one), so that a query hashes the
  /// 8 KB of the first table it needs, not all of it.
  static func tableSize(_ length: Int) -> Int { pageCount(length) * 8 + pageCount(pageCount(length) * 8) * 8 }

  static func pageTable(_ bytes: [UInt8]) -> [UInt8] {
    func checksums(_ bytes: [UInt8]) -> [UInt8] {
      var w = ByteWriter()
      bytes.withUnsafeBytes { all in
        for p in 0..<pageCount(bytes.count) {
          w.u64(Checksum.of(UnsafeRawBufferPointer(rebasing: all[(p * pageSize)..<min((p + 1) * pageSize, all.count)])))
        }
      }
      return w.bytes
    }
    let pages = checksums(bytes)
    return pages + checksums(pages)
  }

  /// What identifies the corpus an index was made from: the corpus file, and the records of its
  /// journal (how many, and a digest of their files, see ``CorpusJournal/digest(_:)``).
  struct Key: Equatable {
    var size: UInt64
    var seconds: Int64
    var nanoseconds: Int64
    var inode: UInt64
    var journalRecords: UInt64 = 0
    var journalDigest: UInt64 = CorpusJournal.digest([])

    init(size: UInt64, seconds: Int64, nanoseconds: Int64, inode: UInt64) {
      self.size = size
      self.seconds = seconds
      self.nanoseconds = nanoseconds
      self.inode = inode
    }

    init(_ info: stat, journal: [CorpusJournal.Record] = []) {
      self.init(
        size: UInt64(info.st_size), seconds: Int64(info.st_mtim.tv_sec), nanoseconds: Int64(info.st_mtim.tv_nsec),
        inode: UInt64(info.st_ino))
      journalRecords = UInt64(journal.count)
      journalDigest = CorpusJournal.digest(journal)
    }

    static func of(path: String, journal: [CorpusJournal.Record]) -> Key? {
      var info = stat()
      return stat(path, &info) == 0 ? Key(info, journal: journal) : nil
    }

    /// Whether an index made with this key holds the same corpus file and the first records of
    /// `journal` (all of them, or fewer): what `add` needs to know which reports a corpus holds.
    func isPrefix(of other: Key, journal: [CorpusJournal.Record]) -> Bool {
      (size, seconds, nanoseconds, inode) == (other.size, other.seconds, other.nanoseconds, other.inode)
        && journalRecords <= UInt64(journal.count)
        && journalDigest == CorpusJournal.digest(journal.prefix(Int(journalRecords)))
    }
  }

  enum Problem: Error, Equatable {
    case missing, stale, damaged(String)
  }

  static var headerSize: Int { magic.count + 4 + 4 + 48 + Section.allCases.count * 24 + 8 }

  /// The index file in the order it is written (sections in ``Section`` order): the header, then
  /// each section followed by its
  /// page table (empty for a section checked whole or per record). Written one after the other,
  /// they need no copy of the whole file in memory.
  static func parts(_ sections: [[UInt8]], key: Key) -> [[UInt8]] {
    precondition(sections.count == Section.allCases.count)
    var w = ByteWriter()
    w.append(magic)
    w.u32(version)
    w.u32(UInt32(sections.count))
    w.u64(key.size)
    w.u64(UInt64(bitPattern: key.seconds))
    w.u64(UInt64(bitPattern: key.nanoseconds))
    w.u64(key.inode)
    w.u64(key.journalRecords)
    w.u64(key.journalDigest)
    // A section checked per page is followed by its page table; the header's checksum covers the table.
    let tables = zip(Section.allCases, sections).map { $0.checkedPerPage ? pageTable($1) : [] }
    var offset = headerSize
    for (s, table) in zip(sections, tables) {
      w.u64(UInt64(offset))
      w.u64(UInt64(s.count))
      w.u64(Checksum.of(table.isEmpty ? s : Array(table[(IndexFile.pageCount(s.count) * 8)...])))
      offset += s.count + table.count
    }
    w.u64(Checksum.of(w.bytes))
    var parts = [w.bytes]
    for (s, table) in zip(sections, tables) { parts += [s, table] }
    return parts
  }

  /// How errors name the index: its path, or "index" for one held in memory.
  let name: String
  /// The key of the corpus it was made from.
  let key: Key
  /// The bytes, mapped from a file or held in memory.
  private let storage: Storage
  let bytes: UnsafeRawBufferPointer
  private let ranges: [(offset: Int, length: Int, checksum: UInt64)]
  private var verified = [Bool](repeating: false, count: Section.allCases.count)
  /// A bit per page of the sections checked per page, set once the page is verified, then a bit
  /// per page of their first page table; a section's bits start at word `pageBase[section]`,
  /// those of its table at `tableBase[section]`.
  private var pageBits: [UInt64]
  private let pageBase: [Int]
  private let tableBase: [Int]

  private enum Storage {
    case mapped(UnsafeMutableRawPointer, Int)
    case memory(UnsafeMutableRawBufferPointer)
  }

  /// Maps the index at `path`, refusing it when it was made from another corpus.
  convenience init(path: String, expecting key: Key) throws {
    try self.init(path: path) { $0 == key }
  }

  /// Maps the index at `path`, refusing it (as stale) when its key is not accepted.
  init(path: String, accepting accepts: (Key) -> Bool) throws {
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
    (key, ranges) = try IndexFile.readHeader(bytes, accepting: accepts)
    (pageBase, tableBase, pageBits) = IndexFile.pageBits(ranges)
  }

  /// An index held in memory (when no file could be written).
  init(bytes source: [UInt8], expecting key: Key, name: String = "index") throws {
    self.name = name
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(source.count, 1), alignment: 8)
    source.withUnsafeBytes { buffer.copyMemory(from: $0) }
    storage = .memory(buffer)
    bytes = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(buffer)[0..<source.count])
    (self.key, ranges) = try IndexFile.readHeader(bytes) { $0 == key }
    (pageBase, tableBase, pageBits) = IndexFile.pageBits(ranges)
  }

  private static func pageBits(_ ranges: [(offset: Int, length: Int, checksum: UInt64)]) -> ([Int], [Int], [UInt64]) {
    var base: [Int] = []
    var tables: [Int] = []
    var words = 0
    for s in Section.allCases {
      base.append(words)
      let pages = s.checkedPerPage ? pageCount(ranges[s.rawValue].length) : 0
      words += (pages + 63) / 64
      tables.append(words)
      words += (pageCount(pages * 8) + 63) / 64
    }
    return (base, tables, Array(repeating: 0, count: words))
  }

  deinit {
    switch storage {
    case .mapped(let pointer, let size): munmap(pointer, size)
    case .memory(let buffer): buffer.deallocate()
    }
  }

  private static func readHeader(_ bytes: UnsafeRawBufferPointer, accepting accepts: (Key) -> Bool) throws -> (Key, [(Int, Int, UInt64)]) {
    guard bytes.count >= headerSize, Array(bytes[0..<magic.count]) == magic else { throw Problem.damaged("not an index") }
    var r = ByteReader(bytes, at: magic.count)
    do {
      guard try r.u32() == version else { throw Problem.stale }
      guard try r.u32() == UInt32(Section.allCases.count) else { throw Problem.damaged("section count") }
      var found = Key(
        size: try r.u64(), seconds: Int64(bitPattern: try r.u64()), nanoseconds: Int64(bitPattern: try r.u64()),
        inode: try r.u64())
      found.journalRecords = try r.u64()
      found.journalDigest = try r.u64()
      var ranges: [(Int, Int, UInt64)] = []
      for s in Section.allCases {
        let offset = Int(truncatingIfNeeded: try r.u64())
        let length = Int(truncatingIfNeeded: try r.u64())
        let checksum = try r.u64()
        let table = s.checkedPerPage && length >= 0 && length < Int.max / 2 ? tableSize(length) : 0
        guard offset >= headerSize, length >= 0, length <= Int.max / 2, offset <= bytes.count - length - table else {
          throw Problem.damaged("section bounds")
        }
        ranges.append((offset, length, checksum))
      }
      let headerEnd = r.offset
      guard try r.u64() == Checksum.of(UnsafeRawBufferPointer(rebasing: bytes[0..<headerEnd])) else {
        throw Problem.damaged("header checksum")
      }
      guard accepts(found) else { throw Problem.stale }
      return (found, ranges)
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

  /// A section's bytes, checked against its checksum the first time unless its records carry
  /// their own. Of a section checked per page, the page table is checked here and the pages are
  /// not: read them with ``bytes(_:_:)``.
  func section(_ s: Section) throws -> UnsafeRawBufferPointer {
    let range = ranges[s.rawValue]
    let slice = UnsafeRawBufferPointer(rebasing: bytes[range.offset..<(range.offset + range.length)])
    if s.checkedPerRecord { return slice }
    if !verified[s.rawValue] {
      let end = range.offset + range.length
      let second = end + IndexFile.pageCount(range.length) * 8
      let checked = s.checkedPerPage ? UnsafeRawBufferPointer(rebasing: bytes[second..<(end + IndexFile.tableSize(range.length))]) : slice
      guard Checksum.of(checked) == range.checksum else { throw Problem.damaged("section \(s) checksum") }
      verified[s.rawValue] = true
    }
    return slice
  }

  /// Bytes `range` of a section checked per page, once the pages they lie on are checked.
  func bytes(_ s: Section, _ range: Range<Int>) throws -> UnsafeRawBufferPointer {
    let all = try section(s)
    guard range.lowerBound >= 0, range.upperBound <= all.count else { throw Problem.damaged("bounds in \(s)") }
    try check(s, range)
    return UnsafeRawBufferPointer(rebasing: all[range])
  }

  /// Checks the pages of a section (checked per page) that `range` lies on, each once.
  func check(_ s: Section, _ range: Range<Int>) throws {
    precondition(s.checkedPerPage, "\(s) is not checked per page")
    guard !range.isEmpty else { return }
    let length = ranges[s.rawValue].length
    guard range.lowerBound >= 0, range.upperBound <= length else { throw Problem.damaged("bounds in \(s)") }
    let base = pageBase[s.rawValue]
    var p = range.lowerBound / IndexFile.pageSize
    let last = (range.upperBound - 1) / IndexFile.pageSize
    while p <= last && pageBits[base + p >> 6] & (1 << UInt64(p & 63)) != 0 { p += 1 }
    guard p <= last else { return }
    let all = try section(s)
    let tableStart = ranges[s.rawValue].offset + length
    let tableLength = IndexFile.pageCount(length) * 8
    while p <= last {
      if pageBits[base + p >> 6] & (1 << UInt64(p & 63)) == 0 {
        // The page of the first table that holds this page's checksum, checked once.
        let t = p * 8 / IndexFile.pageSize
        if pageBits[tableBase[s.rawValue] + t >> 6] & (1 << UInt64(t & 63)) == 0 {
          let table = UnsafeRawBufferPointer(
            rebasing: bytes[(tableStart + t * IndexFile.pageSize)..<(tableStart + min((t + 1) * IndexFile.pageSize, tableLength))])
          let expected = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: tableStart + tableLength + t * 8, as: UInt64.self))
          guard Checksum.of(table) == expected else { throw Problem.damaged("page table of section \(s)") }
          pageBits[tableBase[s.rawValue] + t >> 6] |= 1 << UInt64(t & 63)
        }
        let page = UnsafeRawBufferPointer(rebasing: all[(p * IndexFile.pageSize)..<min((p + 1) * IndexFile.pageSize, length)])
        let expected = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: tableStart + p * 8, as: UInt64.self))
        guard Checksum.of(page) == expected else { throw Problem.damaged("page \(p) of section \(s)") }
        pageBits[base + p >> 6] |= 1 << UInt64(p & 63)
      }
      p += 1
    }
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
