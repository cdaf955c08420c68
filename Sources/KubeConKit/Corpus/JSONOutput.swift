import Foundation

/// The one JSON encoding of the project: sorted keys, pretty-printed, slashes unescaped, and no
/// character a terminal could act on left raw.
public enum JSONOutput {
  public static func encode<T: Encodable>(_ value: T) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    return escapeControls(try encoder.encode(value))
  }

  /// JSONEncoder escapes U+0000–U+001F; this also escapes DEL, the C1 controls (U+0080–U+009F,
  /// among them the one-byte CSI), line and paragraph separators and bidi overrides, as `\uXXXX`.
  /// These only occur inside strings, where the escape means the same text.
  public static func escapeControls(_ data: Data) -> Data {
    let bytes = [UInt8](data)
    guard bytes.contains(where: { $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 }) else { return data }
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + 64)
    var i = 0
    func escape(_ value: UInt32) {
      out += Array(String(format: "\\u%04x", value).utf8)
    }
    while i < bytes.count {
      let b = bytes[i]
      if b == 0x7F {
        escape(0x7F)
        i += 1
      } else if b == 0xC2, i + 1 < bytes.count, (0x80...0x9F).contains(bytes[i + 1]) {
        escape(UInt32(bytes[i + 1]))
        i += 2
      } else if b == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, (0xA8...0xAE).contains(bytes[i + 2]) {
        escape(0x2000 + UInt32(bytes[i + 2] - 0x80))
        i += 3
      } else if b == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x81, (0xA6...0xA9).contains(bytes[i + 2]) {
        escape(0x2040 + UInt32(bytes[i + 2] - 0x80))
        i += 3
      } else {
        out.append(b)
        i += 1
      }
    }
    return Data(out)
  }
}
