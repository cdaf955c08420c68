import Foundation
import Testing
@testable import KubeConKit

@Suite struct TalkExtractorTests {
  /// A title rather than a phrase: most long words capitalized, or a colon after four words.
  @Test(arguments: [
    ("Scaling Observability Pipelines With OpenTelemetry", true), ("Déployer Kubernetes à Grande Échelle", true),
    ("what we learned about the cluster", false), ("Day 2: keynotes and more talks", true), ("Conclusion", false),
    ("Les clusters et la sécurité", false), ("e\u{301}te\u{301} Cloud Native Rocks", true),
  ])
  func titlesAreToldFromPhrases(heading: String, isTitle: Bool) {
    #expect(TalkExtractor.looksLikeTitle(heading) == isTitle)
  }

  /// Quoted spans, with the text before each: straight, curly and French quotes.
  @Test func quotationsGiveEachQuotedSpanAndWhatComesBefore() {
    let found = TalkExtractor.quotations("La conférence « Zero Trust » puis “GitOps at Scale” et \"Flux\" ; \"\" vide")
    #expect(found.map(\.0) == ["Zero Trust", "GitOps at Scale", "Flux"])
    #expect(found[0].1 == "La conférence ")
    #expect(TalkExtractor.quotations("no quote here").isEmpty)
    #expect(TalkExtractor.quotations("an emoji 👩🏽‍💻 “Keeps Its Quote”").map(\.0) == ["Keeps Its Quote"])
  }

  @Test func headingsWithBylinesAreTalksWithStatedTitles() throws {
    let fr = try Fixtures.parse("""
      Mes talks préférés#
      Voici quelques talks.
      Scaling Widgets With Gadgets: A Journey#
      Par Jeanne Martin et Paul Durand de Acme
      Une session sur les widgets.
      Conclusion#
      Merci à tous.
      """, file: "fr.txt")
    #expect(fr.talks.map(\.title) == ["Scaling Widgets With Gadgets: A Journey"])
    #expect(fr.talks[0].titleSource == .stated)
    #expect(fr.talks[0].speakers == [SpeakerRef(name: "Jeanne Martin", organization: "Acme"), SpeakerRef(name: "Paul Durand", organization: "Acme")])
    let en = try Fixtures.parse("""
      ## My favourite talks

      ### Widgets Everywhere: Lessons From Production - Jane Doe, Acme & John Roe, Initech

      This talk covered widgets.
      """)
    #expect(en.talks.map(\.title) == ["Widgets Everywhere: Lessons From Production"])
    #expect(en.talks[0].speakers.map(\.organization) == ["Acme", "Initech"])
  }

  @Test func groupingHeadingsAreNotTalks() throws {
    let parsed = try Fixtures.parse("""
      ## Day 2

      The keynote was about AI, presented by Jane Doe.

      ## Sponsors

      Many booths.

      ## Conclusion

      A great talk week.
      """)
    #expect(!parsed.talks.map(\.title).contains { ["Day 2", "Sponsors", "Conclusion"].contains($0) })
  }

  @Test func closingWordsUnderATalkListAreNotTalks() throws {
    let parsed = try Fixtures.parse("""
      # Les talks que j'ai vus

      ## Scaling Widgets With Gadgets (par Jeanne Martin, Acme)

      Une session sur les widgets.

      ## Et voilà pour ce jour 2 !

      À demain pour la suite, Kubernetes oblige.

      ## Big Thank You

      To the Flux maintainers who presented at the booth.
      """)
    #expect(parsed.talks.count == 1 && parsed.talks[0].title.hasPrefix("Scaling Widgets With Gadgets"))
  }

  @Test func keynoteContainerMakesItsSegmentsKeynotes() throws {
    let parsed = try Fixtures.parse("""
      Keynote de démarrage#
      La keynote a démarré.
      Allocation dynamique de ressources#
      Une présentation de DRA pour partager les GPU dans Kubernetes.
      """, file: "k.txt")
    #expect(parsed.talks.map(\.kind) == [.keynote])
    #expect(parsed.talks[0].titleSource == .derived)
  }

  @Test func quotedTitlesInProseAreTalksButPapersAreNot() throws {
    let parsed = try Fixtures.parse("""
      La conférence « Starting and Scaling a Widget Team » liste les défis.

      Nous avions écrit un article « How to protect your widgets today » sur ce sujet.

      The keynote "Future of Widget Delivery at Scale" by Jane Doe was great.
      """)
    #expect(parsed.talks.map(\.title) == ["Starting and Scaling a Widget Team", "Future of Widget Delivery at Scale"])
    #expect(parsed.talks[1].speakers.map(\.name) == ["Jane Doe"])
    #expect(parsed.talks[1].kind == .keynote)
  }

  @Test func speakersInProseUnderATopicHeadingAreSeparateTalks() throws {
    let parsed = try Fixtures.parse("""
      ## Standardiser l'observabilité

      Jeanne Martin de Acme a mis en avant les avantages d'OpenTelemetry.

      Paul Durand et Marie Curie ont présenté les conventions sémantiques.
      """)
    #expect(parsed.talks.count == 2)
    #expect(parsed.talks.allSatisfy { $0.titleSource == .derived })
    #expect(parsed.talks[0].speakers.map(\.name) == ["Jeanne Martin"])
  }

  @Test func linkedTitlesFollowedByByAreTalks() throws {
    let parsed = try Fixtures.parse("""
      ### The Talks

      - [The Widget Guide to Kubernetes](https://sched.co/1Hy) by [Jane Doe](https://example.com)
      - [Schedule 2026](https://kccnceu2026.sched.com/)
      """)
    #expect(parsed.talks.map(\.title) == ["The Widget Guide to Kubernetes"])
    #expect(parsed.talks[0].speakers.map(\.name) == ["Jane Doe"])
  }

  @Test func notesClosedByARecordingLinkAreTalks() throws {
    let parsed = try Fixtures.parse("""
      Intro du billet.
      Cette session a comparé plusieurs opérateurs de base de données dans Kubernetes.
      Voir la vidéo de cette session
      La sécurité était partout avec des approches zero-trust.
      Voir la vidéo de cette session
      """, file: "v.txt")
    #expect(parsed.talks.count == 2)
    #expect(parsed.talks.allSatisfy { $0.titleSource == .derived })
  }

  @Test func theAuthorIsNotASpeaker() throws {
    let parsed = try Fixtures.parse("""
      ---
      author: Jane Doe
      ---
      ## Widgets at Scale In Production

      By Jane Doe and John Roe from Initech
      """)
    #expect(parsed.talks.first?.speakers.map(\.name) == ["John Roe"])
  }

  @Test func aListOfToolsHasNoTalk() throws {
    let parsed = try Fixtures.parse("""
      Quelques outils :
      * [Kyverno](https://kyverno.io/) pour les politiques
      * [Karmada](https://karmada.io/), un projet à suivre
      """)
    #expect(parsed.talks.isEmpty)
    #expect(parsed.report.projects.contains("Kyverno"))
  }

  /// A keynotes heading with subsections holds its keynotes in them: the next heading of its
  /// level is the author's, not a keynote.
  @Test func aHeadingAfterAKeynotesSectionWithSubsectionsIsNotUnderIt() throws {
    let parsed = try Fixtures.parse("""
      ## Day 1: The Keynotes

      The keynotes were long.

      ### Widgets At The Edge Of Reason

      The keynote by Jane Doe showed widgets on Kubernetes.

      ## Community matters

      Two working sessions on operators, with Kubernetes folks, happened in the hallway.
      """, explain: true)
    #expect(parsed.talks.map(\.title) == ["Widgets At The Edge Of Reason"])
    let note = try #require(parsed.explanation.first { $0.span == "Community matters" })
    #expect(!note.evidence.contains(.underKeynotes))
  }

  @Test func transitionsAreNotTalks() throws {
    let parsed = try Fixtures.parse("""
      ## Talks

      ### Widgets Everywhere: Lessons From Production

      This talk by Jane Doe covered widgets on Kubernetes.

      ### What's more

      The Flux maintainers presented at the booth all week.

      ### En vrac

      Une démo de Kubernetes au stand.
      """)
    #expect(parsed.talks.map(\.title) == ["Widgets Everywhere: Lessons From Production"])
  }

  /// `Jane Doe - CTO, Acme`: the heading names its speaker; the title is the author's words.
  @Test func aHeadingThatIsAPersonNamesTheSpeaker() throws {
    let parsed = try Fixtures.parse("""
      ## Keynotes

      ### Jane Doe - Director of Ecosystem, Acme Foundation

      She presented the state of the contributors to Kubernetes projects.

      ### Widgets At Scale - John Roe, Initech

      A talk on widgets.

      ### Ada Martin - Scaling Gadgets Across Regions

      A talk on gadgets.
      """)
    #expect(parsed.talks.count == 3)
    // A name then a title: the speaker first, and a title, not an organization.
    #expect(parsed.talks[2].title == "Scaling Gadgets Across Regions")
    #expect(parsed.talks[2].speakers == [SpeakerRef(name: "Ada Martin", organization: nil)])
    #expect(parsed.talks[0].speakers == [SpeakerRef(name: "Jane Doe", organization: "Acme Foundation")])
    #expect(parsed.talks[0].titleSource == .derived)
    #expect(parsed.talks[0].title.hasPrefix("She presented the state"))
    #expect(parsed.talks[1].title == "Widgets At Scale")
    #expect(parsed.talks[1].speakers == [SpeakerRef(name: "John Roe", organization: "Initech")])
  }

  /// `Keynote: Title`: the kind is keynote and the title is not repeated with it; the report's
  /// wording keeps the prefix.
  @Test func aKindPrefixIsTheKindNotPartOfTheTitle() throws {
    let parsed = try Fixtures.parse("""
      ## Keynote: Widgets For Everyone

      Jane Doe presented widgets on Kubernetes.

      ## Lightning Talk: Small Widgets, Big Clusters

      John Roe showed tiny widgets.
      """)
    #expect(parsed.talks.map(\.title) == ["Widgets For Everyone", "Small Widgets, Big Clusters"])
    #expect(parsed.talks.map(\.kind) == [.keynote, .lightning])
    #expect(parsed.talks.map(\.reportTitle) == ["Keynote: Widgets For Everyone", "Lightning Talk: Small Widgets, Big Clusters"])
  }
}

/// A link's whole text in single quotes is a quoted title: in running text a single quote is
/// also an apostrophe, so only a link tells them apart.
@Suite struct SingleQuotedLinkTests {
  @Test func aLinkInSingleQuotesAfterAWordForATalkIsATitle() throws {
    let text = """
      # KubeCon EU 2019

      ## The second day

      The morning went on with Jane Doe's keynote ['Running Databases on Kubernetes at Scale'](https://www.youtube.com/watch?v=abc), which I liked.

      Our team's favourite was the booth's 'swag' and the Kubernetes 'Hello World' demo.
      """
    let report = try Fixtures.parser.parse(data: Data(text.utf8), file: "x.md", id: "x")
    let talks = report.talks.map { [$0.title, $0.titleSource.rawValue, $0.speakers.map(\.name).joined(separator: ", ")] }
    #expect(talks.contains(["Running Databases on Kubernetes at Scale", "stated", "Jane Doe"]))
    // Quotes that are not a link's whole text stay apostrophes and words.
    #expect(!report.talks.contains { $0.title.contains("Hello World") || $0.title.contains("swag") })
  }
}

/// A heading that names only its speaker presents that person's talk, subheadings or not.
@Suite struct SpeakerHeadingTests {
  @Test func aHeadingOfOnlyAPersonIsTheirTalk() throws {
    let text = """
      # KubeCon EU 2019 keynotes

      ## Jane Doe - Principal Engineer, Acme

      Jane walked through what developer experience means for platform teams.

      ### Tooling

      Three tools came up, each with a live demo.

      ## John Smith (CTO, Initech)

      John showed how they run clusters at the edge of their network.

      ## Golden Badges (and stickers)

      The swag this year was good.
      """
    let report = try Fixtures.parser.parse(data: Data(text.utf8), file: "x.md", id: "x")
    let speakers = report.talks.map { $0.speakers.map { "\($0.name)|\($0.organization ?? "")" } }
    #expect(speakers.contains(["Jane Doe|Acme"]))
    #expect(speakers.contains(["John Smith|Initech"]))
    #expect(report.talks.count == 2)
  }
}

/// `Title hosted by Jane Doe` at the start of a paragraph or list item names that talk.
@Suite struct TitleBeforeSpeakersTests {
  @Test func aTitleBeforeHostedByIsStated() throws {
    let text = """
      # Our week at KubeCon EU 2018

      You can watch both of our talks below.

      - Storage Operators Deep Dive hosted by Jane Doe | [Slides](https://example.org/s.pdf) | [Video](https://www.youtube.com/watch?v=abc)

      The keynote presented by John Smith was the best part of the day.
      """
    let report = try Fixtures.parser.parse(data: Data(text.utf8), file: "x.md", id: "x")
    let talk = try #require(report.talks.first { $0.title == "Storage Operators Deep Dive" })
    #expect(talk.titleSource == .stated)
    #expect(talk.speakers.map(\.name) == ["Jane Doe"])
    // A phrase before the cue is no title.
    #expect(!report.talks.contains { $0.title == "The keynote" && $0.titleSource == .stated })
  }
}
