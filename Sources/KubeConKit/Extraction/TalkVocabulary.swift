/// French and English words that tell talks from other parts of a report.
enum TalkVocabulary {
  /// Words that make any short heading a grouping one ("Quelques mots pour conclure", "Final thoughts").
  static let groupingAnywhere: [String] = [
    "conclusion", "conclusions", "conclure", "to conclude", "wrap up", "wrap-up", "takeaways", "sponsors",
    "closing words", "final thoughts", "general thoughts", "remerciements", "acknowledgements", "more articles",
    "related posts", "co-located events", "colocated events", "le mot de la fin", "about me", "a propos de moi",
    // The author's closing words.
    "thank you", "big thanks", "c'est tout", "c'est fini", "et voila", "that's all", "that's it", "see you",
    "a bientot", "next year", "l'annee prochaine",
  ].map(Folding.fold)

  /// Headings that group things when they are the heading or start it ("Day 2", "Resources", "Jour 1 : ...").
  static let grouping: [String] = [
    "introduction", "intro", "summary", "resume", "sommaire", "en bref", "tl;dr", "tldr", "sponsor", "stands",
    "booths", "booth", "day", "days", "jour", "jours", "journee", "keynotes", "talks", "sessions", "conferences",
    "resources", "ressources", "liens", "links", "sources", "references", "contact", "avant de commencer",
    "before getting started", "prochains evenements", "upcoming events", "next events", "thoughts", "the venue",
    "venue", "the people", "people", "showroom", "showcase", "hallway track", "afterparty", "party", "soiree",
    "co-located", "colocated", "thanks", "merci", "agenda", "programme", "program", "overview", "apercu",
    "what i learned", "highlights", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "monday", "tuesday",
    "wednesday", "thursday", "friday",
    // Transitions to what is left ("What's more", "En vrac").
    "what's more", "and more", "misc", "miscellaneous", "divers", "en vrac", "et aussi",
  ].map(Folding.fold)

  /// Each of `grouping` with the ways a heading goes on after it ("Day 2", "Jour 1 : ...").
  static let groupingStarts = grouping.map { p in (p, [" ", ":", "-", ","].map { p + $0 }) }

  /// Words that end a heading naming a day of the event ("Platform Engineering Day").
  static let dayWords: [String] = ["day", "days", "jour", "journee"]

  static func isGrouping(_ folded: String) -> Bool {
    let words = folded.pieceCount(upTo: 10)  // (only compared with 9 and less)
    guard words <= 9 else { return false }
    // Each list is looked for in one pass over the heading (see `PhraseSet`).
    if groupingAnywhereSet.count(in: folded, upTo: 1) > 0 { return true }
    // (A heading that starts with "p:" or "p " starts with p.)
    for (p, starts) in groupingStarts where folded.hasASCIIPrefix(p) {
      if folded == p || starts.contains(where: { folded.hasASCIIPrefix($0) }) { return true }
    }
    if words <= 3 && groupingSet.count(in: folded, upTo: 1) > 0 { return true }
    return words <= 4 && dayWords.contains { folded.hasSuffix(" " + $0) }
  }

  static let groupingAnywhereSet = PhraseSet(groupingAnywhere)
  static let groupingSet = PhraseSet(grouping)

  /// Short headings that announce a list of talks.
  static let talkList: [String] = [
    "talks", "talk", "sessions", "conferences", "presentations", "favourite", "favorite", "favoris",
    "coups de coeur", "coup de coeur", "references", "notable mentions", "notable talks",
  ].map(Folding.fold)

  /// Words in a section's text that show it reports on a talk.
  static let presentationCues: [String] = [
    "ce talk", "le talk", "this talk", "the talk", "cette conference", "la conference", "this session",
    "the session", "cette session", "la session", "cette presentation", "la presentation", "this presentation",
    "the presentation", "les speakers", "the speakers", "the speaker", "le speaker", "la speakeuse",
    "l'intervenant", "les intervenants", "the presenters", "presente par", "presentee par", "presented by",
    "keynote", "demonstration", "demo", "the panel", "le panel", "ce panel", "this panel", "the tutorial",
    "ce tutoriel", "this workshop", "cet atelier", "retour d'experience", "the maintainers", "les mainteneurs",
    "a presente", "ont presente", "presented", "presentation de", "presentation du", "talk",
  ].map(Folding.fold)

  /// Words near a quoted or bold title that make it a talk's title.
  static let talkNouns: [String] = [
    "conference", "conferences", "talk", "talks", "session", "sessions", "keynote", "keynotes", "presentation",
    "presentations", "panel", "lightning", "tutorial", "tutoriel", "workshop", "atelier", "demo", "intitulee",
    "intitule", "titled", "called", "nommee",
  ].map(Folding.fold)

  /// Words near a quoted title that make it a paper, post, book or other document instead.
  static let documentNouns: [String] = [
    "blog", "article", "articles", "post", "billet", "papier", "paper", "whitepaper", "livre", "book", "books",
    "document", "guide", "rapport", "report", "ebook", "podcast", "video", "newsletter", "tweet", "thread",
  ].map(Folding.fold)

  /// Prefixes of a heading that name the kind of session.
  static let kindPrefixes: [(String, TalkKind)] = [
    ("sponsored keynote", .keynote), ("keynote", .keynote), ("panel", .panel), ("panel discussion", .panel),
    ("lightning talk", .lightning), ("lightning", .lightning), ("tutorial", .tutorial), ("workshop", .tutorial),
    ("atelier", .tutorial), ("hands-on lab", .tutorial), ("hands-on", .tutorial), ("demo", .demo),
    ("table ronde", .panel),
  ]

  /// Lines that introduce the speakers of the talk under a heading.
  static let bylinePrefixes: [String] = [
    "par ", "by ", "speakers:", "speakers :", "speaker:", "speaker :", "intervenants:", "intervenants :",
    "intervenant:", "intervenant :", "presente par ", "presentee par ", "presented by ", "avec ", "with ",
  ].map(Folding.fold)
}
