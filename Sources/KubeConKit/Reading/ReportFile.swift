import Foundation

/// A report file's bytes read as a document: decoded (UTF-8, or Windows-1252 with a warning), a
/// saved web page turned into markdown, its lines checked, then read into blocks.
enum ReportFile {
  /// Reports larger than this are refused before they are read (a trip report is a few dozen KB;
  /// a saved page with its inline styles and scripts a few MB).
  static let maxSize = 16 << 20
  /// A line longer than this is not prose (the longest paragraphs of real reports are a few KB).
  static let maxLineLength = 256 << 10

  /// - Throws: ``KubeConError/lineTooLong(_:line:limit:)`` naming the first line longer than ``maxLineLength``.
  static func checkLineLengths(_ text: String, file: String) throws {
    var text = text
    // The line breaks are found by memchr (much faster than iterating over the UTF-8 view).
    let tooLong: Int? = text.withUTF8 { bytes in
      var line = 1
      var start = 0
      while start <= bytes.count {
        let end = Bytes.firstIndex(of: 0x0A, in: bytes, from: start) ?? bytes.count
        if end - start > maxLineLength { return line }
        line += 1
        start = end + 1
      }
      return nil
    }
    if let line = tooLong { throw KubeConError.lineTooLong(file, line: line, limit: maxLineLength) }
  }

  /// - Throws: ``KubeConError`` when the bytes are not text or a line is too long.
  static func document(_ data: Data, file: String) throws -> Document {
    let decoded = try TextDecoding.decode(data, path: file)
    let html = HTMLPage.isHTML(decoded.text, file: file)
    let text = html ? HTMLPage.markdown(from: decoded.text) : decoded.text
    try checkLineLengths(text, file: file)
    var doc = Document(text: text, file: file, bareHeadings: !html)
    doc.warnings = decoded.warnings.map { Diagnostic(file: file, line: 1, message: $0) } + doc.warnings
    return doc
  }
}
