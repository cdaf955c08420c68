import Testing
@testable import KubeConKit

@Suite struct DocumentTests {
  /// Blocks' texts a line each, as `joined(separator: "\n")` gives them: none, one, several, a
  /// slice, accents and an empty text.
  @Test func blocksTextIsTheirTextsALineEach() {
    let blocks = ["Première ligne", "", "**Bold** and [a link](https://example.org)", "Dernière"].enumerated().map { i, raw in
      Block(kind: .paragraph, inline: InlineText(raw), line: i + 1)
    }
    #expect(Block.text(of: [Block]()) == "")
    #expect(Block.text(of: blocks.prefix(1)) == "Première ligne")
    #expect(Block.text(of: blocks) == blocks.map(\.text).joined(separator: "\n"))
    #expect(Block.text(of: blocks[1...]) == "\nBold and a link\nDernière")
    #expect(Document(text: "# T\n\nUn.\n\nDeux.\n", file: "t.md").bodyText == "T\nUn.\nDeux.")
  }

  @Test func readsYAMLFrontMatterAndMarkdown() {
    let doc = Document(text: """
      ---
      title: "Retour sur la KubeCon"
      date: 2024-03-31T11:34:13+01:00
      tags: ["Kubernetes", "CNCF"]
      authors:
        - jane
      ---
      <!--more-->
      Intro with a [link](https://example.com) and **bold text**.

      ## Un talk
      {{< youtube id="x" >}}
      * item one
      """, file: "a.md")
    #expect(doc.frontMatter.string("title") == "Retour sur la KubeCon")
    #expect(doc.frontMatter.fields["tags"] == .list(["Kubernetes", "CNCF"]))
    #expect(doc.frontMatter.fields["authors"] == .list(["jane"]))
    #expect(doc.blocks.map(\.kind) == [.paragraph, .heading(level: 2), .listItem(depth: 0)])
    #expect(doc.blocks[0].text == "Intro with a link and bold text.")
    #expect(doc.blocks[0].inline.links == [Link(text: "link", url: "https://example.com")])
    #expect(doc.blocks[0].inline.strong == ["bold text"])
    #expect(doc.blocks[1].line == 11)
  }

  @Test func readsTOMLFrontMatter() {
    let doc = Document(text: "+++\ntitle = \"KubeCon NA\"\ndate = \"2023-11-10\"\n+++\nBody text here.", file: "t.md")
    #expect(doc.frontMatter.string("title") == "KubeCon NA")
    #expect(doc.blocks.count == 1)
  }

  @Test func unterminatedFrontMatterIsTextWithAWarning() {
    let doc = Document(text: "---\ntitle: x\nSome body", file: "u.md")
    #expect(doc.frontMatter.fields.isEmpty)
    #expect(doc.warnings.map(\.description) == ["u.md:1: warning: front matter opened with '---' is never closed; read as text"])
  }

  @Test func plainTextHeadingsEndInHash() {
    let doc = Document(text: "Avant de commencer…#\nTexte.\nKeynote de démarrage#\nTexte.\nEn C#\n", file: "p.txt")
    #expect(doc.blocks.filter(\.isHeading).map(\.text) == ["Avant de commencer…", "Keynote de démarrage"])
  }

  @Test func bareLineHeadingsBetweenBlankLines() {
    let doc = Document(text: """
      La KubeCon en bref

      Un premier paragraphe assez long pour être un paragraphe.

      La plateformisation a le vent en poupe

      La plateformisation s’impose aujourd’hui comme une réponse.

      Sources :

      - un lien
      """, file: "b.txt")
    #expect(doc.blocks.filter(\.isHeading).map(\.text) == ["La plateformisation a le vent en poupe"])
  }

  @Test func recordingLinksCloseSessionNotes() {
    let doc = Document(text: "Notes.\nVoir la vidéo de cette session\nWatch the recording\n", file: "m.txt")
    #expect(doc.blocks.map(\.kind) == [.paragraph, .marker, .marker])
  }
}
