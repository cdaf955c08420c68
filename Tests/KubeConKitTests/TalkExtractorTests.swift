import Testing
@testable import KubeConKit

@Suite struct TalkExtractorTests {
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
}
