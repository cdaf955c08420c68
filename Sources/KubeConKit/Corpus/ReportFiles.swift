import Foundation

/// Finds report files: a file as given, or the reports in a folder and its subfolders.
///
/// Hidden files and README files are skipped. Symbolic links are followed, but a folder is
/// visited once (a link back to a parent is no loop) and a link that cannot be resolved (a loop,
/// a dangling link) found inside a folder is skipped with a warning.
public enum ReportFiles {
  static let extensions: Set<String> = ["md", "markdown", "txt", "text", "html", "htm"]

  public struct Found: Sendable {
    /// Paths relative to the folder (or the file as given), sorted.
    public var files: [String]
    public var warnings: [String]
  }

  /// - Throws: ``KubeConError`` when `path` is missing, unreadable, or a folder without reports.
  /// - Parameter shown: how errors name `path` (default: `path`).
  public static func find(_ path: String, shown: String? = nil) throws -> Found {
    let shown = shown ?? path
    var info = stat()
    guard stat(path, &info) == 0 else { throw FileReading.failure(path, shown: shown, errno: errno) }
    guard info.st_mode & S_IFMT == S_IFDIR else { return Found(files: [path], warnings: []) }
    var found = Found(files: [], warnings: [])
    var visited: Set<[UInt64]> = [[UInt64(info.st_dev), UInt64(info.st_ino)]]
    try walk(path, relative: "", visited: &visited, into: &found)
    if found.files.isEmpty { throw KubeConError.noReports(shown) }
    found.files.sort()
    return found
  }

  static func walk(_ directory: String, relative: String, visited: inout Set<[UInt64]>, into found: inout Found) throws {
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
    } catch {
      throw KubeConError.unreadable(directory, reason: ReportParser.reason(error))
    }
    for name in names {
      if name.hasPrefix(".") || name.lowercased().hasPrefix("readme") { continue }
      let full = directory + "/" + name
      let rel = relative.isEmpty ? name : relative + "/" + name
      var info = stat()
      guard stat(full, &info) == 0 else {
        found.warnings.append("\(rel): skipped: \(String(cString: strerror(errno)))")
        continue
      }
      if info.st_mode & S_IFMT == S_IFDIR {
        guard visited.insert([UInt64(info.st_dev), UInt64(info.st_ino)]).inserted else { continue }
        try walk(full, relative: rel, visited: &visited, into: &found)
      } else if extensions.contains(FileReading.fileExtension(name)) {
        found.files.append(rel)
      }
    }
  }
}
