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
  static func escapeControls(_ data: Data) -> Data {
    let bytes = [UInt8](data)
    guard bytes.contains(where: { $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 }) else { return data }
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + 64)
    var i = 0
    bytes.withUnsafeBufferPointer { utf8 in
      while i < utf8.count {
        if let (value, length) = terminalControl(utf8, at: i) {
          appendEscape(value, to: &out)
          i += length
        } else {
          out.append(utf8[i])
          i += 1
        }
      }
    }
    return Data(out)
  }

  /// The character at `k` of some UTF-8 that a terminal could act on beyond U+0000–U+001F (DEL,
  /// a C1 control, a line or paragraph separator, a bidi embedding, override or isolate), with
  /// its length in bytes; nil for any other.
  static func terminalControl(_ utf8: UnsafeBufferPointer<UInt8>, at k: Int) -> (value: UInt32, length: Int)? {
    let n = utf8.count
    switch utf8[k] {
    case 0x7F: return (0x7F, 1)
    case 0xC2 where k + 1 < n && (0x80...0x9F).contains(utf8[k + 1]): return (UInt32(utf8[k + 1]), 2)
    case 0xE2 where k + 2 < n && utf8[k + 1] == 0x80 && (0xA8...0xAE).contains(utf8[k + 2]):
      return (0x2000 + UInt32(utf8[k + 2] - 0x80), 3)
    case 0xE2 where k + 2 < n && utf8[k + 1] == 0x81 && (0xA6...0xA9).contains(utf8[k + 2]):
      return (0x2040 + UInt32(utf8[k + 2] - 0x80), 3)
    default: return nil
    }
  }

  /// `\uXXXX`, lowercase as JSONEncoder writes it.
  static func appendEscape(_ value: UInt32, to out: inout [UInt8]) {
    out.append(UInt8(ascii: "\\"))
    out.append(UInt8(ascii: "u"))
    for shift in stride(from: 12, through: 0, by: -4) {
      let digit = UInt8(value >> UInt32(shift) & 0xF)
      out.append(digit < 10 ? 0x30 + digit : 0x57 + digit)
    }
  }
}
