/// Terminal output: colour only on a terminal and never with NO_COLOR, and report text that can
/// never send control sequences to the screen.
struct Style: Sendable {
  var enabled: Bool

  func bold(_ s: String) -> String { enabled ? "\u{1B}[1m\(s)\u{1B}[0m" : s }
  func dim(_ s: String) -> String { enabled ? "\u{1B}[2m\(s)\u{1B}[0m" : s }
  func cyan(_ s: String) -> String { enabled ? "\u{1B}[36m\(s)\u{1B}[0m" : s }
  func green(_ s: String) -> String { enabled ? "\u{1B}[32m\(s)\u{1B}[0m" : s }
  func red(_ s: String) -> String { enabled ? "\u{1B}[31m\(s)\u{1B}[0m" : s }
  func yellow(_ s: String) -> String { enabled ? "\u{1B}[33m\(s)\u{1B}[0m" : s }

  /// A match inside a snippet: bold yellow on a terminal, `[word]` otherwise.
  func highlight(_ s: String) -> String { enabled ? "\u{1B}[1;33m\(s)\u{1B}[0m" : "[\(s)]" }
}

enum Terminal {
  /// Control characters (ESC, C0, C1, DEL) shown escaped: `\u{1B}[31m` prints as `\x1b[31m`.
  static func sanitize(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isControl) else { return text }
    var out = ""
    for s in text.unicodeScalars {
      if s == "\n" || s == "\t" {
        out.unicodeScalars.append(" ")
      } else if isControl(s) {
        out += "\\x" + String(s.value, radix: 16, uppercase: false).leftPadded(to: 2)
      } else {
        out.unicodeScalars.append(s)
      }
    }
    return out
  }

  /// Each line sanitized, the line breaks kept (for multi-line messages).
  static func sanitizeLines(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { sanitize(String($0)) }.joined(separator: "\n")
  }

  static func isControl(_ s: Unicode.Scalar) -> Bool {
    s.value < 0x20 || s.value == 0x7F || (s.value >= 0x80 && s.value < 0xA0) || s.value == 0x2028 || s.value == 0x2029
      || (s.value >= 0x202A && s.value <= 0x202E) || (s.value >= 0x2066 && s.value <= 0x2069)
  }

  /// Display width, counting East Asian wide characters as two columns and marks as none.
  static func width(_ text: String) -> Int {
    var w = 0
    for s in text.unicodeScalars {
      let v = s.value
      if v < 0x300 {  // below the combining marks: one column each
        w += 1
        continue
      }
      if s.properties.generalCategory == .nonspacingMark || v == 0x200B || v == 0xFE0F { continue }
      if (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
        || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
        || (0x1F300...0x1FAFF).contains(v) || (0x20000...0x3FFFD).contains(v)
      {
        w += 2
      } else {
        w += 1
      }
    }
    return w
  }

  /// The text cut to `width` columns with an ellipsis.
  static func truncate(_ text: String, to width: Int) -> String {
    guard Terminal.width(text) > width, width > 1 else { return text }
    var out = ""
    var w = 0
    for c in text {
      let cw = Terminal.width(String(c))
      if w + cw > width - 1 { break }
      out.append(c)
      w += cw
    }
    return out + "…"
  }
}

/// "1 report", "2 reports": a count with its noun (English plurals in -s).
func counted(_ n: Int, _ noun: String) -> String {
  "\(n) \(noun)\(n == 1 ? "" : "s")"
}

extension String {
  func leftPadded(to n: Int, with c: Character = "0") -> String {
    count >= n ? self : String(repeating: c, count: n - count) + self
  }

  func padded(to width: Int) -> String {
    let w = Terminal.width(self)
    return w >= width ? self : self + String(repeating: " ", count: width - w)
  }
}
