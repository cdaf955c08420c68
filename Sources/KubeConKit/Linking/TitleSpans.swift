import Foundation

/// The spans of a report's text that may name a session: quoted text, what comes before a
/// title's speakers or notes, its first lines; and names without nickname or role words.
extension SessionLinker {
  /// The first `n` lines of a text.
  static func firstLines(_ n: Int, of text: String) -> Substring {
    var seen = 0
    let end = text.utf8.firstIndex { b in
      if b == 0x0A { seen += 1 }
      return seen == n
    }
    return text[..<(end ?? text.endIndex)]
  }

  /// A name without its nickname in quotes or parentheses (`Jane "JD" Doe` as `Jane Doe`).
  static func withoutNickname(_ name: String) -> String {
    name.split(separator: " ").filter { w in !(w.hasPrefix("\"") || w.hasPrefix("(") || w.hasPrefix("“") || w.hasPrefix("\\\"")) }
      .joined(separator: " ")
  }

  /// A name without the job or role words written before it (`Flux Maintainers Jane Doe`, `CTO
  /// Jane Doe`): the words after the last role word, when two or more are left.
  static func withoutRoles(_ speaker: SpeakerRef) -> SpeakerRef {
    let words = speaker.name.split(separator: " ")
    guard words.count >= 3 else { return speaker }
    let isRole = { (w: Substring) -> Bool in
      let f = Folding.fold(w)
      return SessionNameParser.roleWords.contains(f) || (f.hasSuffix("s") && SessionNameParser.roleWords.contains(String(f.dropLast())))
    }
    guard let last = words.lastIndex(where: isRole), words.count - last - 1 >= 2 else { return speaker }
    return SpeakerRef(name: words[(last + 1)...].joined(separator: " "), organization: speaker.organization)
  }

  /// Texts between double quotes (straight, curly or French).
  static func quoted(_ text: String) -> [String] {
    var out: [String] = []
    // (Most blocks quote nothing: `"`, and the first bytes of `“` and `«`.)
    guard text.utf8.contains(0x22) || text.containsLiteral("“") || text.containsLiteral("«") else { return out }
    let pairs: [(StaticString, StaticString)] = [("\"", "\""), ("“", "”"), ("«", "»")]
    for (open, close) in pairs {
      var rest = Substring(text)
      while let a = rest.literalRange(of: open), let b = rest[a.upperBound...].literalRange(of: close) {
        out.append(String(rest[a.upperBound..<b.lowerBound]).trimmingCharacters(in: .whitespaces))
        rest = rest[b.upperBound...]
      }
    }
    return out
  }

  /// The text before ` - `, ` – `, ` by `, ` par `, `(` or `: ` (what a list item or heading
  /// often puts after a title).
  static func leadingParts(_ text: String) -> [String] {
    var out: [String] = []
    for separator: StaticString in [" - ", " – ", " — ", " by ", " par ", " (", " | ", ": "] {
      if let r = text.literalRange(of: separator) { out.append(String(text[..<r.lowerBound])) }
      if let r = text.literalRange(of: separator, backwards: true) { out.append(String(text[..<r.lowerBound])) }
    }
    return out
  }
}
