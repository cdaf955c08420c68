/// A report's blocks grouped under their headings.
public struct OutlineSection: Sendable {
  public var heading: Block?
  public var level: Int
  public var blocks: [Block]
  /// Index of the enclosing section (a heading of a lower level), if any.
  public var parent: Int?
  /// Whether headings of a deeper level follow inside this one.
  public var hasChildren: Bool

  public var line: Int { heading?.line ?? blocks.first?.line ?? 1 }
  public var title: String? { heading?.text }

  /// The section's text, one block a line.
  public var text: String { blocks.map(\.text).joined(separator: "\n") }
  /// The words of ``text``.
  public var tokens: [Token] { blocks.flatMap(\.tokens) }
}

public enum Outline {
  /// Splits blocks at headings. Text before the first heading is a section without heading.
  public static func sections(_ blocks: [Block]) -> [OutlineSection] {
    var sections: [OutlineSection] = []
    for block in blocks {
      if let level = block.headingLevel {
        var parent: Int? = nil
        for i in sections.indices.reversed() where sections[i].heading != nil && sections[i].level < level {
          parent = i
          break
        }
        if let p = parent { sections[p].hasChildren = true }
        sections.append(OutlineSection(heading: block, level: level, blocks: [], parent: parent, hasChildren: false))
      } else if sections.isEmpty {
        sections.append(OutlineSection(heading: nil, level: 0, blocks: [block], parent: nil, hasChildren: false))
      } else {
        sections[sections.count - 1].blocks.append(block)
      }
    }
    return sections
  }
}
