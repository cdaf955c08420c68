import Foundation
#if canImport(Glibc)
import Glibc
private let systemRead = Glibc.read
#else
import Darwin
private let systemRead = Darwin.read
#endif

/// Reads a whole regular file with the system's own words for what went wrong.
public enum FileReading {
  /// The error for a path that `open` or `stat` refused with `code`: missing, a dangling link, or
  /// the system's words (a link loop, no permission).
  static func failure(_ path: String, shown: String, errno code: Int32) -> KubeConError {
    guard code == ENOENT else { return .unreadable(shown, reason: String(cString: strerror(code))) }
    var link = stat()
    return lstat(path, &link) == 0 ? .unreadable(shown, reason: "the symbolic link points to nothing") : .fileNotFound(shown)
  }

  /// The extension of a path's last component, lowercased: what follows its last dot, or "" when
  /// it has none or the dot starts the name (`.bashrc`), as `NSString.pathExtension` says it (at
  /// a thirteenth of its cost: through `NSString` it was two-thirds of finding 100 reports).
  static func fileExtension(_ path: String) -> String {
    var end = path.utf8.endIndex
    while end > path.utf8.startIndex, path.utf8[path.utf8.index(before: end)] == UInt8(ascii: "/") { end = path.utf8.index(before: end) }
    let trimmed = path.utf8[..<end]
    let name = trimmed.lastIndex(of: UInt8(ascii: "/")).map { trimmed[trimmed.index(after: $0)...] } ?? trimmed
    guard let dot = name.lastIndex(of: UInt8(ascii: ".")), dot != name.startIndex else { return "" }
    return String(Substring(name[name.index(after: dot)...])).lowercased()
  }

  /// - Parameters:
  ///   - shown: how errors name the file.
  ///   - limit: larger files are refused before they are read.
  /// - Throws: ``KubeConError`` (missing, a directory, not a regular file, unreadable, too large).
  public static func read(_ path: String, shown: String? = nil, limit: Int? = nil) throws -> Data {
    try readWithInfo(path, shown: shown, limit: limit).data
  }

  /// The bytes and the `fstat` of the very file they were read from.
  static func readWithInfo(_ path: String, shown: String? = nil, limit: Int? = nil) throws -> (data: Data, info: stat) {
    let shown = shown ?? path
    let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard fd >= 0 else { throw failure(path, shown: shown, errno: errno) }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw KubeConError.unreadable(shown, reason: String(cString: strerror(errno))) }
    if info.st_mode & S_IFMT == S_IFDIR { throw KubeConError.unreadable(shown, reason: "is a directory") }
    if info.st_mode & S_IFMT != S_IFREG { throw KubeConError.unreadable(shown, reason: "not a regular file") }
    let size = Int(info.st_size)
    if let limit, size > limit { throw KubeConError.tooLarge(shown, size: size, limit: limit) }
    // Read into the memory the returned data keeps, at the size `fstat` gave, neither zeroed nor
    // copied (growing a buffer by half to find the end, then copying it into `Data`, touched each
    // byte of a large corpus three more times, and a first touch of memory is slow in a VM); a file
    // that grew meanwhile is read on in chunks.
    func readSome(_ buffer: UnsafeMutableRawBufferPointer) throws -> Int {
      while true {
        let n = systemRead(fd, buffer.baseAddress!, buffer.count)
        if n >= 0 { return n }
        if errno != EINTR { throw KubeConError.unreadable(shown, reason: String(cString: strerror(errno))) }
      }
    }
    let capacity = max(size, 0)
    guard let memory = malloc(max(capacity, 1)) else { throw KubeConError.unreadable(shown, reason: "out of memory") }
    var count = 0
    do {
      while count < capacity {
        let n = try readSome(UnsafeMutableRawBufferPointer(start: memory + count, count: capacity - count))
        if n == 0 { break }
        count += n
      }
    } catch {
      free(memory)
      throw error
    }
    var data = Data(bytesNoCopy: memory, count: count, deallocator: .free)
    // The end is told by one more read, of a byte (a zeroed buffer of 64 KB for every file was
    // half a percent of parsing); only a file that grew is read on in chunks.
    var next: UInt8 = 0
    if count == capacity, try withUnsafeMutableBytes(of: &next, { try readSome($0) }) == 1 {
      data.append(next)
      count += 1
      var chunk = [UInt8](repeating: 0, count: 1 << 16)
      while true {
        if let limit, count > limit { throw KubeConError.tooLarge(shown, size: count, limit: limit) }
        let n = try chunk.withUnsafeMutableBytes { try readSome($0) }
        if n == 0 { break }
        data.append(contentsOf: chunk[0..<n])
        count += n
      }
    }
    return (data, info)
  }
}
