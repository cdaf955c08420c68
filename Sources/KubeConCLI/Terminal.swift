import Foundation

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
      if s.properties.generalCategory == .nonspacingMark || v == 0x200B || v == 0x200D || v == 0xFE0F { continue }
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

  /// Display width of styled output: ``width(_:)`` without the colour sequences of ``Style``.
  /// (Report text never holds ESC: ``sanitize(_:)`` escapes it.)
  static func visibleWidth(_ text: String) -> Int {
    guard text.unicodeScalars.contains("\u{1B}") else { return width(text) }
    var plain = String.UnicodeScalarView()
    var inEscape = false
    for s in text.unicodeScalars {
      if inEscape {
        if s == "m" { inEscape = false }
      } else if s == "\u{1B}" {
        inEscape = true
      } else {
        plain.append(s)
      }
    }
    return width(String(plain))
  }

  /// The text in lines of at most `width` columns, broken at spaces (a word longer than a line
  /// is cut); `indent` spaces start every line but the first, whose spacing is kept.
  static func wrap(_ text: String, to width: Int, indent: Int = 0) -> [String] {
    guard visibleWidth(text) > width, width > indent + 1 else { return [text] }
    let pad = String(repeating: " ", count: indent)
    var lines: [String] = []
    var rest = Substring(text)
    var prefix = ""
    while !rest.isEmpty {
      let room = width - prefix.count
      if visibleWidth(String(rest)) <= room {
        lines.append(prefix + rest)
        break
      }
      // The longest head that fits, cut after its last space, else after its last character.
      var used = 0
      var seenText = false
      var inEscape = false
      var lastSpace: Substring.Index? = nil
      var cut = rest.startIndex
      var i = rest.startIndex
      while i < rest.endIndex {
        let c = rest[i]
        if inEscape {
          if c == "m" { inEscape = false }
        } else if c == "\u{1B}" {
          inEscape = true
        } else {
          let w = Terminal.width(String(c))
          if used + w > room { break }
          used += w
          if c == " " { if seenText { lastSpace = i } } else { seenText = true }
        }
        i = rest.index(after: i)
        cut = i
      }
      var end = lastSpace ?? cut
      if end == rest.startIndex { end = rest.index(after: rest.startIndex) }
      var head = rest[..<end]
      while head.last == " " { head = head.dropLast() }
      lines.append(prefix + head)
      rest = rest[end...].drop { $0 == " " }
      prefix = pad
    }
    return lines
  }

  /// A line of a view cut into lines of at most `width` columns. Continuation lines start under
  /// the value of a `label   value` line, else under the line's own text.
  static func fit(_ line: String, to width: Int) -> [String] {
    guard visibleWidth(line) > width else { return [line] }
    let leading = line.prefix { $0 == " " }.count
    var indent = leading
    // `  label         value`: a label of a few words, then two spaces or more, then the value.
    let scalars = Array(line)
    var i = leading
    while i < scalars.count && i < leading + 30 {
      if scalars[i] == " ", i + 1 < scalars.count, scalars[i + 1] == " " {
        var j = i
        while j < scalars.count && scalars[j] == " " { j += 1 }
        if j < scalars.count { indent = j }
        break
      }
      i += 1
    }
    // (A value word wider than the room beside the label also goes under it.)
    let longest = indent < scalars.count ? String(scalars[indent...]).split(separator: " ").map { visibleWidth(String($0)) }.max() ?? 0 : 0
    if indent > width / 2 || (indent > leading && longest > width - indent) {
      // Too narrow for the value beside its label: the label, then the value under it.
      guard indent > leading, indent < scalars.count else { return wrap(line, to: width, indent: min(leading, width / 2)) }
      let under = min(leading + 4, width / 2)
      let label = String(scalars[..<indent]).replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
      let value = String(repeating: " ", count: under) + String(scalars[indent...])
      return wrap(label, to: width, indent: leading) + wrap(value, to: width, indent: under)
    }
    return wrap(line, to: width, indent: indent)
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
