import Testing
@testable import KubeConKit

/// A report's blocks split at its headings (`Extraction/Outline.swift`).
@Suite struct OutlineTests {
  static let text = """
    Intro before any heading.

    # Day one

    Keynotes all morning.

    ## First talk

    Jane Doe presented.

    ### A detail

    More words.

    ## Second talk

    John Roe presented.

    # Day two

    Workshops.
    """

  @Test func sectionsSplitAtHeadingsWithTheirParents() {
    let sections = Outline.sections(of: Document(text: OutlineTests.text, file: "t.md"))
    #expect(sections.map(\.title) == [nil, "Day one", "First talk", "A detail", "Second talk", "Day two"])
    #expect(sections.map(\.level) == [0, 1, 2, 3, 2, 1])
    #expect(sections.map(\.parent) == [nil, nil, 1, 2, 1, nil])
    #expect(sections.map(\.hasChildren) == [false, true, true, false, false, false])
    #expect(sections[2].text == "Jane Doe presented.")
    #expect(sections[0].line == 1 && sections[2].line == 7)
  }

  @Test func aSectionsWordsAreItsBlocksWordsInOrder() {
    let document = Document(text: OutlineTests.text, file: "t.md")
    for section in Outline.sections(of: document) {
      #expect(section.tokens.map(\.text) == section.blocks.flatMap(\.tokens).map(\.text))
    }
    // Blocks without a document give the same sections.
    let fromBlocks = Outline.sections(document.blocks)
    #expect(fromBlocks.map(\.title) == Outline.sections(of: document).map(\.title))
    #expect(fromBlocks.map { $0.tokens.map(\.text) } == Outline.sections(of: document).map { $0.tokens.map(\.text) })
  }
}
