import Testing
@testable import KubeConKit

@Suite struct SpeakerParserTests {
  let parser = Fixtures.speakerParser

  @Test(arguments: [
    ("Jeanne Martin de Acme", [SpeakerRef(name: "Jeanne Martin", organization: "Acme")]),
    ("Jeanne Martin et Paul Durand de Acme", [SpeakerRef(name: "Jeanne Martin", organization: "Acme"), SpeakerRef(name: "Paul Durand", organization: "Acme")]),
    ("Jane Doe from Acme and John Roe from Initech Labs", [SpeakerRef(name: "Jane Doe", organization: "Acme"), SpeakerRef(name: "John Roe", organization: "Initech Labs")]),
    ("Jane Doe, Acme & John Roe, Red Hat", [SpeakerRef(name: "Jane Doe", organization: "Acme"), SpeakerRef(name: "John Roe", organization: "Red Hat")]),
    ("Jane Doe (CTO, Acme)", [SpeakerRef(name: "Jane Doe", organization: "Acme")]),
    ("Jean de La Fontaine", [SpeakerRef(name: "Jean de La Fontaine", organization: nil)]),
    ("Charles de Gaulle de Acme", [SpeakerRef(name: "Charles de Gaulle", organization: "Acme")]),
    ("Marie Curie d’eBay", [SpeakerRef(name: "Marie Curie", organization: "eBay")]),
    ("Sam Lee de Foo Foundation Inc.", [SpeakerRef(name: "Sam Lee", organization: "Foo Foundation Inc.")]),
    // A known organization that reads like a name is the organization (the gazetteer of Data/organizations.json).
    ("Marc Petit, Deutsche Telekom", [SpeakerRef(name: "Marc Petit", organization: "Deutsche Telekom")]),
    ("Paul Roe (Red Hat) and Marc Petit, Deutsche Telekom", [SpeakerRef(name: "Paul Roe", organization: "Red Hat"), SpeakerRef(name: "Marc Petit", organization: "Deutsche Telekom")]),
  ])
  func parsesSpeakerLists(text: String, expected: [SpeakerRef]) {
    #expect(parser.parseList(text) == expected)
  }

  @Test(arguments: ["the Kubernetes community", "Build Things No One Expects, in a Place", "Kubernetes Patterns", "OpenTelemetry Collector"])
  func rejectsWhatIsNotAName(text: String) {
    #expect(parser.parseList(text) == nil)
  }
}

@Suite struct ProseSpeakersTests {
  let prose = ProseSpeakers(parser: Fixtures.speakerParser)

  @Test(arguments: [
    ("Jeanne Martin de Acme a mis en avant les avantages d'OpenTelemetry.", ["Jeanne Martin|Acme"]),
    ("Un des intervenants, Marie Curie d'eBay, a abordé l'IA.", ["Marie Curie|eBay"]),
    ("La keynote suivante, présentée par Kevin Moore et Sanjay Patel, parlait des GPU.", ["Kevin Moore|", "Sanjay Patel|"]),
    ("Jane Doe and John Roe from Initech shared how they route requests.", ["Jane Doe|Initech", "John Roe|Initech"]),
    ("Discussions led by Acme's Nina Shah focused on security.", ["Nina Shah|Acme"]),
    ("La première keynote de Ada Lovelace (Executive Director, Acme Foundation) s'est ouverte sur l'IA.", ["Ada Lovelace|Acme Foundation"]),
    // "who" or "qui" between the speaker and the verb.
    ("Our guest was Maria Lopez, Principal Engineer at Initech, who walked the room through rotating credentials.", ["Maria Lopez|Initech"]),
    ("Maria Lopez de Initech, qui a présenté la gestion des secrets.", ["Maria Lopez|Initech"]),
    // A remark in brackets between the speaker and the verb.
    ("Maria Lopez from Initech (now part of Globex) discussed cost reports for clusters.", ["Maria Lopez|Initech"]),
    // A name in the possessive before a word for a talk.
    ("Jane Doe's keynote opened the second day.", ["Jane Doe|"]),
    ("After lunch, Alice Martin’s live coding demo filled the room.", ["Alice Martin|"]),
    ("Paul Burns' live coding session drew a crowd.", ["Paul Burns|"]),
  ])
  func findsPresentingSpeakers(sentence: String, expected: [String]) {
    let found = prose.speakers(inSentence: sentence).map { "\($0.name)|\($0.organization ?? "")" }
    #expect(found == expected)
  }

  @Test(arguments: [
    "Merci à Jane Doe pour son accueil, elle a présenté le stand.",
    "I met Jane Doe and John Roe at the booth, they presented their product.",
    "J'ai aussi croisé Paul Durand et Marie Curie au stand.",
    "The best part of the day were two meetings led by Jane Doe about operators.",
    "Deux réunions animées par Paul Durand ont rassemblé les mainteneurs.",
    // A company's, or no name's.
    "Initech's keynote was the longest of the morning.",
    "My colleague's talk about Kubernetes was the best of the day.",
    "Jane Doe's slides and then a demo came later.",
  ])
  func peopleMetOrThankedAreNotSpeakers(sentence: String) {
    #expect(prose.speakers(inSentence: sentence).isEmpty)
  }

  /// Conference words, singular or plural, are no one's name ("New and Advanced Contributor
  /// Workshops were merged").
  @Test(arguments: [
    "New and Advanced Contributor Workshops were merged for the morning.",
    "Les Ambassadors et les Maintainers ont présenté leurs projets.",
  ])
  func conferenceWordsAreNotNames(sentence: String) {
    #expect(prose.speakers(inSentence: sentence, inTalk: true).isEmpty)
  }
}
