import Foundation

/// Talks the prose presents: linked or quoted titles next to a word for a talk, sentences naming
/// speakers who present, notes closed by a recording link.
extension TalkExtractor {

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
      let mayQuote =
        !block.inline.strong.isEmpty || TalkExtractor.mayHoldQuotations(block.text)
        || block.inline.links.contains { TalkExtractor.singleQuoted($0.text) != nil }
      for (k, (bounds, mayName)) in sentences(block, namingSpeakersInTalk: false).enumerated() where mayQuote || mayName {
        let sentence = Sentences.sentence(block.text, bounds)
        let quoted = quotedTalks(sentence, block: block, sectionIndex: sectionIndex)
        let speakers = mayName ? prose.speakers(inSentence: sentence, inTalk: false) : []
        if !quoted.isEmpty {
          var q = quoted
          if !speakers.isEmpty && q[0].speakers.isEmpty { q[0].speakers = speakers }
          talks += q
          continue
        }
        guard !speakers.isEmpty else { continue }
        // `Title hosted by Jane Doe`, at the start of a block: that talk.
        // (Words of the title read as a name before the verb are no speaker.)
        if k == 0, let title = TalkExtractor.titleBeforeSpeakers(sentence) {
          talks.append(TalkCandidate(
            title: title, titleSource: .stated, kind: TalkExtractor.kindPrefix(Folding.fold(title)) ?? .session,
            speakers: speakers.filter { title.range(ofBytes: $0.name) == nil },
            line: block.line, text: block.text, tokens: block.tokens, section: sectionIndex, evidence: [.presentingSentence]))
          continue
        }
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
        talks[i].title = Sentences.firstWords(of: talks[i].text)
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
          title: Sentences.firstWords(of: titleBlock.text), titleSource: .derived,
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

  /// `NATS Deep Dive hosted by Jane Doe`: the text before a cue that names the speakers
  /// (``titleCues``), when it is worded like a title of two to twelve words.
  static func titleBeforeSpeakers(_ sentence: String) -> String? {
    for cue in titleCues {
      guard let r = sentence.range(ofBytes: cue) else { continue }
      let title = sentence[..<r.lowerBound].trimmingSpaces()
      let words = title.pieceCount(upTo: 13)
      guard words >= 2, words <= 12, looksLikeTitle(title) else { return nil }
      return title
    }
    return nil
  }

  /// Words between a talk's title and its speakers.
  static let titleCues = [" hosted by ", " presented by ", " given by ", " led by ", " présenté par ", " présentée par ", " animé par ", " animée par "]

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
    let spans =
      TalkExtractor.quotations(sentence) + TalkExtractor.boldTitles(sentence, block.inline.strong)
      + TalkExtractor.singleQuotedLinks(sentence, block.inline.links)
    for (title, before) in spans {
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

  /// Quoted spans with the text before them: « », “ ”, ” ”, " ". Each mark is a character of its
  /// own (not a quote with an accent on it); the spans are found in the bytes.
  static func quotations(_ sentence: String) -> [(String, String)] {
    guard mayHoldQuotations(sentence) else { return [] }
    var text = sentence
    return text.withUTF8 { b in
      let n = b.count
      let characters = CharacterOffsets(b)
      func text(_ a: Int, _ z: Int) -> String { String(decoding: UnsafeBufferPointer(rebasing: b[a..<z]), as: UTF8.self) }
      // Opening marks and the mark that closes each: " " « » “ ” ” ”.
      func opening(at i: Int) -> (length: Int, close: [UInt8])? {
        let mark: (Int, [UInt8])
        if b[i] == 0x22 {
          mark = (1, [0x22])
        } else if b[i] == 0xC2, i + 1 < n, b[i + 1] == 0xAB {
          mark = (2, [0xC2, 0xBB])
        } else if b[i] == 0xE2, i + 2 < n, b[i + 1] == 0x80, b[i + 2] == 0x9C || b[i + 2] == 0x9D {
          mark = (3, [0xE2, 0x80, 0x9D])
        } else {
          return nil
        }
        return characters.isStart(i) && characters.isStart(i + mark.0) ? mark : nil
      }
      func find(_ mark: [UInt8], from start: Int) -> Int? {
        var k = start
        while k + mark.count <= n {
          if b[k] == mark[0], mark.indices.allSatisfy({ b[k + $0] == mark[$0] }),
            characters.isStart(k), characters.isStart(k + mark.count)
          {
            return k
          }
          k += 1
        }
        return nil
      }
      var out: [(String, String)] = []
      var i = 0
      while i < n {
        guard let (length, close) = opening(at: i) else {
          i += 1
          continue
        }
        if let end = find(close, from: i + length), end > i + length {
          out.append((text(i + length, end).trimmingSpaces(), text(0, i)))
          i = end + close.count
        } else {
          i += length
        }
      }
      return out
    }
  }

  /// False when a text has no '"' and no byte of « “ ” (C2 AB, E2 80 9C, E2 80 9D): then no
  /// part of it has ``quotations(_:)``.
  static func mayHoldQuotations(_ text: String) -> Bool {
    text.containsByte(where: { $0 == 0x22 || $0 == 0xAB || $0 == 0x9C || $0 == 0x9D })
  }

  /// Links of a block whose whole text is in single quotes (`['Title'](url)`) and that appear in
  /// this sentence: their quoted text, and the text before them. (In running text a single quote
  /// is also an apostrophe; a link's whole text between two is a quotation.)
  static func singleQuotedLinks(_ sentence: String, _ links: [Link]) -> [(String, String)] {
    links.compactMap { link in
      guard let title = singleQuoted(link.text), let r = sentence.range(ofBytes: link.text) else { return nil }
      return (title, String(sentence[..<r.lowerBound]))
    }
  }

  /// The text inside single quotes, `'…'` or `‘…’`, when the whole text is between them.
  static func singleQuoted(_ text: String) -> String? {
    let t = text.trimmingSpaces()
    for (open, close) in [("'", "'"), ("‘", "’")] where t.count > 2 && t.hasPrefix(open) && t.hasSuffix(close) {
      return String(t.dropFirst().dropLast()).trimmingSpaces()
    }
    return nil
  }

  /// Bold spans of a block that appear in this sentence, with the text before them.
  static func boldTitles(_ sentence: String, _ strong: [String]) -> [(String, String)] {
    strong.compactMap { s in
      guard let r = sentence.range(ofBytes: s) else { return nil }
      return (s, String(sentence[..<r.lowerBound]))
    }
  }
}
