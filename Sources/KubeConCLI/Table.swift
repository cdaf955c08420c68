/// A table that fits the terminal: columns as wide as their content; when a line would not fit,
/// the widest free-text column shrinks first, then the next widest. A title column is cut with an
/// ellipsis, a list column wraps onto more lines. A table that cannot fit even so (an id wider
/// than the screen) is printed as one record per row, a field per line.
struct Table {
  enum Column {
    /// Ids, numbers, dates: never cut.
    case fixed
    /// Free text cut with an ellipsis.
    case truncating
    /// Lists and long text wrapped onto more lines.
    case wrapping
  }

  var headers: [String]
  var columns: [Column]
  var rows: [[String]] = []

  init(_ headers: [(String, Column)]) {
    self.headers = headers.map(\.0)
    columns = headers.map(\.1)
  }

  mutating func add(_ row: [String]) { rows.append(row.map(Terminal.sanitize)) }

  /// The narrowest a shrinking column gets: its header, and at least 8 columns.
  static let minimum = 8

  func render(width: Int?, style: Style) -> String {
    guard !rows.isEmpty else { return "" }
    var widths = headers.map { Terminal.width($0) }
    for row in rows {
      for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], Terminal.width(cell)) }
    }
    let gaps = 2 * (widths.count - 1)
    if let width, widths.reduce(0, +) + gaps > width {
      let floors = widths.indices.map { i in columns[i] == .fixed ? widths[i] : min(widths[i], max(Table.minimum, Terminal.width(headers[i]))) }
      guard floors.reduce(0, +) + gaps <= width else { return records(width: width, style: style) }
      var excess = widths.reduce(0, +) + gaps - width
      while excess > 0 {
        // The widest column that may still shrink gives a column.
        guard let i = widths.indices.filter({ widths[$0] > floors[$0] }).max(by: { widths[$0] < widths[$1] }) else { break }
        widths[i] -= 1
        excess -= 1
      }
    }
    func lines(_ cells: [String], header: Bool) -> String {
      // Each cell as the lines it takes; the row is as tall as its tallest cell.
      let parts = cells.enumerated().map { i, cell -> [String] in
        guard i < widths.count, Terminal.width(cell) > widths[i] else { return [cell] }
        return columns[i] == .wrapping ? Terminal.wrap(cell, to: widths[i]) : [Terminal.truncate(cell, to: widths[i])]
      }
      var out = ""
      for k in 0..<(parts.map(\.count).max() ?? 1) {
        var texts: [String] = []
        for (i, part) in parts.enumerated() {
          let text = k < part.count ? part[k] : ""
          texts.append(i == parts.count - 1 ? text : text.padded(to: widths[i]))
        }
        var s = texts.map { header ? style.bold($0) : $0 }.joined(separator: "  ")
        while s.hasSuffix(" ") { s.removeLast() }
        out += s + "\n"
      }
      return out
    }
    var out = lines(headers, header: true)
    for row in rows { out += lines(row, header: false) }
    return out
  }

  /// One record per row: `HEADER  value` lines, values wrapped, a blank line between records.
  func records(width: Int, style: Style) -> String {
    let label = (headers.map { Terminal.width($0) }.max() ?? 0) + 2
    var out = ""
    for (n, row) in rows.enumerated() {
      if n > 0 { out += "\n" }
      for (i, cell) in row.enumerated() where i < headers.count && !cell.isEmpty {
        let valueWidth = max(Table.minimum, width - label)
        for (k, line) in Terminal.wrap(cell, to: valueWidth).enumerated() {
          out += (k == 0 ? style.bold(headers[i].padded(to: label)) : String(repeating: " ", count: label)) + line + "\n"
        }
      }
    }
    return out
  }
}
