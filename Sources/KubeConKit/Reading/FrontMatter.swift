import Foundation

/// YAML (`---`) or TOML (`+++`) front matter at the top of a report.
///
/// Only the top-level scalar and list fields a report needs are read (title, date, author, ...);
/// nested maps are skipped. A block that never closes is not front matter: the whole file is
/// body, with a warning.
struct FrontMatter: Sendable, Equatable {
  enum Value: Sendable, Equatable {
    case string(String)
    case list([String])

    var string: String? {
      if case .string(let s) = self { return s }
      return nil
    }
  }

  var fields: [String: Value] = [:]
  /// Number of lines the front matter takes, delimiters included.
  var lineCount = 0
  var warnings: [Diagnostic] = []
  /// The line of each field.
  var lines: [String: Int] = [:]

  static func == (a: FrontMatter, b: FrontMatter) -> Bool {
    a.fields == b.fields && a.lineCount == b.lineCount
  }

  /// A string field; a list or a missing field gives nil (wrong types are warned about by `parse`).
  func string(_ key: String) -> String? { fields[key]?.string }

  /// Splits front matter from the lines of a report.
  static func parse(_ lines: [Substring]) -> FrontMatter {
    var fm = FrontMatter()
    guard let first = lines.first?.trimmingWhitespaces(),
      first == "---" || first == "+++"
    else { return fm }
    let toml = first == "+++"
    guard let close = lines.dropFirst().firstIndex(where: { $0.trimmingWhitespaces() == first })
    else {
      fm.warnings.append(Diagnostic(file: "", line: 1, message: "front matter opened with '\(first)' is never closed", invalid: true, fallback: "read as text"))
      return fm
    }
    fm.lineCount = close + 1
    var currentListKey: String? = nil
    for index in 1..<close {
      let raw = lines[index]
      let lineNumber = index + 1
      let trimmed = raw.trimmingWhitespaces()
      if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
      let indented = raw.first == " " || raw.first == "\t"
      if trimmed.hasPrefix("- "), let key = currentListKey {
        var items: [String] = []
        if case .list(let existing)? = fm.fields[key] { items = existing }
        items.append(unquote(String(trimmed.dropFirst(2))))
        fm.fields[key] = .list(items)
        continue
      }
      if indented { continue }  // nested map: not needed
      let separator: Character = toml ? "=" : ":"
      guard let sep = trimmed.firstIndex(of: separator) else {
        fm.warnings.append(Diagnostic(file: "", line: lineNumber, message: "front matter line is not 'key\(separator) value'", fallback: "ignored"))
        continue
      }
      let key = trimmed[..<sep].trimmingWhitespaces().lowercased()
      let value = trimmed[trimmed.index(after: sep)...].trimmingWhitespaces()
      currentListKey = nil
      fm.lines[key] = lineNumber
      if value.isEmpty {
        currentListKey = key
        fm.fields[key] = .list([])
      } else if value.hasPrefix("[") && value.hasSuffix("]") {
        let inner = value.dropFirst().dropLast()
        fm.fields[key] = .list(inner.split(separator: ",").map { unquote($0.trimmingWhitespaces()) }.filter { !$0.isEmpty })
      } else {
        fm.fields[key] = .string(unquote(value))
      }
    }
    return fm
  }

  static func unquote(_ s: String) -> String {
    var t = s
    if t.count >= 2, let f = t.first, let l = t.last, (f == "\"" && l == "\"") || (f == "'" && l == "'") {
      t = String(t.dropFirst().dropLast())
    }
    return t.replacingOccurrences(ofBytes: "\\\"", with: "\"")
  }
}
