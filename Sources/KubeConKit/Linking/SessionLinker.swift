import Foundation

/// Links the talks a report presents to the sessions of its edition's program, and finds the
/// sessions it names that the talk extractor did not take for talks.
///
/// First, session names copied into the report (`Title - Jane Doe, Acme`, `Title, Jane Doe, Acme`)
/// give their talks and speakers, with or without a program. Then the rules, in the order they
/// are tried for a talk found by the extractor (each names itself as ``Evidence``):
/// 0. its block, or its heading's section, links to one session's page (``SessionPage``); a talk
///    found by a link to another site's page is linked by its title only;
/// 1. its title is a session's (the whole title, the part before the subtitle, or a distinctive
///    subtitle, compared as ``TitleKey`` compares them);
/// 2. a session title of five words or more stands inside its title, or it is a word or two off one;
/// 3. its speakers speak at the edition: their one session, or of several the one whose title
///    shares the most words with the talk's title and text (a tie links nothing);
/// 4. its first lines hold a session title of five words or more;
/// 5. speakers of the edition named in its text, as in 3.
/// A talk not linked whose only evidence is weak (``Evidence/isWeak(_:)``) is dropped when the
/// edition has a program; one whose heading is the author's (``Evidence/isAuthorsHeading(_:)``)
/// keeps it as a derived title.
/// Then, in the rest of the report: a heading, list item, link, bold or quoted text that is a
/// session's title, or a paragraph that holds a title of five words or more, is that session's
/// talk; and a section that presents no talk but names a speaker of the edition next to words of
/// their session's title or words about presenting is that session's talk.
struct SessionLinker: Sendable {
  let program: Program
  /// What a person's name looks like: a speaker of a copied session name the program does not
  /// know must look like one.
  let names: PersonNames?

  init(program: Program, names: PersonNames? = nil) {
    self.program = program
    self.names = names
  }

  /// - Parameter log: told of the headings dropped for want of evidence (see ``Evidence/isWeak(_:)``).
  func link(_ candidates: [TalkCandidate], sections: [OutlineSection], author: String?, log: ExtractionLog? = nil) -> [TalkCandidate] {
    let authorKey = author.map(Program.nameKey)
    var out: [TalkCandidate] = []
    var linked: [Int: Int] = [:]  // session → index in out
    func add(_ c: TalkCandidate, session: Int?, by rule: Evidence? = nil) {
      var c = c
      c.speakers = c.speakers.map(SessionLinker.withoutRoles)
      if let rule { c.evidence.append(rule) }
      guard let s = session else {
        if !program.sessions.isEmpty && Evidence.isWeak(c.evidence) {
          log?.note(c.line, c.title, c.evidence, isTalk: false, "not a talk: only wording, projects and presenting words, and no session of the program")
          return
        }
        if !program.sessions.isEmpty && c.titleSource == .stated && Evidence.isAuthorsHeading(c.evidence) {
          c.titleSource = .derived
          c.titleIsAuthorsHeading = true
        }
        out.append(respelled(c, authorKey: authorKey))
        return
      }
      if let k = linked[s] {
        // The same session named twice: one talk, the report's speakers of both.
        for sp in c.speakers where !out[k].speakers.contains(where: { Program.nameKey($0.name) == Program.nameKey(sp.name) }) {
          out[k].speakers.append(sp)
        }
        return
      }
      linked[s] = out.count
      out.append(attach(c, to: program.sessions[s], authorKey: authorKey, report: sections))
    }
    var candidates = candidates
    // Session names copied from the program (`Title - Speaker, Organization`), with or without a program.
    var candidateLines = Dictionary(candidates.enumerated().map { ($1.line, $0) }, uniquingKeysWith: { a, _ in a })
    for (index, section) in sections.enumerated() {
      section.forEachBlock { block in
        guard let copied = copiedName(in: block) else { return }
        // (A nickname, `Jane "JD" Doe`, is no part of the name a report credits.)
        let speakers = copied.parsed.speakers.map { SpeakerRef(name: SessionLinker.withoutNickname($0.name), organization: $0.organization) }
        if let k = candidateLines[block.line] {
          candidates[k].title = copied.parsed.title
          candidates[k].titleSource = .stated
          candidates[k].evidence.append(.copiedSessionName)
          candidates[k].speakers = TalkExtractor.without(author, speakers)
          if copied.stated != copied.parsed.title { candidates[k].reportTitle = copied.stated }
          if copied.parsed.kind.talkKind != .session { candidates[k].kind = copied.parsed.kind.talkKind }
          return
        }
        var c = TalkCandidate(
          title: copied.parsed.title, titleSource: .stated, kind: copied.parsed.kind.talkKind,
          speakers: TalkExtractor.without(author, speakers), line: block.line,
          text: block.isHeading ? section.text : block.text, tokens: block.isHeading ? section.tokens : block.tokens, section: index,
          evidence: [.copiedSessionName])
        if copied.stated != copied.parsed.title { c.reportTitle = copied.stated }
        candidateLines[block.line] = candidates.count
        candidates.append(c)
      }
    }
    candidates.sort { ($0.line, $0.section) < ($1.line, $1.section) }
    // The sessions whose pages each block links to, and each section's.
    var pagesByLine: [Int: [Int]] = [:]
    var pagesBySection: [Int: [Int]] = [:]
    if !program.byPage.isEmpty {
      for (index, section) in sections.enumerated() {
        for block in section.blocks {
          for link in block.inline.links {
            guard let s = SessionPage(url: link.url).flatMap(program.session(at:)) else { continue }
            if pagesByLine[block.line]?.contains(s) != true { pagesByLine[block.line, default: []].append(s) }
            if pagesBySection[index]?.contains(s) != true { pagesBySection[index, default: []].append(s) }
          }
        }
      }
    }
    for c in candidates {
      // A talk of a block, or a heading's, linking to one session's page is that session.
      let isHeading = sections.indices.contains(c.section) && sections[c.section].heading?.line == c.line
      if let pages = isHeading ? pagesBySection[c.section] : pagesByLine[c.line], pages.count == 1 {
        add(c, session: pages[0], by: .programPage)
        continue
      }
      // A talk whose page is another site's (a co-located event's) is no session of this program
      // its speakers have: only its title links it.
      let otherPage = c.evidence.contains(.sessionPageLink)
      var linked = session(for: c, authorKey: authorKey)
      if otherPage, let rule = linked?.rule, ![.programTitle, .programTitleNearly].contains(rule) { linked = nil }
      add(c, session: linked?.session, by: linked?.rule)
    }

    // Sessions named where the extractor saw no talk.
    var sectionsWithTalks = Set(out.map(\.section))
    for (index, section) in sections.enumerated() {
      section.forEachBlock { block in
        for s in sessionsNamed(in: block) where linked[s] == nil {
          let text = block.isHeading ? section.text : block.text
          let tokens = block.isHeading ? section.tokens : block.tokens
          let c = TalkCandidate(
            title: reportWording(of: s, in: block), titleSource: .stated, kind: program.sessions[s].kind.talkKind,
            speakers: [], line: block.line, text: text, tokens: tokens, section: index)
          add(c, session: s, by: .programTitleInBlock)
          sectionsWithTalks.insert(index)
        }
      }
    }
    for (index, section) in sections.enumerated() where !sectionsWithTalks.contains(index) {
      guard let s = sessionBySpeaker(in: section, authorKey: authorKey), linked[s] == nil else { continue }
      var c = TalkCandidate(
        title: program.sessions[s].title, titleSource: .schedule, kind: program.sessions[s].kind.talkKind, speakers: [],
        line: section.heading?.line ?? section.line, text: section.text, tokens: section.tokens, section: index)
      // A heading that holds most of the title's words is the report's wording of it.
      if let heading = section.title {
        let titleWords = Set(TitleKey.words(program.sessions[s].title))
        if titleWords.intersection(TitleKey.words(heading)).count * 2 >= titleWords.count {
          c.title = heading
          c.titleSource = .stated
        }
      }
      add(c, session: s, by: .programSpeakerInSection)
    }
    return out.sorted { ($0.line, $0.section) < ($1.line, $1.section) }
  }

  // MARK: - Rules

  /// A session's name as the program writes it (`Title - Speaker, Organization`), copied into a
  /// link, bold text, a list item or a heading: its parts, and the title as the report states it
  /// (with its kind prefix).
  func copiedName(in block: Block) -> (parsed: SessionNameParser.Parsed, stated: String)? {
    var spans = block.inline.links.map(\.text) + block.inline.strong
    switch block.kind {
    case .heading, .listItem: spans.append(block.text)
    default: break
    }
    let parser = program.nameParser
    for span in spans where span.containsLiteral(" - ") || span.containsLiteral(" – ") {
      let (stated, speakers) = parser.splitSpeakers(span.trimmingCharacters(in: .whitespaces))
      guard !speakers.isEmpty, TitleKey.words(stated).count >= 2, !stated.hasSuffix(":") else { continue }
      if speakers.count == 1, let names, TalkExtractor.isNameThenTitle(stated, speakers[0].name, names: names) { continue }
      // Every speaker a person: known to the program, or a name of two words or more.
      let people = speakers.allSatisfy { s in
        program.speakerKey(s.name) != nil || (names?.isName(Program.nameKey(s.name).isEmpty ? s.name : SessionLinker.withoutNickname(s.name)) ?? true)
      }
      guard people else { continue }
      let parsed = parser.parse(span)
      return (parsed, stated)
    }
    for span in spans { if let found = commaName(span) { return found } }
    return nil
  }

  /// `Title, Jane Doe, Acme`: a title of three words or more, then one speaker and their
  /// organization after commas (the speaker known to the program or shaped like a name, the
  /// organization known to it or shaped like one).
  func commaName(_ span: String) -> (parsed: SessionNameParser.Parsed, stated: String)? {
    // (Most spans are not: two commas at least, in a span no longer than a session's name.)
    guard span.utf8.count <= 300, span.utf8.lazy.filter({ $0 == UInt8(ascii: ",") }).count >= 2 else { return nil }
    // (Link text may run over lines.)
    let line = span.utf8.contains(where: { $0 == 0x0A || $0 == 0x09 }) ? span.split(whereSeparator: \.isWhitespace).joined(separator: " ") : span
    guard let last = line.literalRange(of: ", ", backwards: true),
      let second = line[..<last.lowerBound].literalRange(of: ", ", backwards: true)
    else { return nil }
    let organization = line[last.upperBound...].trimmingCharacters(in: CharacterSet(charactersIn: " ."))
    let name = String(line[second.upperBound..<last.lowerBound])
    let title = String(line[..<second.lowerBound])
    guard (2...4).contains(name.split(separator: " ").count), !organization.isEmpty,
      program.organizations.contains(organization) || SessionNameParser.looksLikeOrganization(organization),
      program.speakerKey(name) != nil || names?.isName(name) == true
        || (SessionNameParser.looksLikeName(name) && !SessionNameParser.looksLikeOrganization(name)),
      TitleKey.words(title).count >= 3
    else { return nil }
    let (prefixKind, rest) = SessionNameParser.kindPrefix(of: title) ?? (.session, title)
    let parsed = SessionNameParser.Parsed(title: rest, kind: prefixKind, speakers: [SessionSpeaker(name: name, organization: organization)])
    return (parsed, title)
  }

  /// The session a talk is, and the rule that says so.
  func session(for c: TalkCandidate, authorKey: String?) -> (session: Int, rule: Evidence)? {
    let titleTokens = Tokenizer.tokens(c.title)[...]
    if program.mayNameTitle(titleTokens) {
      let titled = program.sessions(titled: c.title)
      if !titled.isEmpty { return choose(titled, speakers: c.speakers).map { ($0, .programTitle) } }
      let inside = program.titles(inside: titleTokens)
      if inside.count == 1 { return (inside[0], .programTitleNearly) }
      // A title misspelled, or followed by its speakers (`Title (par X, Acme)`).
      for span in [c.title] + SessionLinker.leadingParts(c.title) {
        let near = program.sessions(nearlyTitled: span)
        if !near.isEmpty, let s = choose(near, speakers: c.speakers) { return (s, .programTitleNearly) }
      }
    }
    let bySpeakers = unique(c.speakers.filter { Program.nameKey($0.name) != authorKey }.flatMap { program.sessions(of: $0.name) })
    if !bySpeakers.isEmpty { return program.closest(bySpeakers, to: words(c)).map { ($0, .programSpeakers) } }
    // The words of the first three lines: the text's words up to as many bytes past the first.
    let firstLines = SessionLinker.firstLines(3, of: c.text).utf8.count
    let head = c.tokens.prefix { $0.end <= (c.tokens.first?.start ?? 0) + firstLines }
    let inText = program.titles(inside: head)
    if inText.count == 1 { return (inText[0], .programTitleInText) }
    let named = unique(program.speakersNamed(in: c.tokens).filter { $0 != authorKey }.flatMap { program.bySpeaker[$0] ?? [] })
    if !named.isEmpty { return program.closest(named, to: words(c)).map { ($0, .programSpeakersInText) } }
    return nil
  }

  /// Of sessions with one title, those of the talk's speakers, then the closest by words.
  func choose(_ sessions: [Int], speakers: [SpeakerRef]) -> Int? {
    if sessions.count == 1 { return sessions[0] }
    let keys = Set(speakers.compactMap { program.speakerKey($0.name) })
    let withSpeakers = sessions.filter { s in program.sessions[s].speakers.contains { keys.contains(Program.nameKey($0.name)) } }
    if withSpeakers.count == 1 { return withSpeakers[0] }
    // The same title given twice (a session repeated): the first.
    let titles = Set(sessions.map { TitleKey.make(program.sessions[$0].title) })
    return titles.count == 1 ? sessions[0] : nil
  }

  /// Sessions a block names: the whole heading, list item, link, bold or quoted text is a
  /// title, or the block holds a title of five words or more. Outside headings (which may be
  /// topics that start a title), a list item, link or bold text may also be the start of a title,
  /// its last words left out.
  func sessionsNamed(in block: Block) -> [Int] {
    guard program.mayNameTitle(block.tokens) else { return [] }
    let isListItem = { if case .listItem = block.kind { true } else { false } }()
    // Each span, and whether it may be a title with its last words left out (not in a heading,
    // which may be a topic that starts a title).
    var spans: [(text: String, shortened: Bool)] = []
    if block.isHeading || isListItem { spans.append((block.text, isListItem)) }
    spans += (block.inline.links.map(\.text) + block.inline.strong).map { ($0, !block.isHeading) }
    spans += SessionLinker.quoted(block.text).map { ($0, false) }
    // A list item or heading that goes on after its title (`Title - Speaker`, `Title: notes`).
    if block.isHeading || isListItem { spans += SessionLinker.leadingParts(block.text).map { ($0, isListItem) } }
    var found: [Int] = []
    for (span, shortened) in spans {
      var titled = program.sessions(titled: span)
      if titled.isEmpty { titled = program.sessions(nearlyTitled: span) }
      if titled.isEmpty && shortened { titled = program.sessions(titleStartingWith: span) }
      if let s = choose(titled, speakers: []), !found.contains(s) { found.append(s) }
    }
    for s in program.titles(inside: block.tokens) where !found.contains(s) { found.append(s) }
    return found
  }

  /// A section that names a speaker of the edition (not the author) next to words of their
  /// session's title, or to words about presenting: that session.
  func sessionBySpeaker(in section: OutlineSection, authorKey: String?) -> Int? {
    let named = program.speakersNamed(in: section.tokens).filter { $0 != authorKey }
    guard !named.isEmpty else { return nil }
    let words = Set((TitleKey.words(section.title ?? "") + section.tokens.map(\.folded)).filter { $0.count >= 4 })
    let presenting = TalkExtractor.presentationCues.count(in: Folding.fold(section.text), upTo: 1) > 0
    // A section that lists people is about them: one of them is not its talk's speaker by a word.
    lazy var people = listsPeople(section.text)
    var chosen: [Int] = []
    for name in named {
      let sessions = program.bySpeaker[name] ?? []
      guard let s = program.closest(sessions, to: words) ?? (sessions.count == 1 ? sessions[0] : nil) else { continue }
      let shared = program.titleWords[s].intersection(words).count
      if shared >= 2 || (presenting && shared >= 1 && !people) || (presenting && sessions.count == 1 && named.count == 1 && !people) {
        if !chosen.contains(s) { chosen.append(s) }
      }
    }
    return chosen.count == 1 ? chosen[0] : nil
  }

  /// Whether a text lists three people or more, one after the other (`A (Acme), B (Initech) and
  /// C`): pieces between commas, semicolons and "and" that are whole names once what stands in
  /// brackets is left out.
  func listsPeople(_ text: String) -> Bool {
    guard let names else { return false }
    var plain = ""
    var depth = 0
    for c in text {
      if c == "(" { depth += 1 } else if c == ")" { depth = max(0, depth - 1) } else if depth == 0 { plain.append(c == "\n" ? " " : c) }
    }
    var count = 0
    for piece in plain.replacingOccurrences(ofBytes: " and ", with: ",").replacingOccurrences(ofBytes: " et ", with: ",")
      .split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "&" }) {
      if names.isName(piece.split(separator: " ")) { count += 1 }
      if count >= 3 { return true }
    }
    return false
  }
}
