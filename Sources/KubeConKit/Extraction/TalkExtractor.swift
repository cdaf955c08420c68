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
      if !hasSpeakerEvidence && words <= 9 && !(kindPrefix != nil && folded.holds(":")) {
        var kind: ParentHeading? = nil
        if words <= 6 && TalkExtractor.containsAny(folded, TalkVocabulary.talkList) { kind = .talkList }
        if folded.holds("keynote") && words <= 4 { kind = .keynote }
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
      if section.hasChildren { evidence.append(.subsections) }
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
      let keynoteSegment = inherited == .keynote && !["talk", "session", "ce talk", "cette session"].contains { TalkExtractor.containsWords(bodyText, $0) }
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
        title = TalkExtractor.firstWords(of: body.first { !$0.isHeading }?.text ?? heading.text)
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
    if containsWords(folded, "panel") || containsWords(folded, "table ronde") { return .panel }
    if containsWords(folded, "lightning") { return .lightning }
    for w in ["tutorial", "tutoriel", "workshop", "atelier", "hands-on", "lab"] where containsWords(folded, w) {
      return .tutorial
    }
    return nil
  }

  /// Whether ``kind(in:)`` is `.keynote` (the other kinds are not looked for).
  static func namesKeynote(_ folded: String) -> Bool {
    containsWords(folded, "keynote") || containsWords(folded, "keynotes")
  }

  /// ``namesKeynote(_:)`` of a text, told from its words (``Tokenizer/tokens(_:)``) where they tell:
  /// the letters of "keynote" in the folded text are one word's, since only letters fold to
  /// letters. The text is folded only when a word holds them among other letters or digits.
  static func namesKeynote(_ text: String, words: ArraySlice<Token>) -> Bool {
    var unsure = false
    for i in words.indices where words[i].folded.utf8.count >= 7 {
      let folded = words[i].folded
      if folded == "keynote" || folded == "keynotes" { return true }
      unsure = unsure || folded.holds("keynote")
    }
    return unsure && namesKeynote(Folding.fold(text))
  }

  /// `Title - Jane Doe, Acme & John Roe, Initech` gives the title and the speakers;
  /// `Jane Doe - CTO, Acme`, a person's name then a role or a known organization, gives no title
  /// and the speaker; `Jane Doe - Scaling Widgets at Acme`, a name then a title, gives both.
  func splitHeadingSpeakers(_ heading: String) -> (String, [SpeakerRef]?) {
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
  /// talk titles are, or a colon between two parts.
  static func looksLikeTitle(_ heading: String) -> Bool {
    let words = heading.split(separator: " ").filter { $0.first?.isLetter == true }
    if words.count >= 4 && heading.holds(": ") { return true }
    let long = words.filter { $0.count >= 4 }
    guard long.count >= 2 else { return false }
    let capitalized = long.filter { $0.first?.isUppercase == true }.count
    return capitalized * 10 >= long.count * 7
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
        let text = k == 0 ? block.text : TalkExtractor.sentences(block.text, limit: 1).first ?? ""
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
      // (Foundation's search costs tens of thousands of instructions: most items hold no dash,
      // which their bytes tell: `-` and the last byte of `–`.)
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
        let found = prose.speakers(inSentence: TalkExtractor.sentence(block.text, bounds), inTalk: true)
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

  /// The sentences of a block (``sentenceBounds(_:limit:)`` of its text), each with whether it
  /// may name speakers (see ``ProseSpeakers/mayName(_:inTalk:)``), which its share of the block's
  /// words tells.
  func sentences(_ block: Block, namingSpeakersInTalk inTalk: Bool) -> [(bounds: Range<Int>, mayName: Bool)] {
    let bounds = TalkExtractor.sentenceBounds(block.text)
    let tokens = block.tokens
    // (A block made without its words, not by `Document`: each sentence may.)
    guard !tokens.isEmpty else { return bounds.map { ($0, true) } }
    var first = tokens.startIndex
    return bounds.map { sentence in
      while first < tokens.endIndex && tokens[first].start < block.textStart + sentence.lowerBound { first += 1 }
      var end = first
      while end < tokens.endIndex && tokens[end].start < block.textStart + sentence.upperBound { end += 1 }
      return (sentence, prose.mayName(tokens[first..<end], inTalk: inTalk))
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

  // MARK: - Talks in prose

  /// Talks named in the prose of a section that does not itself present one.
  /// - Parameter words: the words the blocks' words are slices of (their section's), if known.
  func proseTalks(_ blocks: [Block], sectionIndex: Int, heading: String?, words: ArraySlice<Token>? = nil) -> [TalkCandidate] {
    if blocks.contains(where: { $0.kind == .marker }) {
      return markerTalks(blocks, sectionIndex: sectionIndex, heading: heading, words: words)
    }
    var talks: [TalkCandidate] = []
    var derived: [Int] = []
    for block in blocks {
      if isListItem(block), let talk = linkedTalk(block, sectionIndex: sectionIndex) {
        talks.append(talk)
        continue
      }
      guard block.kind == .paragraph || isListItem(block) else { continue }
      let pages = sessionPageTalks(block, sectionIndex: sectionIndex)
      if !pages.isEmpty {
        talks += pages
        continue
      }
      // A block without quotes or bold text names no title in quotes: only its sentences that may
      // name speakers are read.
      let mayQuote = !block.inline.strong.isEmpty || TalkExtractor.mayHoldQuotations(block.text)
      for (bounds, mayName) in sentences(block, namingSpeakersInTalk: false) where mayQuote || mayName {
        let sentence = TalkExtractor.sentence(block.text, bounds)
        let quoted = quotedTalks(sentence, block: block, sectionIndex: sectionIndex)
        let speakers = mayName ? prose.speakers(inSentence: sentence, inTalk: false) : []
        if !quoted.isEmpty {
          var q = quoted
          if !speakers.isEmpty && q[0].speakers.isEmpty { q[0].speakers = speakers }
          talks += q
          continue
        }
        guard !speakers.isEmpty else { continue }
        // The same speakers again, or the paragraph that continues: the same talk.
        if let last = derived.last {
          let names = Set(talks[last].speakers.map { Folding.fold($0.name) })
          if speakers.contains(where: { names.contains(Folding.fold($0.name)) }) {
            if talks[last].line != block.line {
              talks[last].text += "\n" + block.text
              talks[last].tokens += block.tokens
            }
            continue
          }
        }
        derived.append(talks.count)
        talks.append(TalkCandidate(
          title: "", titleSource: .derived, kind: TalkExtractor.kind(in: Folding.fold(sentence)) ?? .session,
          speakers: speakers, line: block.line, text: block.text, tokens: block.tokens, section: sectionIndex, evidence: [.presentingSentence]))
      }
    }
    for i in derived {
      let names = talks[i].speakers.map(\.name).joined(separator: ", ")
      if let heading {
        talks[i].title = derived.count == 1 ? heading : heading + " (" + names + ")"
      } else {
        talks[i].title = TalkExtractor.firstWords(of: talks[i].text)
      }
    }
    return talks
  }

  /// Notes that end with a recording link: each is a talk.
  func markerTalks(_ blocks: [Block], sectionIndex: Int, heading: String?, words: ArraySlice<Token>?) -> [TalkCandidate] {
    var talks: [TalkCandidate] = []
    var segment: [Block] = []
    for block in blocks {
      if block.kind != .marker {
        segment.append(block)
        continue
      }
      defer { segment = [] }
      guard let first = segment.first else { continue }
      let text = Block.text(of: segment)
      // (Blocks that follow each other have words that do: a slice of the section's, not a copy.)
      let tokens = TalkExtractor.joinedWords(segment, in: words)
      let inner = proseTalks(segment, sectionIndex: sectionIndex, heading: nil)
      let stated = inner.filter { $0.titleSource == .stated }
      var speakers: [SpeakerRef] = []
      for t in inner { speakers += t.speakers }
      var seen = Set<String>()
      speakers = speakers.filter { seen.insert(Folding.fold($0.name)).inserted }
      if let s = stated.first {
        talks.append(TalkCandidate(
          title: s.title, titleSource: .stated, kind: s.kind, speakers: speakers, line: first.line, text: text,
          tokens: tokens, section: sectionIndex, evidence: [.recordingLink] + s.evidence))
      } else {
        let titleBlock = segment.first { b in
          b.kind == .paragraph && b.text.pieceCount(upTo: 4) >= 4 && !ReportMetadata.isDateLine(b.text)
            && !ReportMetadata.isByline(b.text)
        } ?? first
        talks.append(TalkCandidate(
          title: TalkExtractor.firstWords(of: titleBlock.text), titleSource: .derived,
          kind: TalkExtractor.namesKeynote(text, words: tokens) ? .keynote : .session,
          speakers: speakers, line: first.line, text: text, tokens: tokens, section: sectionIndex, evidence: [.recordingLink]))
      }
    }
    if !segment.isEmpty { talks += proseTalks(segment, sectionIndex: sectionIndex, heading: heading) }
    return talks
  }

  /// The words of blocks one after the other: a slice of `words` when theirs follow each other
  /// in it, else a copy.
  static func joinedWords(_ blocks: [Block], in words: ArraySlice<Token>?) -> ArraySlice<Token> {
    if let words, let first = blocks.first?.tokens, let last = blocks.last?.tokens,
      words.startIndex <= first.startIndex, last.endIndex <= words.endIndex,
      zip(blocks, blocks.dropFirst()).allSatisfy({ $0.tokens.endIndex == $1.tokens.startIndex })
    {
      return words[first.startIndex..<last.endIndex]
    }
    return blocks.flatMap(\.tokens)[...]
  }

  /// `[Title](https://sched.co/x) by Jane Doe`: a linked title followed by its speakers.
  func linkedTalk(_ block: Block, sectionIndex: Int) -> TalkCandidate? {
    guard let link = block.inline.links.first, link.text.pieceCount(upTo: 2) >= 2,
      block.text.hasASCIIPrefix(link.text)
    else { return nil }
    let rest = block.text.dropFirst(link.text.count).trimmingSpaces()
    let f = Folding.fold(rest)
    var speakers: [SpeakerRef] = []
    for prefix in ["by ", "par ", "- ", "– ", "— ", ", by ", "with "] where f.hasASCIIPrefix(prefix) {
      speakers = parser.parseList(String(rest.dropFirst(prefix.count)).trimmingSpaces()) ?? []
    }
    let url = link.url.lowercased()
    // A session's own page or recording, not a schedule or a playlist.
    let isSessionLink = ["/event/", "sched.co/", "youtube.com/watch", "youtu.be/", "/session/", "/sessions/"].contains { url.contains($0) }
    guard !speakers.isEmpty || (isSessionLink && rest.isEmpty) || (isSessionLink && !speakers.isEmpty) else { return nil }
    return TalkCandidate(
      title: link.text, titleSource: .stated, kind: TalkExtractor.kindPrefix(Folding.fold(link.text)) ?? .session,
      speakers: speakers, line: block.line, text: block.text, tokens: block.tokens, section: sectionIndex, evidence: [.linkedTitle])
  }

  /// `la conférence « Title »`, `the keynote "Title"`, `le talk **Title**`.
  func quotedTalks(_ sentence: String, block: Block, sectionIndex: Int) -> [TalkCandidate] {
    var talks: [TalkCandidate] = []
    for (title, before) in TalkExtractor.quotations(sentence) + TalkExtractor.boldTitles(sentence, block.inline.strong) {
      let count = title.pieceCount(upTo: 26)
      guard count >= 3, count <= 25 else { continue }
      let prefix = Folding.fold(before).split(separator: " ").map(String.init)
      let near = prefix.suffix(4)
      if near.contains(where: { w in TalkVocabulary.documentNouns.contains { w.hasASCIIPrefix($0) } }) { continue }
      // The talk noun right before the quote ("la conférence « … »"), or further back when the
      // words just before the quote introduce it ("la keynote de X sur le « … »").
      guard let nounIndex = prefix.suffix(14).lastIndex(where: { TalkVocabulary.talkNouns.contains($0) }) else { continue }
      let between = prefix[(nounIndex + 1)...]
      let introduces = between.count <= 1 || TalkExtractor.introducers.contains(between.last ?? "")
      guard introduces else { continue }
      let noun = prefix[nounIndex]
      // `"Title" by Jane Doe`, or `"Title by Jane Doe"`
      var speakers: [SpeakerRef] = []
      var title = title
      for marker in [" by ", " par "] {
        if let r = title.range(ofBytes: marker, backwards: true), let list = parser.parseList(String(title[r.upperBound...])) {
          speakers = list
          title = String(title[..<r.lowerBound])
        }
      }
      if speakers.isEmpty, let r = sentence.range(ofBytes: title) {
        var rest = sentence[r.upperBound...].drop { "»”\"* ".contains($0) }
        let f = Folding.fold(String(rest.prefix(4)))
        if f.hasASCIIPrefix("by ") || f.hasASCIIPrefix("par ") {
          rest = rest.drop { $0 != " " }.dropFirst()
          let ws = SpeakerParser.words(String(rest))
          speakers = parser.leadingList(ws, from: 0, allowCommaOrg: false)?.0 ?? []
        }
      }
      talks.append(TalkCandidate(
        title: title, titleSource: .stated, kind: TalkExtractor.kind(in: noun) ?? .session, speakers: speakers,
        line: block.line, text: block.text, tokens: block.tokens, section: sectionIndex, evidence: [.quotedTitle]))
    }
    return talks
  }

  /// Words that introduce a title right before its quotes.
  static let introducers: Set<String> = [
    "sur", "le", "la", "les", "l'", "on", "about", "titled", "intitulee", "intitule", "nommee", "appelee", "called",
    "named", "the", "de", "du", "des", ":", "talk", "session", "keynote", "conference",
  ]

  /// Quoted spans with the text before them: « », “ ”, ” ”, " ".
  static func quotations(_ sentence: String) -> [(String, String)] {
    guard mayHoldQuotations(sentence) else { return [] }
    var out: [(String, String)] = []
    let chars = Array(sentence)
    var i = 0
    let pairs: [Character: Character] = ["«": "»", "“": "”", "”": "”", "\"": "\""]
    while i < chars.count {
      if let close = pairs[chars[i]], let end = chars[(i + 1)...].firstIndex(of: close), end > i + 1 {
        let title = String(chars[(i + 1)..<end]).trimmingSpaces()
        out.append((title, String(chars[..<i])))
        i = end + 1
      } else {
        i += 1
      }
    }
    return out
  }

  /// False when a text has no '"' and no byte of « “ ” (C2 AB, E2 80 9C, E2 80 9D): then no
  /// part of it has ``quotations(_:)``.
  static func mayHoldQuotations(_ text: String) -> Bool {
    text.containsByte(where: { $0 == 0x22 || $0 == 0xAB || $0 == 0x9C || $0 == 0x9D })
  }

  /// Bold spans of a block that appear in this sentence, with the text before them.
  static func boldTitles(_ sentence: String, _ strong: [String]) -> [(String, String)] {
    strong.compactMap { s in
      guard let r = sentence.range(ofBytes: s) else { return nil }
      return (s, String(sentence[..<r.lowerBound]))
    }
  }

  // MARK: - Text helpers

  /// The sentences of a text: cut after `.`, `!` or `?` followed by a space, except after an
  /// initial ("J."), a single capital, or "Inc.". Scanned as bytes; the characters before a cut
  /// are read as characters unless they are plain ASCII. - Parameter limit: stop after this many
  /// sentences.
  static func sentences(_ text: String, limit: Int = .max) -> [String] {
    sentenceBounds(text, limit: limit).map { sentence(text, $0) }
  }

  /// Where the sentences of ``sentences(_:limit:)`` are in the text: the UTF-8 offsets from where
  /// each starts (before the spaces ``sentence(_:_:)`` trims off) to past its end. Most sentences
  /// are not read further: they are cut without making their strings.
  static func sentenceBounds(_ text: String, limit: Int = .max) -> [Range<Int>] {
    var text = text
    text.makeContiguousUTF8()
    let utf8 = text.utf8
    func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
    let ends = sentenceEnds
    return utf8.withContiguousStorageIfAvailable { b -> [Range<Int>] in
      var out: [Range<Int>] = []
      var start = 0
      let n = b.count
      var i = -1
      while true {
        // (The bytes between ends are skipped by a table: three comparisons a byte cost more.)
        i += 1
        while i < n && !ends[Int(b[i])] { i += 1 }
        guard i < n else { break }
        let c = b[i]
        guard i + 1 == n || b[i + 1] == 0x20 else { continue }
        let next = i + 1
        // Not "Inc.", "J." (a capital after a space or at the start).
        if c == 0x2E && next - start >= 4 && b[next - 4] == 0x49 && b[next - 3] == 0x6E && b[next - 2] == 0x63 { continue }
        if i > 0 && initialBefore(b, i, text, index) { continue }
        out.append(start..<next)
        if out.count == limit { return out }
        start = next
      }
      // The rest is a sentence unless it holds only the spaces `trimmingSpaces` trims.
      if Bytes.endOfSpaces(b, from: start, to: n) < n { out.append(start..<n) }
      return out
    } ?? []
  }

  /// The sentence of `text` at `bounds` (see ``sentenceBounds(_:limit:)``), its spaces trimmed.
  static func sentence(_ text: String, _ bounds: Range<Int>) -> String {
    let utf8 = text.utf8
    return text[utf8.index(utf8.startIndex, offsetBy: bounds.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: bounds.upperBound)]
      .trimmingSpaces()
  }

  /// `.`, `!` and `?`, by byte.
  static let sentenceEnds: [Bool] = (0...255).map { $0 == 0x2E || $0 == 0x21 || $0 == 0x3F }

  /// Whether the character before byte `i` (a period) is a capital after a space or at the start.
  /// ASCII bytes before it are characters of their own (nothing before them combines with them):
  /// they are read as bytes; otherwise as characters.
  private static func initialBefore(
    _ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ text: String, _ index: (Int) -> String.Index
  ) -> Bool {
    func ascii(_ k: Int) -> Bool { k < 0 || b[k] < 0x80 }
    if ascii(i - 1) && ascii(i - 2) && ascii(i - 3) {
      let isCapital = b[i - 1] >= 0x41 && b[i - 1] <= 0x5A
      return isCapital && (i - 1 == 0 || b[i - 2] == 0x20)
    }
    let p = text.index(before: index(i))
    return text[p].isUppercase && (p == text.startIndex || text[text.index(before: p)] == " ")
  }

  /// The start of a text as a title: its first sentence, at most twelve words.
  static func firstWords(of text: String) -> String {
    var first = sentences(text, limit: 1).first ?? text
    // `split(separator: " ", maxSplits: 12)`, of which a 13th piece is the rest: only the start of
    // a long sentence is read. Where each scalar is a character, the same split is made on the
    // bytes (splitting characters cost more than the rest of making a title).
    var words =
      first.withUTF8(Graphemes.eachScalarIsACharacter)
      ? first.utf8.split(separator: 0x20, maxSplits: 12).map(Substring.init) : first.split(separator: " ", maxSplits: 12)
    var more = false
    if words.count == 13 {
      more = words[12].contains { $0 != " " }
      words.removeLast()
    }
    // (Joined as bytes: joining substrings went through a generic path, a thousand instructions a word.)
    var bytes: [UInt8] = []
    for (k, w) in words.enumerated() {
      if k > 0 { bytes.append(0x20) }
      bytes += w.utf8
    }
    var title = String(decoding: bytes, as: UTF8.self)
    while let last = title.last, ".:;,!?".contains(last) { title.removeLast() }
    return more ? title + "…" : title
  }

  /// Whether `phrase` occurs in `folded` between non-letters, comparing UTF-8 bytes.
  static func containsWords(_ folded: String, _ phrase: String) -> Bool {
    var folded = folded
    var phrase = phrase
    folded.makeContiguousUTF8()
    phrase.makeContiguousUTF8()
    return folded.utf8.withContiguousStorageIfAvailable { text in
      phrase.utf8.withContiguousStorageIfAvailable { containsWords(text, $0) } ?? false
    } ?? false
  }

  static func containsWords(_ text: UnsafeBufferPointer<UInt8>, _ phrase: UnsafeBufferPointer<UInt8>) -> Bool {
    guard !phrase.isEmpty else { return true }
    var i = 0
    while let k = Bytes.firstIndex(of: phrase, in: text, from: i) {
      let end = k + phrase.count
      if !letterEnds(text, before: k) && !letterStarts(text, at: end) { return true }
      i = end
    }
    return false
  }

  /// Whether the character that ends right before byte `i` is a letter.
  private static func letterEnds(_ text: UnsafeBufferPointer<UInt8>, before i: Int) -> Bool {
    guard i > 0 else { return false }
    var s = i - 1
    while s > 0 && text[s] & 0xC0 == 0x80 { s -= 1 }
    return letterStarts(text, at: s)
  }

  /// Whether the scalar at byte `i` is a letter (`Character.isLetter` of a character starting there).
  private static func letterStarts(_ text: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
    guard i < text.count else { return false }
    let b = text[i]
    if b < 0x80 { return (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) }
    var it = UnsafeBufferPointer(rebasing: text[i...]).makeIterator()
    var decoder = UTF8()
    guard case .scalarValue(let scalar) = decoder.decode(&it) else { return false }
    return scalar.properties.isAlphabetic
  }

  static let presentationCues = PhraseSet(TalkVocabulary.presentationCues)

  /// Phrases looked for in a text in one pass: how many ``containsWords(_:_:)`` finds. (Searching
  /// each of ~45 phrases under every heading was 4% of parsing.)
  struct PhraseSet: Sendable {
    /// The phrases' bytes one after another: phrase `k` is `bytes[starts[k]..<starts[k + 1]]`.
    private let bytes: [UInt8]
    private let starts: [Int]
    /// For each byte, the first phrase that starts with it, and for each phrase the next one
    /// that starts with the same byte (-1 at the end).
    private let first: [Int32]
    private let next: [Int32]

    init(_ phrases: [String]) {
      let list = phrases.map { Array($0.utf8) }.filter { !$0.isEmpty }
      var first = [Int32](repeating: -1, count: 256)
      var next = [Int32](repeating: -1, count: list.count)
      for (k, p) in list.enumerated().reversed() {
        next[k] = first[Int(p[0])]
        first[Int(p[0])] = Int32(k)
      }
      bytes = list.flatMap { $0 }
      starts = list.reduce(into: [0]) { $0.append($0.last! + $1.count) }
      self.first = first
      self.next = next
    }

    /// How many of the phrases occur in `folded` between non-letters, counted until there are
    /// `limit` (the rest of the text is not read).
    ///
    /// The text is read scalar by scalar, knowing whether the one before is a letter: phrases
    /// are tried only where a word starts (looking back for the letter before each place where a
    /// phrase may start was most of the cost).
    func count(in folded: String, upTo limit: Int = .max) -> Int {
      var text = folded
      let (first, next, starts) = (first, next, starts)
      return text.withUTF8 { t in
        bytes.withUnsafeBufferPointer { all in
          var found = [Bool](repeating: false, count: starts.count - 1)
          var count = 0
          var afterLetter = false
          var i = 0
          let n = t.count
          while i < n {
            let b = t[i]
            var length = 1
            let isLetter: Bool
            if b < 0x80 {
              isLetter = (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A)
            } else {
              let (scalar, l) = Bytes.scalar(at: i, in: t)
              length = l
              isLetter = Tokenizer.isAlphabetic(scalar.value)
            }
            if !afterLetter {
              var k = Int(first[Int(b)])
              while k >= 0 {
                let size = starts[k + 1] - starts[k]
                if !found[k], i + size <= n, memcmp(t.baseAddress! + i, all.baseAddress! + starts[k], size) == 0,
                  !TalkExtractor.letterStarts(t, at: i + size)
                {
                  found[k] = true
                  count += 1
                  if count >= limit { return count }
                }
                k = Int(next[k])
              }
            }
            afterLetter = isLetter
            i += length
          }
          return count
        }
      }
    }
  }

  static func containsAny(_ folded: String, _ phrases: [String]) -> Bool {
    phrases.contains { containsWords(folded, $0) }
  }
}
