import Foundation

/// One session as a program file gives it, before it is mapped to an edition.
public struct ScheduleRow: Equatable, Sendable {
  /// Sched's event id (`kccnceu2025`), when the file names it.
  var event: String?
  var year: Int?
  var region: String?
  var city: String?
  var start: String?
  var end: String?
  var track: String?
  var url: String?
  var location: String?
  var name: String
  /// Where the row is, for warnings.
  var line: Int

  init(
    event: String? = nil, year: Int? = nil, region: String? = nil, city: String? = nil, start: String? = nil,
    end: String? = nil, track: String? = nil, url: String? = nil, location: String? = nil, name: String, line: Int
  ) {
    self.event = event
    self.year = year
    self.region = region
    self.city = city
    self.start = start
    self.end = end
    self.track = track
    self.url = url
    self.location = location
    self.name = name
    self.line = line
  }
}

/// Reads programs: the TSV and CSV with the columns `edition year region city start end track url
/// name` (a header line names them, in any order; `location` may be added), and Sched's iCalendar
/// export (RFC 5545). A row or event that cannot be read is a warning naming its line.
public enum ScheduleReader {
  public static func read(_ text: String, file: String) -> (rows: [ScheduleRow], warnings: [Diagnostic]) {
    let lower = file.lowercased()
    if lower.hasSuffix(".ics") || text.hasPrefix("BEGIN:VCALENDAR") { return readICS(text, file: file) }
    if lower.hasSuffix(".csv") { return readTable(csvRecords(text), file: file) }
    return readTable(lines(text).enumerated().map { (k, line) in
      (line: k + 1, fields: line.split(separator: "\t", omittingEmptySubsequences: false).map {
        String($0).trimmingCharacters(in: CharacterSet(charactersIn: "\r"))
      })
    }, file: file)
  }

  /// The lines of a text, whether they end with LF or CRLF (which Swift reads as one character).
  static func lines(_ text: String) -> [Substring] {
    text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
  }

  // MARK: - Tables

  static let columns = ["edition", "year", "region", "city", "start", "end", "track", "url", "name", "location"]

  static func readTable(_ records: [(line: Int, fields: [String])], file: String) -> (rows: [ScheduleRow], warnings: [Diagnostic]) {
    var warnings: [Diagnostic] = []
    guard let header = records.first(where: { !($0.fields.count == 1 && $0.fields[0].isEmpty) }) else { return ([], []) }
    var index: [String: Int] = [:]
    for (k, f) in header.fields.enumerated() { index[f.trimmingCharacters(in: .whitespaces).lowercased()] = k }
    guard index["name"] != nil else {
      return ([], [Diagnostic(file: file, line: header.line, message: "no 'name' column in the header (expected: \(columns.prefix(9).joined(separator: ", ")))")])
    }
    var rows: [ScheduleRow] = []
    for record in records where record.line > header.line {
      if record.fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
      guard record.fields.count == header.fields.count else {
        warnings.append(Diagnostic(file: file, line: record.line, message: "\(record.fields.count) fields instead of \(header.fields.count); row skipped"))
        continue
      }
      func field(_ name: String) -> String? {
        guard let k = index[name] else { return nil }
        let value = record.fields[k].trimmingCharacters(in: .whitespaces)
        return value.isEmpty ? nil : value
      }
      guard let name = field("name") else {
        warnings.append(Diagnostic(file: file, line: record.line, message: "a session without a name; row skipped"))
        continue
      }
      var year: Int? = nil
      if let y = field("year") {
        guard let n = Int(y), (2015...2100).contains(n) else {
          warnings.append(Diagnostic(file: file, line: record.line, message: "year '\(y)' is not a year; row skipped"))
          continue
        }
        year = n
      }
      rows.append(ScheduleRow(
        event: field("edition"), year: year, region: field("region"), city: field("city"), start: field("start"),
        end: field("end"), track: field("track"), url: field("url"), location: field("location"), name: name,
        line: record.line))
    }
    return (rows, warnings)
  }

  /// RFC 4180 records: fields in double quotes may hold commas, quotes (doubled) and line breaks.
  static func csvRecords(_ text: String) -> [(line: Int, fields: [String])] {
    var records: [(line: Int, fields: [String])] = []
    var fields: [String] = []
    var field = ""
    var quoted = false
    var line = 1
    var recordLine = 1
    var chars = Array(text.unicodeScalars)
    if chars.last != "\n" { chars.append("\n") }
    var i = 0
    while i < chars.count {
      let c = chars[i]
      if quoted {
        if c == "\"" {
          if i + 1 < chars.count, chars[i + 1] == "\"" {
            field.unicodeScalars.append("\"")
            i += 1
          } else {
            quoted = false
          }
        } else {
          if c == "\n" { line += 1 }
          field.unicodeScalars.append(c)
        }
      } else if c == "\"" && field.isEmpty {
        quoted = true
      } else if c == "," {
        fields.append(field)
        field = ""
      } else if c == "\n" {
        fields.append(field.hasSuffix("\r") ? String(field.dropLast()) : field)
        records.append((recordLine, fields))
        fields = []
        field = ""
        line += 1
        recordLine = line
      } else {
        field.unicodeScalars.append(c)
      }
      i += 1
    }
    return records
  }

  // MARK: - iCalendar

  /// Lines with their folds undone (a line break followed by a space or tab continues the line),
  /// each with the number of its first physical line.
  static func unfoldedLines(_ text: String) -> [(line: Int, text: String)] {
    var out: [(line: Int, text: String)] = []
    for (k, raw) in lines(text).enumerated() {
      var piece = Substring(raw)
      if piece.hasSuffix("\r") { piece = piece.dropLast() }
      if let first = piece.first, first == " " || first == "\t", !out.isEmpty {
        out[out.count - 1].text += piece.dropFirst()
      } else {
        out.append((k + 1, String(piece)))
      }
    }
    return out
  }

  /// A property's value with `\,`, `\;`, `\\` and `\n` read.
  static func unescape(_ value: String) -> String {
    var out = ""
    var escaping = false
    for c in value {
      if escaping {
        switch c {
        case "n", "N": out.append("\n")
        default: out.append(c)
        }
        escaping = false
      } else if c == "\\" {
        escaping = true
      } else {
        out.append(c)
      }
    }
    return out
  }

  /// `20250402T110000` (with or without `Z`) or `20250402` as `2025-04-02T11:00` or `2025-04-02`.
  static func icsTime(_ value: String) -> String? {
    let v = Array(value.utf8)
    func digits(_ r: Range<Int>) -> String? {
      guard r.upperBound <= v.count, v[r].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
      return String(decoding: v[r], as: UTF8.self)
    }
    guard let y = digits(0..<4), let m = digits(4..<6), let d = digits(6..<8) else { return nil }
    let date = "\(y)-\(m)-\(d)"
    guard v.count > 8 else { return date }
    guard v[8] == UInt8(ascii: "T"), let h = digits(9..<11), let min = digits(11..<13) else { return nil }
    return date + "T\(h):\(min)" + (v.last == UInt8(ascii: "Z") ? "Z" : "")
  }

  static func readICS(_ text: String, file: String) -> (rows: [ScheduleRow], warnings: [Diagnostic]) {
    var rows: [ScheduleRow] = []
    var warnings: [Diagnostic] = []
    var event: [String: String]? = nil
    var eventLine = 0
    var broken: (line: Int, message: String)? = nil
    for (line, content) in unfoldedLines(text) {
      if content == "BEGIN:VEVENT" {
        if event != nil { warnings.append(Diagnostic(file: file, line: eventLine, message: "an event never ended (no END:VEVENT); skipped")) }
        event = [:]
        eventLine = line
        broken = nil
        continue
      }
      if content == "END:VEVENT" {
        guard let e = event else {
          warnings.append(Diagnostic(file: file, line: line, message: "END:VEVENT without BEGIN:VEVENT; ignored"))
          continue
        }
        event = nil
        if let broken {
          warnings.append(Diagnostic(file: file, line: broken.line, message: "\(broken.message); event skipped"))
          continue
        }
        guard let summary = e["SUMMARY"], !summary.isEmpty else {
          warnings.append(Diagnostic(file: file, line: eventLine, message: "an event without SUMMARY; skipped"))
          continue
        }
        var start: String? = nil, end: String? = nil
        if let s = e["DTSTART"] {
          guard let t = icsTime(s) else {
            warnings.append(Diagnostic(file: file, line: eventLine, message: "DTSTART '\(s)' is not a date; event skipped"))
            continue
          }
          start = t
        }
        if let s = e["DTEND"] { end = icsTime(s) }
        let track = e["CATEGORIES"].flatMap { $0.split(separator: ",").first.map { String($0).trimmingCharacters(in: .whitespaces) } }
        var year: Int? = nil
        if let start { year = Int(start.prefix(4)) }
        rows.append(ScheduleRow(
          event: e["URL"].flatMap(schedEvent), year: year, start: start, end: end, track: track, url: e["URL"],
          location: e["LOCATION"].flatMap { $0.isEmpty ? nil : $0 }, name: summary, line: eventLine))
        continue
      }
      guard event != nil else { continue }
      // NAME;PARAM=...:VALUE (a parameter value may be quoted and hold a colon).
      var inQuotes = false
      var colon: String.Index? = nil
      for i in content.indices {
        if content[i] == "\"" { inQuotes.toggle() }
        if content[i] == ":" && !inQuotes {
          colon = i
          break
        }
      }
      guard let colon else {
        broken = broken ?? (line, "'\(content.prefix(40))' is not NAME:VALUE")
        continue
      }
      let head = content[..<colon]
      let name = head.split(separator: ";").first.map { String($0).uppercased() } ?? ""
      event?[name] = unescape(String(content[content.index(after: colon)...])).trimmingCharacters(in: .whitespaces)
    }
    if event != nil { warnings.append(Diagnostic(file: file, line: eventLine, message: "an event never ended (no END:VEVENT); skipped")) }
    return (rows, warnings)
  }

  /// `kccnceu2025` from `https://kccnceu2025.sched.com/event/...`.
  static func schedEvent(_ url: String) -> String? {
    guard let host = URL(string: url)?.host, host.hasSuffix(".sched.com") else { return nil }
    return String(host.dropLast(".sched.com".count))
  }
}
