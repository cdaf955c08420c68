import Foundation

/// A report read into blocks: front matter fields, headings, paragraphs, list items.
///
/// Reads markdown headings, plain-text headings that end in `#`, and bare-line headings (a short
/// line without final punctuation, alone between blank lines, followed by a paragraph) in files
/// that have no other headings. Code blocks, HTML comments, Hugo shortcodes and `<!--more-->`
/// markers are not content.
struct Document: Sendable {
  var frontMatter: FrontMatter
  /// The blocks, each with its words (see ``bodyTokens``).
  private(set) var blocks: [Block]
  var warnings: [Diagnostic]
  /// The blocks' texts, one a line.
  let bodyText: String
  /// The words of ``bodyText``; each block's ``Block/tokens`` are its share of them.
  let bodyTokens: [Token]

  /// - Parameter bareHeadings: whether short lines alone between blank lines may be headings
  ///   (not in a converted web page, whose markup says what its headings are).
  init(text: String, file: String, bareHeadings: Bool = true) {
    var warnings: [Diagnostic] = []
    let lines = Document.lines(text)
    let fm = FrontMatter.parse(lines)
    warnings += fm.warnings.map { var d = $0; d.file = file; return d }
    self.frontMatter = fm
    let body = Array(lines[fm.lineCount...])
    let cleaned = Document.stripNonContent(body.map(String.init))
    var blocks = Document.blocks(from: cleaned, firstLine: fm.lineCount + 1, file: file, warnings: &warnings)
    if bareHeadings, !blocks.contains(where: \.isHeading) {
      Document.promoteBareHeadings(&blocks, lines: cleaned, firstLine: fm.lineCount + 1)
    }
    bodyText = Block.text(of: blocks)
    bodyTokens = Tokenizer.tokens(bodyText)
    // No word spans a line break: the words of the body fall into its blocks in order.
    var k = 0
    var end = 0  // of the block, in bytes
    for i in blocks.indices {
      if i > 0 { end += 1 }  // the line break
      blocks[i].textStart = end
      end += blocks[i].text.utf8.count
      let first = k
      while k < bodyTokens.count, bodyTokens[k].start < end { k += 1 }
      blocks[i].tokens = bodyTokens[first..<k]
    }
    self.blocks = blocks
    self.warnings = warnings
  }

  /// The lines of a text (line breaks are `\n` once decoded).
  static func lines(_ text: String) -> [Substring] {
    text.pieces(separatedBy: 0x0A)
  }

  /// Whether a line holds only spaces, tabs and no-break spaces (what `trimmingSpaces` removes).
  static func isBlank(_ line: String) -> Bool {
    var line = line
    return line.withUTF8 { Bytes.endOfSpaces($0, from: 0, to: $0.count) == $0.count }
  }

  /// The last byte before the spaces, tabs and no-break spaces that end a line.
  static func lastNonSpaceByte(_ line: String) -> UInt8? {
    var line = line
    return line.withUTF8 { u in
      var i = u.count - 1
      while i >= 0 {
        if u[i] == 0x20 || u[i] == 0x09 {
          i -= 1
        } else if u[i] == 0xA0, i >= 1, u[i - 1] == 0xC2 {
          i -= 2
        } else if u[i] == 0xAF, i >= 2, u[i - 1] == 0x80, u[i - 2] == 0xE2 {
          i -= 3
        } else {
          return u[i]
        }
      }
      return nil
    }
  }

  // MARK: - Non-content

  /// Blanks out HTML comments (also across lines) and Hugo shortcodes, keeping line numbers.
  static func stripNonContent(_ lines: [String]) -> [String] {
    var out: [String] = []
    var inComment = false
    for line in lines {
      // Nothing to remove without a '<' or a '{' (or inside a comment).
      if !inComment && !line.containsByte(where: { $0 == 0x3C || $0 == 0x7B }) {
        out.append(line)
        continue
      }
      // A line with markup but no comment (Foundation's search for one is slow).
      if !inComment && !line.containsASCII("<!--") {
        out.append(removeShortcodes(line))
        continue
      }
      var result = ""
      var rest = Substring(line)
      while !rest.isEmpty {
        if inComment {
          guard let end = rest.range(of: "-->") else {
            rest = ""
            break
          }
          rest = rest[end.upperBound...]
          inComment = false
        } else if let start = rest.range(of: "<!--") {
          result += rest[..<start.lowerBound]
          rest = rest[start.upperBound...]
          inComment = true
        } else {
          result += rest
          rest = ""
        }
      }
      out.append(removeShortcodes(result))
    }
    return out
  }

  static func removeShortcodes(_ line: String) -> String {
    guard line.containsASCII("{{") else { return line }
    var s = line
    for (open, close) in [("{{<", ">}}"), ("{{%", "%}}")] {
      while let a = s.range(of: open), let b = s.range(of: close, range: a.upperBound..<s.endIndex) {
        s.removeSubrange(a.lowerBound..<b.upperBound)
      }
    }
    return s
  }

  // MARK: - Blocks

  static func blocks(from lines: [String], firstLine: Int, file: String, warnings: inout [Diagnostic]) -> [Block] {
    let isBlank = Document.isBlank
    let nonBlank = lines.filter { !isBlank($0) }.count
    // Blank lines between paragraphs, not the ones that end the file.
    let interior = lines.drop(while: isBlank).reversed().drop(while: isBlank)
    let blank = interior.count - nonBlank
    // Markdown and blog posts separate paragraphs with blank lines and may wrap them;
    // text copied from a web page puts one paragraph on each line.
    let joinsLines = nonBlank > 0 && blank * 5 >= nonBlank
    let hashHeadings = lines.filter(isHashHeading).count >= 2

    var blocks: [Block] = []
    var paragraph: [String] = []
    var paragraphLine = 0
    var fence: String? = nil
    var fenceLine = 0

    func flush() {
      guard !paragraph.isEmpty else { return }
      let inline = InlineText(paragraph.joined(separator: " "))
      if !inline.text.isEmpty {
        blocks.append(Block(kind: isMarker(inline.text) ? .marker : .paragraph, inline: inline, line: paragraphLine))
      }
      paragraph = []
    }

    for (offset, raw) in lines.enumerated() {
      let number = firstLine + offset
      let trimmed = raw.trimmingSpaces()
      if let open = fence {
        if trimmed.hasASCIIPrefix(open) { fence = nil }
        continue
      }
      if trimmed.hasASCIIPrefix("```") || trimmed.hasASCIIPrefix("~~~") {
        flush()
        fence = String(trimmed.prefix(3))
        fenceLine = number
        continue
      }
      if trimmed.isEmpty {
        flush()
        continue
      }
      if let (level, text) = markdownHeading(trimmed) {
        flush()
        // A heading with no words (only an image, a rule of '#') names nothing.
        let inline = InlineText(text)
        if inline.text.contains(where: { $0.isLetter || $0.isNumber }) {
          blocks.append(Block(kind: .heading(level: level), inline: inline, line: number))
        }
        continue
      }
      if hashHeadings, isHashHeading(trimmed) {
        flush()
        blocks.append(Block(kind: .heading(level: 2), inline: InlineText(String(trimmed.dropLast())), line: number))
        continue
      }
      if isRule(trimmed) {
        flush()
        continue
      }
      if let (depth, text) = listItem(raw) {
        flush()
        blocks.append(Block(kind: .listItem(depth: depth), inline: InlineText(text), line: number))
        continue
      }
      if trimmed.hasASCIIPrefix(">") {
        flush()
        let text = trimmed.drop { $0 == ">" }.trimmingSpaces()
        if !text.isEmpty { blocks.append(Block(kind: .quote, inline: InlineText(text), line: number)) }
        continue
      }
      // A wrapped line continues the paragraph (or the list item above it).
      if joinsLines, paragraph.isEmpty, raw.first == " ", let last = blocks.last, case .listItem = last.kind,
        last.line < number
      {
        blocks[blocks.count - 1].inline = InlineText(last.inline.text + " " + trimmed)
        continue
      }
      if !joinsLines { flush() }
      if paragraph.isEmpty { paragraphLine = number }
      paragraph.append(trimmed)
    }
    flush()
    if fence != nil {
      warnings.append(Diagnostic(file: file, line: fenceLine, message: "code block is never closed; the rest of the file is skipped"))
    }
    return blocks
  }

  static func markdownHeading(_ line: String) -> (Int, String)? {
    guard line.hasASCIIPrefix("#") else { return nil }
    let level = line.prefix { $0 == "#" }.count
    guard level <= 6 else { return nil }
    let rest = line.dropFirst(level)
    guard rest.first == " " || rest.first == "\t" else { return nil }
    var text = rest.trimmingSpaces()
    while text.hasSuffix("#") { text = String(text.dropLast()).trimmingSpaces() }
    return text.isEmpty ? nil : (level, text)
  }

  /// `Keynote de démarrage#`: headings of a web page copied as text keep their anchor sign.
  static func isHashHeading(_ line: String) -> Bool {
    // Quick test: the line ends in '#', spaces aside.
    guard lastNonSpaceByte(line) == 0x23 else { return false }
    var t = line.trimmingSpaces()
    // Read as bytes where each scalar is a character of its own.
    let answer = t.withUTF8 { b -> Bool? in
      guard Graphemes.eachScalarIsACharacter(b) else { return nil }
      func characters(_ range: Range<Int>) -> Int { Bytes.scalarCount(b[range]) }
      let count = characters(0..<b.count)
      guard count >= 3, count <= 200, b[b.count - 1] == 0x23, b[0] != 0x23 else { return false }
      let end = b.count - 1  // the body, before the '#'
      guard b[end - 1] != 0x20, b[end - 1] != 0x23 else { return false }
      var start = end
      while start > 0 && b[start - 1] != 0x20 { start -= 1 }
      return characters(start..<end) > 1
    }
    return answer ?? characterIsHashHeading(t)
  }

  /// ``isHashHeading(_:)`` of a trimmed line ending in '#', read as characters.
  static func characterIsHashHeading(_ t: String) -> Bool {
    guard t.count >= 3, t.count <= 200, t.hasSuffix("#"), !t.hasASCIIPrefix("#") else { return false }
    let body = t.dropLast()
    guard let last = body.last, last != " ", last != "#" else { return false }
    // "C#", "F#": a language, not a heading.
    let lastWord = body.split(separator: " ").last ?? ""
    return lastWord.count > 1
  }

  /// `---`, `* * *`, `___`, `===`: three or more of one of those marks, spaces aside.
  static func isRule(_ line: String) -> Bool {
    guard let b = line.utf8.first(where: { $0 != 0x20 }), b == 0x2D || b == 0x2A || b == 0x5F || b == 0x3D else { return false }
    var count = 0
    for byte in line.utf8 where byte != 0x20 {
      guard byte == b else { return false }
      count += 1
    }
    return count >= 3
  }

  static func listItem(_ raw: String) -> (Int, String)? {
    // Most lines are no list item, which their bytes tell: after ASCII spaces and tabs, an ASCII
    // byte that is no list mark and no digit starts a character that is neither. (The rest is
    // read as characters.)
    let plain = raw.utf8.withContiguousStorageIfAvailable { b -> Bool in
      var i = 0
      while i < b.count, b[i] == 0x20 || b[i] == 0x09 { i += 1 }
      guard i < b.count else { return false }
      let c = b[i]
      return c < 0x80 && c != 0x2D && c != 0x2A && c != 0x2B && !(c >= 0x30 && c <= 0x39)
    }
    return plain == true ? nil : characterListItem(raw)
  }

  /// ``listItem(_:)`` read as characters.
  static func characterListItem(_ raw: String) -> (Int, String)? {
    let indent = raw.prefix { $0 == " " || $0 == "\t" }.count
    let rest = raw.dropFirst(indent)
    guard let first = rest.first else { return nil }
    if first == "-" || first == "*" || first == "+" || first == "•" {
      let after = rest.dropFirst()
      guard after.first == " " || after.first == "\t" else { return nil }
      let text = after.trimmingSpaces()
      return text.isEmpty ? nil : (indent / 2, text)
    }
    let digits = rest.prefix { $0.isASCII && $0.isNumber }
    guard !digits.isEmpty, digits.count <= 3 else { return nil }
    let after = rest.dropFirst(digits.count)
    guard let p = after.first, p == "." || p == ")", after.dropFirst().first == " " else { return nil }
    let text = after.dropFirst(2).trimmingSpaces()
    return text.isEmpty ? nil : (indent / 2, text)
  }

  /// Lines that close the notes on one session by pointing at its recording.
  static func isMarker(_ text: String) -> Bool {
    // At most nine words (runs of non-spaces), counted until there are too many.
    guard text.pieceCount(upTo: 10) <= 9 else { return false }
    let f = Folding.fold(text)
    // (Most short paragraphs start with none of the prefixes' first letters.)
    guard let first = f.utf8.first, markerFirstBytes.contains(first) else { return false }
    return markerPrefixes.contains { f.hasASCIIPrefix($0) }
  }

  static let markerFirstBytes = Set(markerPrefixes.compactMap(\.utf8.first))

  static let markerPrefixes = [
    "voir la video", "voir le replay", "regarder la video", "lien vers la video", "la video de cette session",
    "watch the video", "watch the recording", "watch the talk", "watch the session", "watch it on youtube",
    "video of the talk", "video of this session", "recording of the talk", "session recording",
  ]

  // MARK: - Bare-line headings

  /// In a file without headings, a short line alone between blank lines, without final
  /// punctuation and followed by a paragraph, is a heading.
  static func promoteBareHeadings(_ blocks: inout [Block], lines: [String], firstLine: Int) {
    func isBlank(_ number: Int) -> Bool {
      let index = number - firstLine
      return index < 0 || index >= lines.count || Document.isBlank(lines[index])
    }
    for i in blocks.indices where blocks[i].kind == .paragraph && i + 1 < blocks.count {
      let b = blocks[i]
      guard isBlank(b.line - 1), isBlank(b.line + 1), looksLikeHeading(b.text) else { continue }
      switch blocks[i + 1].kind {
      case .paragraph, .listItem: break
      default: continue
      }
      // The first line of a plain-text file is its title, not a heading.
      if i == 0 { continue }
      blocks[i].kind = .heading(level: 2)
    }
  }

  /// The characters a bare-line heading does not end with.
  static let headingEnds = Set(".,;:!?…»\")”(-–—/=")

  static func looksLikeHeading(_ text: String) -> Bool {
    let t = text.trimmingSpaces()
    guard let first = t.first, first.isUppercase || first.isNumber, let last = t.last else { return false }
    // At most 90 characters, counted no further.
    guard !ReportParser.hasCharacters(t, atLeast: 91) else { return false }
    guard t.pieceCount(upTo: 13) <= 12 else { return false }
    if Document.headingEnds.contains(last) { return false }
    if t.containsASCII("=") || t.containsASCII("{") || t.containsASCII("$") || t.containsASCII("://") { return false }
    return true
  }
}
