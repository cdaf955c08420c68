/// A report's blocks grouped under their headings.
struct OutlineSection: Sendable {
  var heading: Block?
  var level: Int
  var blocks: [Block]
  /// Index of the enclosing section (a heading of a lower level), if any.
  var parent: Int?
  /// Whether headings of a deeper level follow inside this one.
  var hasChildren: Bool

  var line: Int { heading?.line ?? blocks.first?.line ?? 1 }
  var title: String? { heading?.text }

  /// The section's text, one block a line.
  var text: String { Block.text(of: blocks) }
  /// The words of ``text``: its blocks' words.
  var tokens: ArraySlice<Token>

  /// The heading, then each block.
  func forEachBlock(_ body: (Block) -> Void) {
    if let heading { body(heading) }
    for block in blocks { body(block) }
  }

  init(heading: Block?, level: Int, blocks: [Block], parent: Int?, hasChildren: Bool) {
    self.heading = heading
    self.level = level
    self.blocks = blocks
    self.parent = parent
    self.hasChildren = hasChildren
    tokens = blocks.flatMap(\.tokens)[...]
  }
}

enum Outline {
  /// A document's blocks split at headings. Each section's words are a slice of the document's
  /// (a section's blocks follow each other, and so do their words), not a copy.
  static func sections(of document: Document) -> [OutlineSection] {
    sections(document.blocks, words: document.bodyTokens)
  }

  /// Splits blocks at headings. Text before the first heading is a section without heading.
  static func sections(_ blocks: [Block]) -> [OutlineSection] { sections(blocks, words: nil) }

  /// - Parameter words: the words whose slices the blocks' words are, if they all are.
  private static func sections(_ blocks: [Block], words: [Token]?) -> [OutlineSection] {
    var sections: [OutlineSection] = []
    // (Blocks read in place, by index: each copy of one retains its strings and lists.)
    for b in blocks.indices {
      if let level = blocks[b].headingLevel {
        var parent: Int? = nil
        for i in sections.indices.reversed() where sections[i].heading != nil && sections[i].level < level {
          parent = i
          break
        }
        if let p = parent { sections[p].hasChildren = true }
        sections.append(OutlineSection(heading: blocks[b], level: level, blocks: [], parent: parent, hasChildren: false))
      } else if sections.isEmpty {
        sections.append(OutlineSection(heading: nil, level: 0, blocks: [blocks[b]], parent: nil, hasChildren: false))
      } else {
        let k = sections.count - 1
        sections[k].blocks.append(blocks[b])
        if let words {
          sections[k].tokens = words[sections[k].blocks[0].tokens.startIndex..<blocks[b].tokens.endIndex]
        } else {
          sections[k].tokens += blocks[b].tokens
        }
      }
    }
    return sections
  }
}
