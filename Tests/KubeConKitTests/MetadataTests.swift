import Testing
@testable import KubeConKit

@Suite struct LanguageAndDateTests {
  @Test(arguments: [
    ("Cette édition était découpée en quatre jours et nous avons vu des conférences.", "fr"),
    ("This edition was split into four days and we saw many talks with the community.", "en"),
  ])
  func detectsLanguageFromProse(text: String, expected: String) {
    #expect(LanguageDetector.detect(text) == expected)
  }

  /// A report of a few words is parsed, with a warning saying so.
  @Test func almostNoTextIsWarnedAbout() throws {
    let warned = { (text: String) in try Fixtures.parse(text).diagnostics.contains { $0.message.contains("almost no text") } }
    #expect(try warned("# KubeCon\n\nToo few  words here."))
    #expect(try !warned("# KubeCon\n\nFive words are just enough."))
  }

  /// Words are folded before they are looked up: the accented function words count too.
  @Test func accentedFunctionWordsCount() {
    // "je", "très", "être", "été" against "the", "very": four to two (one to two, with the
    // hint deciding so little evidence, were the accented ones missed).
    #expect(LanguageDetector.detect("The very best : je suis très content d’être là, l’été", hint: "en") == "fr")
  }

  @Test(arguments: [
    ("07 avril 2024\nBy Jane.", "2024-04-07"), ("Publié le 1er avril 2025", "2025-04-01"),
    ("Posted on April 7, 2024 by me", "2024-04-07"), ("Updated 2023-11-10 after the event", "2023-11-10"),
    ("Du 1er au 4 avril, sans année", nil),
    // Only a hyphen between the numbers; a month written with accents; a day with "th".
    ("Version 2023 - 11 - 10", nil), ("Écrit le 31 décembre 2025", "2025-12-31"), ("Sept. 5th 2024", "2024-09-05"),
    // A month of three letters counts when capitalized, as in "Day 0 (Nov 12, 2024)".
    ("## Day 0 (Nov 12, 2024)", "2024-11-12"), ("you may 12, 2024 be", nil),
  ])
  func findsADateInTheText(text: String, expected: String?) {
    #expect(DateExtractor.fromText(text) == expected)
  }

  /// Every day a report's date can be is written as `String(format: "%04d-%02d-%02d")` writes it.
  @Test func daysAreWrittenAsFormatWritesThem() {
    for y in [1990, 2009, 2024, 2100] {
      for m in 1...12 {
        for d in 1...31 { #expect(DateExtractor.isoDay(y, m, d) == String(format: "%04d-%02d-%02d", y, m, d)) }
      }
    }
  }

  @Test func frontMatterDateWins() throws {
    let parsed = try Fixtures.parse("---\ntitle: KubeCon\npubDate: 2024-03-21T10:00:00+00:00\n---\nEcrit le 1 mai 2020.")
    #expect(parsed.report.date == "2024-03-21")
  }

  @Test func authorAndOrganization() throws {
    let fr = try Fixtures.parse("Titre court\n\nBy Jane Doe.\n\nGrâce à mon entreprise Acme, j'ai participé à la KubeCon.", file: "a.txt")
    #expect(fr.report.author == "Jane Doe")
    #expect(fr.report.organization == "Acme")
    let en = try Fixtures.parse("---\nauthor: John Roe\n---\nThanks to my [employer](https://www.initech.com/) I went to KubeCon.")
    #expect(en.report.author == "John Roe")
    #expect(en.report.organization == "Initech")
    // Blocks are read only when they hold a cue's longest word, whatever its case, accents and marks.
    for (text, organization) in [("Merci à MA SOCIÉTÉ Acme.", "Acme"), ("(Je travaille chez) Acme.", "Acme"), ("I WORK AT: Initech.", "Initech")] {
      #expect(ReportMetadata.organization(Document(text: "Titre court\n\n" + text, file: "b.txt")) == organization, "\(text)")
    }
  }

  /// A report's title is its own: never its first sentence cut short.
  @Test func aTitleIsNeverASentenceCutShort() {
    let long = "After a year off, I am back for KubeCon and CloudNativeCon, taking place this year in a city I like very much, with friends."
    func title(_ text: String, file: String = "notes/kubecon-eu-2025.md") -> String {
      ReportMetadata.title(Document(text: text, file: file), file: file)
    }
    #expect(title("---\ntitle: My KubeCon\n---\n" + long) == "My KubeCon")
    #expect(title("# KubeCon EU 2025, day one\n\n" + long) == "KubeCon EU 2025, day one")
    #expect(title(long + "\n\n## The keynotes\n\nThey were long.") == "The keynotes")
    #expect(title("KubeCon was great this year.\n\nMore later.") == "KubeCon was great this year.")
    #expect(title(long) == "kubecon-eu-2025")
  }
}

@Suite struct EditionResolverTests {
  let resolver = EditionResolver(catalog: Fixtures.catalog)

  @Test func titleCityAndYearWin() {
    #expect(resolver.resolve(title: "La Kubecon EU 2025 en bref", frontMatterText: "", text: "", date: nil)?.id == "eu-2025")
    #expect(resolver.resolve(title: "Recap from KubeCon Chicago 2023", frontMatterText: "", text: "", date: nil)?.id == "na-2023")
  }

  @Test func dateShortlyAfterAnEditionWins() {
    #expect(resolver.resolve(title: "Mon retour", frontMatterText: "", text: "Quelle semaine !", date: "2024-04-07")?.id == "eu-2024")
  }

  @Test func editionsMentionedInPassingDoNotWin() {
    let text = """
      La KubeCon se déroulait cette année à Londres, cette édition 2025 était énorme.
      La toute première KubeCon européenne y avait eu lieu en 2016.
      L'an passé à Paris, c'était déjà grand. Pour 2026, ce sera Amsterdam.
      """
    #expect(resolver.resolve(title: "Retour", frontMatterText: "", text: text, date: nil)?.id == "eu-2025")
  }

  @Test func nothingPointsToAnEdition() {
    #expect(resolver.resolve(title: "Notes", frontMatterText: "", text: "Rien ici.", date: nil) == nil)
  }
}
