import Foundation
import Testing
@testable import KubeConKit

@Suite struct HTMLPageTests {
  static let page = """
    <!DOCTYPE html>
    <html lang="fr-FR">
    <head>
      <meta charset="utf-8">
      <title>Retour sur la KubeCon Paris 2024 &#8211; Le Blog | Le Blog</title>
      <meta property="og:site_name" content="Le Blog">
      <meta name="author" content="Camille Auteur">
      <meta property="article:published_time" content="2024-03-25T08:30:00+01:00">
      <style>h2 { color: red }</style>
      <script>document.write("<h2>Pas du contenu</h2>");</script>
    </head>
    <body>
      <header class="site-header"><nav><a href="/">Accueil</a> <a href="/blog">Blog</a></nav></header>
      <div class="cookie-consent">Nous utilisons des cookies.</div>
      <main>
        <article class="post">
          <header><h1>Retour sur la KubeCon Paris 2024</h1><time datetime="2024-03-25">25 mars</time></header>
          <!-- <p>Un brouillon caché</p> -->
          <p>Nous étions à la KubeCon à Paris, et voici nos notes d&rsquo;équipe sur les talks.</p>
          <h2 id="otel">OpenTelemetry partout<a class="anchor" href="#otel">#</a></h2>
          <p>Par <strong>Jeanne Exemple</strong> de Globex. Une présentation des collecteurs &amp; des pipelines.</p>
          <ul><li>Le collecteur en <a href="https://opentelemetry.io/">agent</a></li><li>Les exemplars</li></ul>
          <div class="share-buttons"><a href="https://x.example/share">Partager</a></div>
        </article>
        <aside class="related"><h3>À lire aussi</h3><p>Un autre article sur Kubernetes.</p></aside>
      </main>
      <footer><p>© Le Blog, mentions légales</p></footer>
    </body>
    </html>
    """

  @Test func metadataComesFromTheMetaTags() throws {
    let parsed = try Fixtures.parse(HTMLPageTests.page, file: "page.html")
    #expect(parsed.report.title == "Retour sur la KubeCon Paris 2024 – Le Blog")
    #expect(parsed.report.author == "Camille Auteur")
    #expect(parsed.report.date == "2024-03-25")
    #expect(parsed.report.language == "fr")
    #expect(parsed.report.edition?.id == "eu-2024")
  }

  @Test func onlyTheArticleIsText() {
    let markdown = HTMLPage.markdown(from: HTMLPageTests.page)
    for noise in ["Accueil", "cookies", "Pas du contenu", "color: red", "brouillon", "Partager", "À lire aussi", "mentions légales"] {
      #expect(!markdown.contains(noise), "\(noise)")
    }
    #expect(markdown.contains("## OpenTelemetry partout\n"))
    #expect(markdown.contains("Par **Jeanne Exemple** de Globex. Une présentation des collecteurs & des pipelines."))
    #expect(markdown.contains("- Le collecteur en [agent](https://opentelemetry.io/)\n- Les exemplars"))
    #expect(markdown.contains("notes d’équipe"))
  }

  @Test func blocksKeepThePagesLineNumbers() throws {
    let parsed = try Fixtures.parse(HTMLPageTests.page, file: "page.html")
    let talk = try #require(parsed.talks.first)
    #expect(talk.title == "OpenTelemetry partout")
    #expect(talk.speakers == [SpeakerRef(name: "Jeanne Exemple", organization: "Globex")])
    let line = HTMLPageTests.page.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("<h2 id=\"otel\">") }
    #expect(talk.mentions.first?.line == line.map { $0 + 1 })
  }

  @Test func jsonLDGivesAuthorDateAndTitle() {
    let html = """
      <html><head><script type="application/ld+json">
      {"@context": "https://schema.org", "@graph": [{"@type": "WebSite", "name": "Site"},
       {"@type": "BlogPosting", "headline": "KubeCon NA 2023 recap", "datePublished": "2023-11-12T10:00:00Z",
        "inLanguage": "en-US", "author": [{"@type": "Person", "name": "Pat One"}, {"@type": "Person", "name": "Sam Two"}]}]}
      </script></head><body><p>Text of the article about the conference in Chicago.</p></body></html>
      """
    let meta = HTMLPage.Metadata(HTMLTree.parse(html))
    #expect(meta.title == "KubeCon NA 2023 recap")
    #expect(meta.date == "2023-11-12")
    #expect(meta.author == "Pat One, Sam Two")
    #expect(meta.language == "en")
  }

  @Test func htmlLangDecidesOnlyWhenTheProseDoesNot() throws {
    let short = try Fixtures.parse("<html lang=\"fr\"><body><p>KubeCon 2025 London: Kubernetes, Cilium.</p></body></html>", file: "a.html")
    #expect(short.report.language == "fr")
    let english = try Fixtures.parse("<html lang=\"fr\"><body><p>This is the report of the day and it is written in English for the readers.</p></body></html>", file: "b.html")
    #expect(english.report.language == "en")
  }

  @Test func brokenMarkupIsReadAnyway() {
    let html = "<html><body><article><p>Unclosed <b>bold <i>and italic<p>Second paragraph &unknown; &#x1F600; <a href='https://x.example'>link</a><!-- never closed"
    let markdown = HTMLPage.markdown(from: html)
    #expect(markdown.contains("Unclosed **bold and italic**"))
    #expect(markdown.contains("Second paragraph &unknown; 😀 [link](https://x.example)"))
  }

  @Test func detectedByContentToo() {
    #expect(HTMLPage.isHTML("  <!doctype html><html></html>", file: "saved.txt"))
    #expect(HTMLPage.isHTML("anything", file: "page.HTM"))
    #expect(!HTMLPage.isHTML("# A markdown report with <b>some</b> HTML", file: "post.md"))
    // Within the first 512 characters, in any case.
    #expect(HTMLPage.isHTML("\u{FEFF}\n" + String(repeating: " ", count: 500) + "<HTML lang=fr>", file: "a.txt"))
    #expect(!HTMLPage.isHTML(String(repeating: " ", count: 508) + "<html>", file: "a.txt"))
  }

  /// A page as a blog would publish the report: the headings the text parser sees in `<hN>` (with
  /// an anchor link), lists in `<ul>`, other lines in `<p>`, inside the site's navigation and footer.
  static func savedPage(of text: String) -> String {
    func esc(_ s: String) -> String {
      s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
    let doc = Document(text: text, file: "page")
    var headings: [Int: (level: Int, text: String)] = [:]
    for block in doc.blocks { if case .heading(let level) = block.kind { headings[block.line] = (level, block.text) } }
    var body: [String] = []
    var inList = false
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    for (index, raw) in lines.enumerated() where index >= doc.frontMatter.lineCount {
      let line = raw.trimmingCharacters(in: .whitespaces)
      let item = line.hasPrefix("- ") || line.hasPrefix("* ")
      if inList && !item {
        body.append("</ul>")
        inList = false
      }
      if line.isEmpty { continue }
      if let h = headings[index + 1] {
        body.append("<h\(h.level) id=\"h\(index)\">\(esc(h.text))<a class=\"anchor\" href=\"#h\(index)\">#</a></h\(h.level)>")
      } else if item {
        if !inList { body.append("<ul>") }
        inList = true
        body.append("<li>\(esc(String(line.dropFirst(2))))</li>")
      } else {
        body.append("<p>\(esc(line))</p>")
      }
    }
    if inList { body.append("</ul>") }
    return """
      <!doctype html><html><head><meta charset="utf-8"><title>Blog</title><script>var menu = 1;</script></head>
      <body><header><nav><ul><li><a href="/">Home</a></li><li><a href="/kubernetes">Kubernetes</a></li></ul></nav></header>
      <main><article>
      \(body.joined(separator: "\n"))
      </article></main><footer><p>Follow us on the socials</p></footer></body></html>
      """
  }

  @Test(arguments: ["fr-ippon-kubecon-eu-2025-london.txt", "en-sokube-kubecon-eu-2025-london.txt", "fr-sokube-kubecon-eu-2025-london.txt", "fr-sokube-kubecon-eu-2024-paris.txt", "fr-arte-kubecon-eu-2024-paris.md"])
  func aSavedCopyOfASeedGivesTheSameTalks(_ name: String) throws {
    let text = try String(contentsOf: Fixtures.reports.appendingPathComponent(name), encoding: .utf8)
    let fromText = try Fixtures.parse(text, file: name)
    let fromPage = try Fixtures.parse(HTMLPageTests.savedPage(of: text), file: name + ".html")
    func summary(_ p: ParsedReport) -> [String] {
      p.talks.map { "\($0.title) | \($0.kind) | \($0.speakers.map(\.name)) | \($0.projects)" }
    }
    #expect(summary(fromPage) == summary(fromText))
    #expect(fromPage.report.edition == fromText.report.edition)
    #expect(fromPage.report.language == fromText.report.language)
  }
}
