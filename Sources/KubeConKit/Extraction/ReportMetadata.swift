import Foundation

/// Title, author and organization of a report, from its front matter or its first lines.
enum ReportMetadata {
  static let authorKeys = ["author", "authors", "auteur", "creator", "by"]

  /// The report's own title: the front matter's, else a first-level heading or a short first
  /// line of a plain-text file at its start, else its first heading, else its first sentence when
  /// it is short, else its file's name. Never a sentence cut short.
  static func title(_ doc: Document, file: String) -> String {
    if let t = doc.frontMatter.string("title"), !t.isEmpty { return t }
    for block in doc.blocks.prefix(3) {
      if block.headingLevel == 1 { return block.text }
      guard block.kind == .paragraph else { continue }
      if isDateLine(block.text) || isByline(block.text) { continue }
      let words = block.text.split(separator: " ")
      if words.count <= 15, let last = block.text.last, !".,;:".contains(last) { return block.text }
      break
    }
    if let heading = doc.blocks.first(where: { $0.isHeading && !$0.text.isEmpty }) { return heading.text }
    let first = doc.blocks.first { $0.kind == .paragraph && !isDateLine($0.text) && !isByline($0.text) }
    if let sentence = first.flatMap({ Sentences.split($0.text, limit: 1).first }), sentence.split(separator: " ").count <= 15 {
      return sentence.trimmingCharacters(in: .whitespaces)
    }
    let name = (file as NSString).lastPathComponent
    let base = (name as NSString).deletingPathExtension
    return base.isEmpty ? "Untitled report" : base
  }

  static func author(_ doc: Document, parser: SpeakerParser) -> String? {
    for key in authorKeys {
      switch doc.frontMatter.fields[key] {
      case .string(let s)? where !s.isEmpty: return s
      case .list(let l)? where !l.isEmpty: return l.joined(separator: ", ")
      default: continue
      }
    }
    // `author:` with a nested `name:` (or written flat by mistake).
    if doc.frontMatter.fields["author"] != nil, let name = doc.frontMatter.string("name") { return name }
    // "By Jane Doe." at the top, before any heading.
    for block in doc.blocks.prefix(4) {
      if block.isHeading { break }
      guard isByline(block.text) else { continue }
      var words = block.text.split(separator: " ")
      words.removeFirst()
      if let f = words.first, Folding.fold(String(f)) == "by" { words.removeFirst() }
      if let list = parser.parseList(words.joined(separator: " ")), let first = list.first { return first.name }
    }
    return nil
  }

  /// Each cue as its words.
  static let organizationCues: [[String]] = [
    "mon entreprise", "ma societe", "mon employeur", "mon gentil employeur", "my company", "my employer",
    "i work at", "i work for", "je travaille chez", "je travaille pour", "notre entreprise", "our company",
  ].map { Folding.fold($0).split(separator: " ").map(String.init) }

  /// The longest word of each cue.
  static let organizationCueAnchors = WordTable(words: organizationCues.map { $0.max { $0.count < $1.count }! })

  /// "grâce à mon entreprise Acme", "my employer, Acme", or a link on the word "employeur".
  static func organization(_ doc: Document) -> String? {
    for key in ["organization", "organisation", "company", "entreprise"] {
      if let s = doc.frontMatter.string(key), !s.isEmpty { return s }
    }
    let anchors = organizationCueAnchors
    for block in doc.blocks.prefix(12) where !block.isHeading {
      // A cue's longest word is one of the block's words (a word of the speaker parser that folds
      // to letters is a word of the tokenizer too): most blocks have none.
      // (Looked up by the words' hashes, not hashed again for a `Set`.)
      guard block.tokens.contains(where: { anchors.contains($0.folded, hash: $0.foldedHash) }) else { continue }
      let ws = SpeakerParser.words(block.text)
      for k in ws.indices {
        for parts in organizationCues {
          guard k + parts.count <= ws.count, zip(parts, ws[k..<(k + parts.count)]).allSatisfy({ $0 == $1.folded }) else { continue }
          let next = k + parts.count
          // The cue word is itself a link to the company's site.
          if let link = block.inline.links.first(where: { Folding.fold($0.text) == parts.last }) {
            return organizationName(fromURL: link.url)
          }
          if next < ws.count, let first = ws[next].text.first, first.isUppercase {
            return String(ws[next].text)
          }
        }
      }
    }
    return nil
  }

  /// `https://www.initech.example/` gives `Initech`.
  static func organizationName(fromURL url: String) -> String? {
    guard let host = URL(string: url)?.host else { return nil }
    let parts = host.split(separator: ".").filter { $0 != "www" }
    guard parts.count >= 2 else { return nil }
    let name = parts[parts.count - 2]
    return name.prefix(1).uppercased() + name.dropFirst()
  }

  static func isDateLine(_ text: String) -> Bool {
    text.pieceCount(upTo: 6) <= 5 && DateExtractor.fromText(text) != nil
  }

  static func isByline(_ text: String) -> Bool {
    // (The folded start is enough to compare with the prefixes.)
    let f = TalkExtractor.foldedStart(text)
    return (f.hasASCIIPrefix("by ") || f.hasASCIIPrefix("par ") || f.hasASCIIPrefix("written by ") || f.hasASCIIPrefix("posted by "))
      && text.pieceCount(upTo: 9) <= 8
  }

  /// Front matter text that can name the edition: description, tags, keywords, categories, url.
  static func frontMatterText(_ fm: FrontMatter) -> String {
    var parts: [String] = []
    for key in ["description", "excerpt", "summary", "subtitle", "tags", "keywords", "categories", "url", "slug"] {
      switch fm.fields[key] {
      case .string(let s)?: parts.append(s)
      case .list(let l)?: parts += l
      default: break
      }
    }
    return parts.joined(separator: ". ")
  }
}
