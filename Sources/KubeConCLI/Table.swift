/// A table aligned to the terminal width: columns as wide as their content, the widest
/// (flexible) column cut with an ellipsis when the line would not fit.
struct Table {
  var headers: [String]
  var rows: [[String]] = []
  /// Index of the column that shrinks to fit the width.
  var flexible: Int

  init(_ headers: [String], flexible: Int) {
    self.headers = headers
    self.flexible = flexible
  }

  mutating func add(_ row: [String]) { rows.append(row.map(Terminal.sanitize)) }

  func render(width: Int?, style: Style) -> String {
    guard !rows.isEmpty else { return "" }
    var widths = headers.map { Terminal.width($0) }
    for row in rows {
      for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], Terminal.width(cell)) }
    }
    if let width {
      let fixed = widths.enumerated().filter { $0.offset != flexible }.map(\.element).reduce(0, +)
      let available = width - fixed - 2 * (widths.count - 1)
      widths[flexible] = max(12, min(widths[flexible], available))
    }
    func line(_ cells: [String], header: Bool) -> String {
      var parts: [String] = []
      for (i, cell) in cells.enumerated() {
        let cut = Terminal.truncate(cell, to: widths[i])
        let last = i == cells.count - 1
        let text = last ? cut : cut.padded(to: widths[i])
        parts.append(header ? style.bold(text) : text)
      }
      var s = parts.joined(separator: "  ")
      while s.hasSuffix(" ") { s.removeLast() }
      return s + "\n"
    }
    var out = line(headers, header: true)
    for row in rows { out += line(row, header: false) }
    return out
  }
}
