import Foundation

/// Finds the talks a report presents, and their speakers.
///
/// A heading presents a talk when the evidence adds up: a byline under it (`Par X de Y`,
/// `By X from Y`), speakers after its title (`Title - X, Acme`), a kind prefix (`Keynote:`), a parent
/// heading that lists talks, words about presenting in its text, speakers named in its text, the
/// projects it discusses. Headings that only group things (`Conclusion`, `Day 2`, `Keynotes`) are
/// sections. Under other headings, and in files without headings, talks named in the prose are
/// found: quoted titles next to "talk"/"conférence", linked titles followed by "by X", and
/// speakers with a presenting verb. Notes closed by a recording link ("Voir la vidéo") are a talk.
struct TalkExtractor: Sendable {
  var parser: SpeakerParser
  var prose: ProseSpeakers
  var projects: ProjectMatcher

  init(parser: SpeakerParser, projects: ProjectMatcher) {
    self.parser = parser
    self.prose = ProseSpeakers(parser: parser)
    self.projects = projects
  }

  /// What a heading's parent announces: nothing, keynotes, or a list of talks.
  enum ParentHeading { case none, keynote, talkList }

  /// The talks of an outline, in order.
  /// - Parameters:
  ///   - author: never counted as a speaker.
  ///   - projectScan: the project names of the tokens the sections' are part of, if known.
  ///   - log: told every decision, and the evidence of headings that are not talks.
  func talks(in sections: [OutlineSection], author: String?, log: ExtractionLog? = nil) -> [TalkCandidate] {
    talks(in: sections, author: author, projectScan: nil, log: log)
  }

  func talks(in sections: [OutlineSection], author: String?, projectScan: ProjectMatcher.Reading?, log: ExtractionLog? = nil) -> [TalkCandidate] {
    var result: [TalkCandidate] = []
    var context = ParentHeading.none
    var contextLevel = 0
    // A container with subsections holds its talks in them: a heading at its own level after it is not one.
    var contextHasChildren = false
    var containerKind: [Int: ParentHeading] = [:]
    for (index, section) in sections.enumerated() {
      var found: [TalkCandidate] = []
      defer { result += found }
      guard let heading = section.heading else {
        found = proseTalks(section.blocks, sectionIndex: index, heading: nil, words: section.tokens)
        continue
      }
      let folded = Folding.fold(heading.text)
      let words = folded.pieceCount(upTo: 10)  // (only compared with 9 and less)
      if section.level < contextLevel { context = .none }
      let byline = self.byline(section.blocks)
      let (core, suffixSpeakers) = splitHeadingSpeakers(heading.text)
      let kindPrefix = TalkExtractor.kindPrefix(folded)
      let hasSpeakerEvidence = byline != nil || suffixSpeakers != nil
      var inherited = section.parent.flatMap { containerKind[$0] } ?? .none
      if inherited == .none, section.level == contextLevel, !contextHasChildren { inherited = context }

      // Containers: short headings that announce talks or keynotes, or group things.
      if !hasSpeakerEvidence && words <= 9 && !(kindPrefix != nil && folded.containsASCII(":")) {
        var kind: ParentHeading? = nil
        if words <= 6 && WordSearch.containsAny(folded, TalkVocabulary.talkList) { kind = .talkList }
        if folded.containsASCII("keynote") && words <= 4 { kind = .keynote }
        if let kind {
          containerKind[index] = kind
          context = kind
          contextLevel = section.level
          contextHasChildren = section.hasChildren
          log?.note(heading.line, heading.text, [], isTalk: false, kind == .keynote ? "a heading about keynotes: its subsections may be" : "a heading that announces talks: its subsections may be")
          found = proseTalks(section.blocks, sectionIndex: index, heading: nil, words: section.tokens)
          continue
        }
        if TalkVocabulary.isGrouping(folded) {
          log?.note(heading.line, heading.text, [], isTalk: false, "a heading that groups things (day, conclusion, intro...)")
          found = proseTalks(section.blocks, sectionIndex: index, heading: nil, words: section.tokens)
          continue
        }
      }

      let body = section.blocks.prefix(8)
      // The first blocks' text, folded, and the speakers they name are read only when what follows
      // depends on them (most sections with a byline, a talk prefix or a score that decides alone
      // do not).
      lazy var bodyText = Folding.fold(Block.text(of: body))
      lazy var groups = proseSpeakerGroups(in: Array(body))
      var evidence: [Evidence] = []
      if hasSpeakerEvidence { evidence.append(.speakers) }
      if kindPrefix != nil { evidence.append(.kindPrefix) }
      if inherited == .talkList { evidence.append(.underTalkList) }
      if inherited == .keynote { evidence.append(.underKeynotes) }
      // Several people presenting different things under one topic heading: talks in the prose.
      if !hasSpeakerEvidence && kindPrefix == nil && inherited != .talkList && groups.count >= 2 {
        log?.note(heading.line, heading.text, evidence, isTalk: false, "a topic heading over several people presenting: talks read from its prose")
        found = proseTalks(section.blocks, sectionIndex: index, heading: heading.text, words: section.tokens)
        continue
      }
      let sectionText = section.text
      let sectionTokens = section.tokens
      if TalkExtractor.looksLikeTitle(heading.text) { evidence.append(.titleShape) }
      // A heading that names only its speakers presents their talk: its subheadings are its parts.
      if section.hasChildren && !(hasSpeakerEvidence && core.isEmpty) { evidence.append(.subsections) }
      // The rest counts at most 1 (a project named), 2 (presentation cues) and 2 (speakers in the
      // first blocks): each is read while it may still decide whether the score reaches the
      // threshold, or whether the evidence is weak (all of it when the decisions are explained:
      // the decision is the same).
      let threshold = Evidence.headingThreshold
      func undecided(_ most: Int) -> Bool {
        let score = Evidence.score(evidence)
        // (Weak evidence that reaches the threshold is not enough with a program: see `Evidence.isWeak`.)
        return log != nil || (score < threshold && score + most >= threshold) || (score >= threshold && Evidence.isWeak(evidence))
      }
      if undecided(5) {
        // The words of `section.text + " " + heading.text`: the section's, then the heading's, whose
        // first word starts a sentence as it would after the section's last word.
        var headingTokens = Array(heading.tokens)
        if !headingTokens.isEmpty { headingTokens[0].startsSentence = Tokenizer.firstWordStartsSentence(heading.text, after: sectionText) }
        if !projects.mentions(in: sectionTokens, then: headingTokens[...], known: projectScan).isEmpty { evidence.append(.project) }
      }
      if undecided(4) {
        evidence += Array(repeating: .presentingWords, count: TalkExtractor.presentationCues.count(in: bodyText, upTo: 2))
      }
      if undecided(2), groups.contains(where: { !$0.isEmpty }) { evidence.append(.speakersInText) }
      let score = Evidence.score(evidence)
      guard score >= threshold else {
        log?.note(heading.line, heading.text, evidence, isTalk: false, "not a talk: score \(score) < \(threshold)")
        found = proseTalks(section.blocks, sectionIndex: index, heading: heading.text, words: section.tokens)
        continue
      }

      var speakers = byline ?? suffixSpeakers ?? []
      if speakers.isEmpty { speakers = listSpeakers(section.blocks) }
      if speakers.isEmpty { speakers = groups.flatMap { $0 } }
      // Under a keynote heading, a segment is a keynote unless its text calls it a talk or session.
      let keynoteSegment = inherited == .keynote && !["talk", "session", "ce talk", "cette session"].contains { WordSearch.containsWords(bodyText, $0) }
      let kind = kindPrefix ?? TalkExtractor.kind(in: folded) ?? TalkExtractor.kind(in: Folding.fold(body.first?.text ?? ""))
        ?? (keynoteSegment ? .keynote : .session)
      let generic = TalkExtractor.kindPrefixes.contains { $0.0 == folded }
      var title = core
      var reportTitle: String? = nil
      // A topic heading of the author's ("L'IA avec Kubernetes") names the section, not the talk.
      let stated = hasSpeakerEvidence || kindPrefix != nil || inherited == .talkList || TalkExtractor.looksLikeTitle(core)
      var source = stated ? TitleSource.stated : .derived
      if core.isEmpty {
        // A heading that names only its speaker: the talk is told by its first sentence.
        title = Sentences.firstWords(of: body.first { !$0.isHeading }?.text ?? heading.text)
        source = .derived
      }
      if kindPrefix != nil && !generic && source == .stated {
        // `Keynote: Title`: the kind says keynote; the report's wording keeps the prefix.
        let bare = TalkExtractor.withoutKindPrefix(core)
        if bare != core && !bare.isEmpty { (title, reportTitle) = (bare, core) }
      }
      if generic {
        source = .derived
        title = speakers.isEmpty ? heading.text : heading.text + ": " + speakers.map(\.name).joined(separator: ", ")
      }
      var talk = TalkCandidate(
        title: title, titleSource: source, kind: kind, speakers: TalkExtractor.without(author, speakers),
        line: heading.line, text: sectionText, tokens: sectionTokens, section: index, evidence: evidence)
      talk.reportTitle = reportTitle
      found = [talk]
    }
    return result
  }

  // MARK: - Headings

  static let kindPrefixes = TalkVocabulary.kindPrefixes.map { (Folding.fold($0.0), $0.1) }

  /// Each prefix followed by ":" and by " :", made once.
  static let kindPrefixForms = kindPrefixes.map { (prefix: $0.0, colon: $0.0 + ":", spaceColon: $0.0 + " :", kind: $0.1) }

  /// `Keynote: Title` → `Title`; a title without a kind prefix and a colon is returned as it is.
  static func withoutKindPrefix(_ title: String) -> String {
    let folded = Folding.fold(title)
    // (The longest prefix first: "sponsored keynote" before "keynote".)
    for p in kindPrefixForms.sorted(by: { $0.prefix.count > $1.prefix.count }) {
      for form in [p.colon, p.spaceColon] where folded.hasASCIIPrefix(form) {
        return String(title.dropFirst(form.count)).trimmingCharacters(in: .whitespaces)
      }
    }
    return title
  }

  static func kindPrefix(_ folded: String) -> TalkKind? {
    for p in kindPrefixForms where folded == p.prefix || folded.hasASCIIPrefix(p.colon) || folded.hasASCIIPrefix(p.spaceColon) {
      return p.kind
    }
    return nil
  }

  static func kind(in folded: String) -> TalkKind? {
    if namesKeynote(folded) { return .keynote }
    if WordSearch.containsWords(folded, "panel") || WordSearch.containsWords(folded, "table ronde") { return .panel }
    if WordSearch.containsWords(folded, "lightning") { return .lightning }
    for w in ["tutorial", "tutoriel", "workshop", "atelier", "hands-on", "lab"] where WordSearch.containsWords(folded, w) {
      return .tutorial
    }
    return nil
  }

  /// Whether ``kind(in:)`` is `.keynote` (the other kinds are not looked for).
  static func namesKeynote(_ folded: String) -> Bool {
    WordSearch.containsWords(folded, "keynote") || WordSearch.containsWords(folded, "keynotes")
  }

  /// ``namesKeynote(_:)`` of a text, told from its words (``Tokenizer/tokens(_:)``) where they tell:
  /// the letters of "keynote" in the folded text are one word's, since only letters fold to
  /// letters. The text is folded only when a word holds them among other letters or digits.
  static func namesKeynote(_ text: String, words: ArraySlice<Token>) -> Bool {
    var unsure = false
    for i in words.indices where words[i].folded.utf8.count >= 7 {
      let folded = words[i].folded
      if folded == "keynote" || folded == "keynotes" { return true }
      unsure = unsure || folded.containsASCII("keynote")
    }
    return unsure && namesKeynote(Folding.fold(text))
  }

  /// `Title - Jane Doe, Acme & John Roe, Initech` gives the title and the speakers;
  /// `Jane Doe - CTO, Acme`, a person's name then a role or a known organization, gives no title
  /// and the speaker; `Jane Doe - Scaling Widgets at Acme`, a name then a title, gives both.
  func splitHeadingSpeakers(_ heading: String) -> (String, [SpeakerRef]?) {
    // Only a person, with an organization in brackets: `Jane Doe (CTO, Acme)`.
    if heading.hasSuffix(")"), heading.pieceCount(upTo: 11) <= 10, let people = parser.parseList(heading), people.count == 1,
      people[0].organization != nil
    {
      return ("", people)
    }
    for separator in [" - ", " – ", " — ", " | "] {
      guard let range = TalkExtractor.lastRange(of: separator, in: heading) else { continue }
      let left = String(heading[..<range.lowerBound]).trimmingSpaces()
      let right = String(heading[range.upperBound...])
      guard right.pieceCount(upTo: 15) <= 14 else { continue }
      if let speakers = parser.parseList(right.replacingOccurrences(ofBytes: " - ", with: ", ")) {
        if !(speakers.count == 1 && TalkExtractor.isNameThenTitle(left, right, names: parser.names)) { return (left, speakers) }
      }
      guard parser.names.isName(left) else { continue }
      let organization = right.split(separator: ",").last.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
      if right.pieceCount(upTo: 9) <= 8, SessionNameParser.hasRoleWord(right) || parser.names.isOrganization(organization),
        let people = TalkExtractor.sessionNames.speakers(left + ", " + right), people.count == 1, people[0].name == left
      {
        return ("", [SpeakerRef(name: left, organization: people[0].organization)])
      }
      let title = right.trimmingSpaces()
      if title.pieceCount(upTo: 4) >= 3, TalkExtractor.looksLikeTitle(title) {
        return (title, [SpeakerRef(name: left, organization: nil)])
      }
    }
    return (heading, nil)
  }

  /// `Ada Martin - Scaling Gadgets Across Regions`: a name of two or three words before a longer
  /// text worded like a title, written without an organization, is the speaker, and the longer
  /// one the title (it would read as a name too).
  static func isNameThenTitle(_ left: String, _ right: String, names: PersonNames) -> Bool {
    !right.contains(",") && !right.contains("(") && names.isName(left) && left.pieceCount(upTo: 4) <= 3
      && right.pieceCount(upTo: 9) > left.pieceCount(upTo: 9) && looksLikeTitle(right)
  }

  /// Reads `Name, Role, Organization` as a program's session names write it.
  static let sessionNames = SessionNameParser()

  /// The last occurrence of `needle` in `text`, compared as UTF-8 bytes.
  static func lastRange(of needle: String, in text: String) -> Range<String.Index>? {
    var (t, n) = (text, needle)
    guard let k = t.withUTF8({ t in n.withUTF8 { Bytes.lastIndex(of: $0, in: t) } }) else { return nil }
    let lower = text.utf8.index(text.utf8.startIndex, offsetBy: k)
    return lower..<text.utf8.index(lower, offsetBy: needle.utf8.count)
  }

  /// A title rather than a phrase: its long words (three or more) mostly capitalized, as English
  /// talk titles are, or a colon between two parts. Words are runs of characters other than a
  /// space, read in the bytes (``CharacterOffsets``).
  static func looksLikeTitle(_ heading: String) -> Bool {
    var text = heading
    return text.withUTF8 { b in
      let characters = CharacterOffsets(b)
      func isSpace(_ i: Int) -> Bool { b[i] == 0x20 && Graphemes.breaksAfterSpace(b, at: i + 1) }
      var words = 0, long = 0, capitalized = 0
      var i = 0
      while i < b.count {
        if isSpace(i) {
          i += 1
          continue
        }
        let start = i
        var length = 0
        while i < b.count && !isSpace(i) {
          length += 1
          i = characters.next(i)
        }
        let (letter, capital) =
          characters.scalar(at: start).map { ($0.isLetter, $0.isUppercaseCharacter) }
          ?? { let c = characters.character(at: start); return (c.isLetter, c.isUppercase) }()
        guard letter else { continue }
        words += 1
        if length >= 4 {
          long += 1
          if capital { capitalized += 1 }
        }
      }
      if words >= 4 && heading.containsASCII(": ") { return true }
      guard long >= 2 else { return false }
      return capitalized * 10 >= long * 7
    }
  }

  // MARK: - Speakers under a heading

  /// `Par X de Y` / `By X from Y` in the first blocks under a heading.
  func byline(_ blocks: [Block]) -> [SpeakerRef]? {
    for block in blocks.prefix(2) {
      // The prefixes the paragraph starts with are those its first sentence starts with: no
      // prefix holds a sentence's end (`.`, `!`, `?`), so the first sentence holds a prefix the
      // paragraph starts with. (Most paragraphs have none: their first sentence is not cut.)
      let folded = TalkExtractor.foldedStart(block.text)
      let prefixes = TalkVocabulary.bylinePrefixes.filter { folded.hasASCIIPrefix($0) }
      guard !prefixes.isEmpty else { continue }
      // The byline is the whole paragraph, or its first sentence ("By X from Y. The talk...").
      for k in 0..<2 {
        let text = k == 0 ? block.text : Sentences.split(block.text, limit: 1).first ?? ""
        guard text.pieceCount(upTo: 31) <= 30 else { continue }
        for prefix in prefixes {
          // SpeakerParser.words sets final punctuation aside (keeping "Inc." and initials).
          if let list = parser.parseList(String(text.dropFirst(prefix.count))) { return list }
        }
      }
    }
    return nil
  }

  /// The folded start of a text, long enough to compare with the byline prefixes (a paragraph
  /// is not folded whole to read its first words).
  static func foldedStart(_ text: String) -> String {
    let utf8 = text.utf8
    guard utf8.count > 96 else { return Folding.fold(text) }
    var end = utf8.index(utf8.startIndex, offsetBy: 64)
    while end < utf8.endIndex, utf8[end] & 0xC0 == 0x80 { end = utf8.index(after: end) }
    let folded = Folding.fold(text[..<end])
    // Scalars that fold to nothing could leave too little to compare: then fold it all.
    return folded.utf8.count >= 40 ? folded : Folding.fold(text)
  }

  /// List items that are only `Name - Company` (a panel's guests).
  func listSpeakers(_ blocks: [Block]) -> [SpeakerRef] {
    var speakers: [SpeakerRef] = []
    for block in blocks {
      guard case .listItem = block.kind else { continue }
      // (Most items hold no dash, which their bytes tell without a search: `-` and the last byte
      // of `–`.)
      let dashed = block.text.containsByte { $0 == 0x2D || $0 == 0x93 }
      let normalized =
        dashed ? block.text.replacingOccurrences(ofBytes: " - ", with: ", ").replacingOccurrences(of: " – ", with: ", ") : block.text
      if let list = parser.parseList(normalized), list.count == 1 { speakers += list }
    }
    return speakers.count >= 2 ? speakers : []
  }

  /// Speakers named in the prose, grouped: sentences that share a speaker are one group.
  func proseSpeakerGroups(in blocks: [Block]) -> [[SpeakerRef]] {
    var groups: [[SpeakerRef]] = []
    for block in blocks where block.kind == .paragraph || block.kind == .quote || isListItem(block) {
      for (bounds, mayName) in sentences(block, namingSpeakersInTalk: true) where mayName {
        let found = prose.speakers(inSentence: Sentences.sentence(block.text, bounds), inTalk: true)
        guard !found.isEmpty else { continue }
        let keys = Set(found.map { Folding.fold($0.name) })
        if let g = groups.firstIndex(where: { $0.contains { keys.contains(Folding.fold($0.name)) } }) {
          for s in found where !groups[g].contains(where: { Folding.fold($0.name) == Folding.fold(s.name) }) {
            groups[g].append(s)
          }
        } else {
          groups.append(found)
        }
      }
    }
    return groups
  }

  /// The sentences of a block (``Sentences/bounds(_:limit:)`` of its text), each with whether it
  /// may name speakers (see ``ProseSpeakers/mayName(_:inTalk:)``), which its share of the block's
  /// words tells.
  func sentences(_ block: Block, namingSpeakersInTalk inTalk: Bool) -> [(bounds: Range<Int>, mayName: Bool)] {
    let bounds = Sentences.bounds(block.text)
    let tokens = block.tokens
    // (A block made without its words, not by `Document`: each sentence may.)
    guard !tokens.isEmpty else { return bounds.map { ($0, true) } }
    var first = tokens.startIndex
    return bounds.map { sentence in
      while first < tokens.endIndex && tokens[first].start < block.textStart + sentence.lowerBound { first += 1 }
      var end = first
      while end < tokens.endIndex && tokens[end].start < block.textStart + sentence.upperBound { end += 1 }
      let words = tokens[first..<end]
      return (
        sentence,
        prose.mayName(words, inTalk: inTalk) || ProseSpeakers.mayNamePossessor(words, in: block.text, sentence)
      )
    }
  }

  func isListItem(_ block: Block) -> Bool {
    if case .listItem = block.kind { return true }
    return false
  }

  static func without(_ author: String?, _ speakers: [SpeakerRef]) -> [SpeakerRef] {
    guard let author, !author.isEmpty else { return speakers }
    let a = Folding.fold(author)
    return speakers.filter { Folding.fold($0.name) != a }
  }

  static let presentationCues = PhraseSet(TalkVocabulary.presentationCues)
}
