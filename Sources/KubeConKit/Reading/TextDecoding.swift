import Foundation

/// Turns a file's bytes into text: UTF-8 with or without BOM, CRLF or LF.
///
/// Windows-1252 (Latin-1) text is read with a warning; binary data and other invalid
/// encodings are refused with an error naming the file.
enum TextDecoding {
  struct Decoded: Sendable {
    var text: String
    var warnings: [String]
  }

  static func decode(_ data: Data, path: String) throws -> Decoded {
    var bytes = [UInt8](data)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
      throw KubeConError.emptyReport(path)
    }
    if let nul = bytes.withUnsafeBufferPointer({ Bytes.firstIndex(of: 0, in: $0) }) {
      throw KubeConError.notText(path, reason: "binary data (NUL byte at offset \(nul))")
    }
    var warnings: [String] = []
    let text: String
    if let utf8 = String(validating: bytes, as: UTF8.self) {
      text = utf8
    } else if looksLikeWindows1252(bytes), let latin = String(data: Data(bytes), encoding: .windowsCP1252) {
      text = latin
      warnings.append("not valid UTF-8; read as Windows-1252 (Latin-1)")
    } else {
      let offset = firstInvalidUTF8Offset(bytes) ?? 0
      throw KubeConError.notText(path, reason: "invalid UTF-8 at byte offset \(offset)")
    }
    return Decoded(text: composed(normalizeNewlines(text)), warnings: warnings)
  }

  /// The text with its accents composed with their letters (Unicode NFC): `e` followed by the
  /// combining acute U+0301, as some tools write `é` (macOS's decomposed form), becomes `é`, so
  /// that the words read, matched and searched are those of the same text written composed.
  /// (Left apart, the marks split words: `se` and `curite`.) Only a text holding a mark of
  /// U+0300–U+036F, whose UTF-8 starts with 0xCC or 0xCD, goes through Foundation.
  static func composed(_ text: String) -> String {
    var text = text
    let marks = text.withUTF8 { Bytes.firstIndex(of: 0xCC, in: $0) != nil || Bytes.firstIndex(of: 0xCD, in: $0) != nil }
    return Folding.compatibility(marks ? text.precomposedStringWithCanonicalMapping : text)
  }

  static func normalizeNewlines(_ text: String) -> String {
    // A byte search (memchr): Foundation's `contains` goes through NSString.
    var text = text
    guard text.withUTF8({ Bytes.firstIndex(of: 0x0D, in: $0) }) != nil else { return text }
    return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
  }

  /// Latin text: few control characters, no bytes undefined in Windows-1252, and mostly ASCII.
  static func looksLikeWindows1252(_ bytes: [UInt8]) -> Bool {
    var high = 0
    var control = 0
    for b in bytes {
      switch b {
      case 0x81, 0x8D, 0x8F, 0x90, 0x9D: return false
      case 0x09, 0x0A, 0x0D: break
      case 0..<0x20, 0x7F: control += 1
      case 0x80...: high += 1
      default: break
      }
    }
    return control * 100 <= bytes.count && high * 5 <= bytes.count
  }

  static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
    var i = 0
    while i < bytes.count {
      let b = bytes[i]
      let length: Int
      switch b {
      case 0..<0x80: length = 1
      case 0xC2...0xDF: length = 2
      case 0xE0...0xEF: length = 3
      case 0xF0...0xF4: length = 4
      default: return i
      }
      if i + length > bytes.count { return i }
      for j in 1..<length where bytes[i + j] & 0xC0 != 0x80 { return i }
      i += length
    }
    return nil
  }
}
