import Foundation
import Testing
@testable import KubeConKit

/// Talks of reports written in the tests, linked to a small program of EU 2025 written here too.
@Suite struct SessionLinkerTests {
  static func session(_ id: String, _ title: String, _ speakers: [(String, String)], kind: SessionKind = .session) -> Session {
    Session(
      id: "eu-2025-" + id, edition: "eu-2025", title: title, kind: kind,
      speakers: speakers.map { SessionSpeaker(name: $0.0, organization: $0.1) }, track: "Observability",
      url: "https://kccnceu2025.sched.com/event/\(id)/x", start: "2025-04-02", end: nil, location: nil,
      name: title + " - " + speakers.map { "\($0.0), \($0.1)" }.joined(separator: " & "))
  }

  static let sessions = [
    session("a1", "Scaling Observability Pipelines With OpenTelemetry Collectors", [("Alice Martin", "Acme")]),
    session("b1", "Zero Trust Networking in Practice", [("Bruno Keller", "Initech")]),
    session("b2", "GPU Sharing for Batch Workloads on Kubernetes", [("Bruno Keller", "Initech")]),
    session("c1", "Another Storage Story", [("Carla Dupont", "Globex")]),
    session("c2", "Another Network Story", [("Carla Dupont", "Globex")]),
    session("e1", "Building Resilient Edge Platforms for Retail Stores at Global Scale", [("Elena Rossi", "Umbrella")], kind: .keynote),
  ]

  static let parser: ReportParser = {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("linker-\(UUID().uuidString)").path
    do { try ScheduleFiles.merge(["eu-2025": sessions], into: folder) } catch { fatalError("\(error)") }
    var catalog = Fixtures.catalog
    catalog.programs = Programs(folders: [folder])
    return ReportParser(catalog: catalog)
  }()

  static func talks(_ body: String) throws -> [Talk] {
    try parser.parse(data: Data(("# KubeCon Europe 2025 in London\n\n" + body).utf8), file: "t.md", id: "t").talks
  }

  @Test func aParaphrasedTalkIsLinkedByItsSpeaker() throws {
    let talks = try SessionLinkerTests.talks("""
      ## Pipelines at scale

      Alice Martin from Acme presented how her team runs hundreds of collectors, and what breaks first.
      """)
    let talk = try #require(talks.first { $0.session != nil })
    #expect(talk.session?.id == "eu-2025-a1")
    #expect(talk.title == "Scaling Observability Pipelines With OpenTelemetry Collectors")
    #expect(talk.titleSource == .schedule)
    #expect(talk.speakers == [SpeakerRef(name: "Alice Martin", organization: "Acme")])
  }

  /// A heading with nothing for it but its wording, a project and words about presenting: the
  /// author's topic in a report of an edition with a program, a talk in one without.
  static let topicHeading = """
    ## Harbor Everywhere In Our Clusters

    The talk presented how Harbor replicates images; the demo showed a pull-through cache.
    """

  @Test func aHeadingWithOnlyWeakEvidenceIsATalkOnlyWhenItNamesASession() throws {
    let withProgram = try SessionLinkerTests.parser.parse(data: Data(("# KubeCon Europe 2025 in London\n\n" + SessionLinkerTests.topicHeading).utf8), file: "t.md", id: "t", explain: true)
    #expect(withProgram.talks.isEmpty)
    let note = try #require(withProgram.explanation.first { $0.span == "Harbor Everywhere In Our Clusters" })
    #expect(!note.isTalk && Evidence.isWeak(note.evidence) && note.decision.contains("no session"))
    let without = try SessionLinkerTests.parser.parse(data: Data(("# KubeCon Europe 2019 in Barcelona\n\n" + SessionLinkerTests.topicHeading).utf8), file: "t.md", id: "t")
    #expect(without.talks.map(\.title) == ["Harbor Everywhere In Our Clusters"])
    // The same heading with its speaker is a talk with a program too.
    let withSpeaker = try SessionLinkerTests.talks(SessionLinkerTests.topicHeading + "\nJane Doe from Acme presented it.\n")
    #expect(withSpeaker.map(\.title) == ["Harbor Everywhere In Our Clusters"])
  }

  /// A heading whose evidence is only what its section says (people presenting, projects) names
  /// no session of a program that holds the edition: the talk is kept, its title is the author's
  /// heading (derived). A mark of a title (a kind prefix, speakers after it) keeps it stated, and
  /// so does an edition without a program, which has nothing to check the heading against.
  @Test func anUnlinkedHeadingWithoutAMarkOfATitleIsTheAuthorsHeading() throws {
    let section = """

      Jane Doe and John Roe from Acme presented how Harbor replicates images across regions.
      """
    let talk = try #require(SessionLinkerTests.talks("## Images Across Regions With Harbor\n" + section).first)
    #expect(talk.title == "Images Across Regions With Harbor")
    #expect(talk.titleSource == .derived && talk.session == nil)
    #expect(talk.speakers.map(\.name) == ["Jane Doe", "John Roe"])
    let explained = try SessionLinkerTests.parser.parse(
      data: Data(("# KubeCon Europe 2025 in London\n\n## Images Across Regions With Harbor\n" + section).utf8), file: "t.md", id: "t", explain: true)
    #expect(explained.explanation.contains { $0.isTalk && $0.decision.contains("the author's heading") })

    let marked = try #require(SessionLinkerTests.talks("## Keynote: Images Across Regions With Harbor\n" + section).first)
    #expect(marked.titleSource == .stated)
    let withSpeakers = try #require(SessionLinkerTests.talks("## Images Across Regions With Harbor - Jane Doe, Acme\n" + section).first)
    #expect(withSpeakers.titleSource == .stated)

    let noProgram = try SessionLinkerTests.parser.parse(
      data: Data(("# KubeCon Europe 2019 in Barcelona\n\n## Images Across Regions With Harbor\n" + section).utf8), file: "t.md", id: "t")
    #expect(noProgram.talks.map(\.titleSource) == [.stated])
  }

  @Test func aLinkWrittenTitleCommaSpeakerCommaOrganizationGivesBoth() throws {
    let talks = try SessionLinkerTests.talks("""
      ## Co-located talks

      - [Widgets Everywhere!? We Sure Can!, Jane de-Roos,
        WidgetCorp](https://youtu.be/abc)
      - [Observability, Tracing, Metrics](https://youtu.be/def)
      """)
    let talk = try #require(talks.first)
    #expect(talk.title == "Widgets Everywhere!? We Sure Can!")
    #expect(talk.speakers == [SpeakerRef(name: "Jane de-Roos", organization: "WidgetCorp")])
    // A title with commas and no speaker is not cut.
    #expect(!talks.contains { $0.title == "Observability" })
  }

  @Test func aLinkToASessionPageIsThatSession() throws {
    let talks = try SessionLinkerTests.talks("""
      ## Day 1

      I liked the session from [Bruno Keller](https://kccnceu2025.sched.com/event/b2/gpu-sharing-for-batch-workloads-on-kubernetes-bruno-keller-initech), full of numbers.

      At a co-located event, Jane Doe gave [a great talk](https://colocatedeventseu2025.sched.com/event/zz9/widgets-at-the-edge-jane-doe-widgetcorp) on widgets.
      """)
    let linked = try #require(talks.first { $0.session != nil })
    #expect(linked.session?.id == "eu-2025-b2")
    #expect(linked.title == "GPU Sharing for Batch Workloads on Kubernetes")
    #expect(linked.speakers.map(\.name) == ["Bruno Keller"])
    // A page the program does not know: its slug gives the title and tells who speaks.
    let other = try #require(talks.first { $0.session == nil })
    #expect(other.title == "Widgets at the edge" && other.titleSource == .derived)
    #expect(other.speakers.map(\.name) == ["Jane Doe"])
  }

  @Test func namesLoseTheirRolesAndNicknames() {
    #expect(SessionLinker.withoutRoles(SpeakerRef(name: "Widget Maintainers Jane Roe", organization: nil)).name == "Jane Roe")
    #expect(SessionLinker.withoutRoles(SpeakerRef(name: "Jean Van Der Berg", organization: nil)).name == "Jean Van Der Berg")
    #expect(SessionLinker.withoutRoles(SpeakerRef(name: "CTO Jane", organization: nil)).name == "CTO Jane")
    #expect(SessionLinker.withoutNickname("Janet \\\"JJ\\\" Roe") == "Janet Roe")
    #expect(SessionLinker.withoutNickname("Jane “JD” Doe") == "Jane Doe")
  }

  @Test func sessionPagesAreReadFromTheirLinks() {
    let page = SessionPage(url: "https://kccnceu2026.sched.com/event/2CVy5/widgets-are-the-new-gadgets-jane-roe-acme?iframe=no")
    #expect(page == SessionPage(host: "kccnceu2026.sched.com", id: "2CVy5", slug: "widgets-are-the-new-gadgets-jane-roe-acme"))
    #expect(SessionPage(url: "https://sched.co/1YeO0")?.id == "1YeO0")
    #expect(SessionPage(url: "https://kccnceu2026.sched.com/list/simple") == nil)
    #expect(SessionPage(url: "https://github.com/org/event/x") == nil)
    #expect(page?.titleEnd(sharedWith: "Widgets Are the New Gadgets") == 5)
    #expect(page?.titleEnd(sharedWith: "Jane Roe") == 0)
    #expect(page?.title(words: 5) == "Widgets are the new gadgets")
  }

  @Test func theProgramVotesOnAnEditionTheTextLeavesOpen() throws {
    let body = """
      ## Scaling Observability Pipelines With OpenTelemetry Collectors

      Notes on collectors.

      ## Zero Trust Networking in Practice

      Notes on networking.
      """
    let open = try SessionLinkerTests.parser.parse(data: Data(("# My conference notes\n\n" + body).utf8), file: "t.md", id: "t")
    #expect(open.report.edition?.id == "eu-2025")
    #expect(open.talks.compactMap(\.session?.id) == ["eu-2025-a1", "eu-2025-b1"])
    // Never against what the text says.
    let stated = try SessionLinkerTests.parser.parse(data: Data(("# KubeCon North America 2024 in Salt Lake City\n\n" + body).utf8), file: "t.md", id: "t")
    #expect(stated.report.edition?.id == "na-2024")
    // One title is not enough.
    let one = try SessionLinkerTests.parser.parse(data: Data("# Notes\n\n## Zero Trust Networking in Practice\n\nNotes.\n".utf8), file: "t.md", id: "t")
    #expect(one.report.edition == nil)
  }

  @Test func explanationsNameTheEvidenceAndTheSession() throws {
    let report = Data("""
      # KubeCon Europe 2025 in London

      ## Talks I liked

      ### Zero Trust Networking in Practice - Bruno Keller, Initech

      Notes.

      ## Conclusion

      That was all.
      """.utf8)
    let parsed = try SessionLinkerTests.parser.parse(data: report, file: "t.md", id: "t", explain: true)
    let talk = try #require(parsed.explanation.first { $0.isTalk })
    #expect(talk.evidence.contains(.speakers) && talk.evidence.contains(.underTalkList) && talk.evidence.contains(.programTitle))
    #expect(talk.decision.contains("eu-2025-b1"))
    #expect(parsed.explanation.contains { !$0.isTalk && $0.span == "Conclusion" })
    #expect(parsed.explanation.map(\.line) == parsed.explanation.map(\.line).sorted())
    // Explaining changes nothing of what is found.
    let plain = try SessionLinkerTests.parser.parse(data: report, file: "t.md", id: "t")
    #expect(plain.report == parsed.report && plain.explanation.isEmpty)
  }

  @Test func aMisspelledSpeakerTakesTheProgramsSpelling() throws {
    let talks = try SessionLinkerTests.talks("""
      ## Des pipelines d'observabilité

      Alice Martinn (Acme) a présenté comment son équipe fait tourner des centaines de collecteurs OpenTelemetry.
      """)
    let talk = try #require(talks.first { $0.session != nil })
    #expect(talk.session?.id == "eu-2025-a1")
    #expect(talk.speakers.map(\.name) == ["Alice Martin"])
  }

  @Test func twoSessionsOfOneSpeakerAreToldApartByTheirWords() throws {
    let talks = try SessionLinkerTests.talks("""
      ## Sharing accelerators

      Bruno Keller presented how they share GPUs between batch jobs on Kubernetes.
      """)
    #expect(talks.compactMap(\.session?.id) == ["eu-2025-b2"])
  }

  @Test func aTieLinksNothing() throws {
    let talks = try SessionLinkerTests.talks("""
      ## A talk I liked

      Carla Dupont presented a story about her team, with many jokes.
      """)
    #expect(talks.allSatisfy { $0.session == nil })
  }

  @Test func aPersonWhoDoesNotSpeakThereIsNotLinked() throws {
    let talks = try SessionLinkerTests.talks("""
      ## Platform teams

      Dora Smith from Umbrella presented how her platform team works with product teams.
      """)
    #expect(talks.allSatisfy { $0.session == nil })
    let programSpeakers = Set(SessionLinkerTests.sessions.flatMap(\.speakers).map(\.name))
    #expect(talks.flatMap(\.speakers).allSatisfy { !programSpeakers.contains($0.name) })
  }

  @Test func aTitleInAListIsItsSessionWithTheReportsWording() throws {
    let talks = try SessionLinkerTests.talks("""
      ## My favourite sessions

      - Zero trust networking in practice: a very good one.
      - Scaling observability pipelines with OpenTelemetry collector
      """)
    let ids = talks.compactMap(\.session?.id)
    #expect(ids.contains("eu-2025-b1"))
    // A word different (collector/collectors): still the session, with the report's wording kept.
    #expect(ids.contains("eu-2025-a1"))
    #expect(talks.first { $0.session?.id == "eu-2025-a1" }?.reportTitle == "Scaling observability pipelines with OpenTelemetry collector")
  }

  /// A list item, bold or link text may be the start of a session's title, its last words left
  /// out; a heading that is may be the author's topic, and names no session by that alone.
  @Test func theStartOfATitleInAListNamesItsSession() throws {
    let listed = try SessionLinkerTests.talks("""
      ## Keynotes

      - **Building Resilient Edge Platforms for Retail Stores**: how stores keep selling when the network is gone.
      """)
    let talk = try #require(listed.first { $0.session?.id == "eu-2025-e1" })
    #expect(talk.titleSource == .schedule)
    #expect(talk.reportTitle == "Building Resilient Edge Platforms for Retail Stores")
    let headed = try SessionLinkerTests.talks("""
      ## Building Resilient Edge Platforms for Retail Stores

      Our own notes on how stores keep selling when the network is gone, and what we changed.
      """)
    #expect(!headed.contains { $0.session?.id == "eu-2025-e1" })
  }

  /// A session name copied into a link is read with its speakers, with or without a program.
  @Test func aCopiedSessionNameGivesItsSpeakers() throws {
    let parsed = try Fixtures.parse("""
      # KubeCon Europe 2019 in Barcelona

      - [Keeping Clusters Boring: Lessons From Production - Jane Roe & John Poe, Example Corp](https://youtu.be/x)
      """)
    let talk = try #require(parsed.talks.first { $0.title == "Keeping Clusters Boring: Lessons From Production" })
    #expect(talk.speakers == [SpeakerRef(name: "Jane Roe", organization: "Example Corp"), SpeakerRef(name: "John Poe", organization: "Example Corp")])
    #expect(talk.session == nil)
  }

  /// A section that lists people (speakers of another event, say) names one who speaks at the
  /// edition next to a word of their title: that is no talk of theirs.
  @Test func aListOfPeopleIsNotATalkOfOneOfThem() throws {
    let talks = try SessionLinkerTests.talks("""
      ## Coming up: Widget Days

      Come hear from speakers like Dora Smith (Umbrella), Eve Stone (Hooli, Ambassador), Frank
      Wu (Initrode), Bruno Keller (Initech/Zero), and so many more, each with a talk!
      """)
    #expect(talks.isEmpty)
    // One person and the words of their title is their talk.
    let one = try SessionLinkerTests.talks("""
      ## Coming up

      Bruno Keller (Initech) presented zero trust networking in practice.
      """)
    #expect(one.map { $0.session?.id } == ["eu-2025-b1"])
  }

  /// A link whose text is not the title links its session; the names in its address are not
  /// named by the report, nor is the address its wording of the title.
  @Test func aSessionPageLinkCreditsOnlyThePeopleTheReportNames() throws {
    let talks = try SessionLinkerTests.talks("""
      ## Keynotes

      The day ended with [a story about pipelines](https://kccnceu2025.sched.com/event/a1/scaling-observability-pipelines-with-opentelemetry-collectors-alice-martin-acme) and many collectors.
      """)
    let talk = try #require(talks.first)
    #expect(talk.session?.id == "eu-2025-a1")
    #expect(talk.speakers.isEmpty)
    #expect(talk.reportTitle == nil)
  }
}

/// The author of a report is a speaker of a session the program lists them in, named anywhere in
/// the report; never of a talk the program does not give them.
@Suite struct AuthorAsSpeakerTests {
  @Test func theAuthorSpeaksAtTheSessionsTheProgramListsThemIn() throws {
    let text = """
      ---
      author: Bruno Keller
      ---
      # KubeCon Europe 2025 in London

      I am Bruno Keller, and I was on stage twice this year.

      ## Zero Trust Networking in Practice

      My talk walked through the policies we ship, and what they cost us.

      ## Scaling Observability Pipelines With OpenTelemetry Collectors

      A great session, with numbers from a very large fleet.
      """
    let talks = try SessionLinkerTests.parser.parse(data: Data(text.utf8), file: "t.md", id: "t").talks
    let own = try #require(talks.first { $0.session?.id == "eu-2025-b1" })
    #expect(own.speakers.contains(SpeakerRef(name: "Bruno Keller", organization: "Initech")))
    let other = try #require(talks.first { $0.session?.id == "eu-2025-a1" })
    #expect(!other.speakers.contains { $0.name == "Bruno Keller" })
  }
}
