/// Every failure the library reports, with its wording in one place.
public enum KubeConError: Error, Equatable, CustomStringConvertible {
  case fileNotFound(String)
  case unreadable(String, reason: String)
  case notText(String, reason: String)
  case emptyReport(String)
  case tooLarge(String, size: Int, limit: Int)
  case lineTooLong(String, line: Int, limit: Int)
  case unknownReport(String, suggestion: String?)
  case locked(String, reason: String)
  case noReports(String)
  case corruptCorpus(String, reason: String)
  case newerSchema(String, found: Int, known: Int)
  case writeFailed(String, reason: String)
  case catalogMissing(tried: [String])
  case corpusMissing(tried: [String])
  case badCatalog(String, reason: String)
  case damagedIndex(String, reason: String)

  public var description: String {
    switch self {
    case .fileNotFound(let path): return "\(path): no such file or directory"
    case .unreadable(let path, let reason): return "\(path): cannot read: \(reason)"
    case .notText(let path, let reason): return "\(path): not a text report: \(reason)"
    case .emptyReport(let path): return "\(path): the report is empty"
    case .tooLarge(let path, let size, let limit):
      return "\(path): too large for a report (\(KubeConError.megabytes(size)); the limit is \(KubeConError.megabytes(limit)))"
    case .lineTooLong(let path, let line, let limit):
      return "\(path):\(line): a line longer than \(limit / 1024) KB is not a report's text"
    case .unknownReport(let id, let suggestion):
      return "no report '\(id)' in the corpus" + (suggestion.map { "; did you mean '\($0)'?" } ?? "") + " (see 'kubecon reports')"
    case .locked(let path, let reason): return "\(path): cannot lock the corpus: \(reason)"
    case .noReports(let path): return "\(path): no reports found (.md, .markdown, .txt, .html)"
    case .corruptCorpus(let path, let reason): return "\(path): corrupted corpus: \(reason)"
    case .newerSchema(let path, let found, let known):
      return "\(path): corpus schemaVersion \(found) is newer than this kubecon understands (\(known)); upgrade kubecon"
    case .writeFailed(let path, let reason): return "\(path): cannot write: \(reason)"
    case .catalogMissing(let tried):
      return "cannot find the Data folder with the catalogs; tried: \(tried.joined(separator: ", ")) (set KUBECON_DATA)"
    case .corpusMissing(let tried):
      return "cannot find a corpus; tried: \(tried.joined(separator: ", ")) (use --corpus FILE or KUBECON_CORPUS)"
    case .badCatalog(let path, let reason): return "\(path): invalid catalog: \(reason)"
    case .damagedIndex(let path, let reason): return "\(path): damaged index (\(reason)); it is rebuilt from the corpus"
    }
  }

  static func megabytes(_ bytes: Int) -> String {
    String(format: "%.1f MB", Double(bytes) / 1_048_576)
  }
}
