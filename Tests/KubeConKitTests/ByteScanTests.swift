import Foundation
import Testing
@testable import KubeConKit

/// The parser reads bytes where it used to read characters (for speed). On random texts mixing
/// ASCII, accents, typographic quotes, no-break spaces and emoji, each byte reader gives what the
/// character reader it replaced gave, kept here as the reference.
@Suite struct ByteScanTests {
  static let pieces = [
    "a", "b", "e", "d", "l", "x", "J", "A", "Inc", "Ltd", "Corp", "de", "et", "talk", "keynote", "par", "by",
    "é", "É", "à", "ç", "œ", "ß", "日本", "🚀", "1", "2024", "Ⅰ",
    " ", " ", " ", "  ", "\t", "\n", "\u{00A0}", "\u{202F}",
    ".", ",", ";", ":", "!", "?", "(", ")", "[", "]", "\"", "'", "’", "‘", "«", "»", "“", "”", "*", "-", "–", "|", "#",
    "d'", "l'", "d’", "l’", "Inc.", "J.", "Acme", "Kubernetes",
  ]

  static func randomText(_ random: inout SeededGenerator, length: Int) -> String {
    (0..<length).map { _ in random.pick(pieces) }.joined()
  }

  /// Characters of several scalars too: an accent written apart (after a letter or a mark), an
  /// emoji sequence, a keycap. (Words are split at the separator's bytes: an accent after a
  /// space, which makes one character of the two, is not tried.)
  @Test func speakerWordsReadAsTheFormerCharacterReader() {
    var random = SeededGenerator(seed: 21)
    let pieces = Self.pieces + ["E\u{0301}", "e\u{0301}", "(\u{0301}", ".\u{0301}", "’\u{0301}", "👩🏽‍💻", "*\u{FE0F}\u{20E3}"]
    for _ in 0..<3000 {
      let text = (0..<random.below(24)).map { _ in random.pick(pieces) }.joined()
      let got = SpeakerParser.words(text).map { [String($0.text), $0.folded, $0.lead, $0.trail, "\($0.hash)"] }
      let want = ByteScanTests.formerWords(text).map { [String($0.text), $0.folded, $0.lead, $0.trail, "\(Token.hash(folded: $0.folded))"] }
      #expect(got == want, "\(text.debugDescription)")
    }
  }

  /// A sentence whose words (as the tokenizer read them) hold no presenting phrase or cue is not
  /// split into words again: it must be one in which the speaker reader finds no one. Random
  /// paragraphs of names, presenting words, cues and marks, in blocks of a document (the sentences'
  /// words are found from their place in the body).
  @Test func sentencesWithoutCueWordsNameNoSpeakers() {
    var random = SeededGenerator(seed: 43)
    let words: [String] = [
      "Jane", "Doe", "Marie", "Dupont", "J.", "Acme", "Initech's", "d'Initech", "l’OCDE", "de", "et", "and", "from",
      "a", "A", "présenté", "Présenté", "presente", "ont", "est", "presented", "shared", "led", "by", "par", "Par",
      "keynote", "talk", "speakers", "nous", "merci", "the", "sur", "Kubernetes", "été", "Inc.",
      "Jane Doe", "Marie Dupont", "Jane Doe et Marie Dupont", "Jane Doe (Acme)", "a présenté", "presented by",
      "la keynote de", "Jane Doe from Acme", "Marie Dupont d'Initech", "la conférence « Kubernetes à", "Acme »",
      "the talk \"Running Kubernetes", "at scale\"", "le talk **Kubernetes partout**",
    ]
    let marks: [String] = ["", "", "", "", ",", ".", ":", "(", ")", "«", "»", "“", "\"", "*", "’s", "!", "\u{00A0}", "\u{0301}", "-"]
    let extractor = Fixtures.parser.talkExtractor
    var named = 0
    for _ in 0..<400 {
      var paragraphs: [String] = []
      for _ in 0..<(1 + random.below(4)) {
        var paragraph: [String] = []
        for _ in 0..<(3 + random.below(16)) {
          let lead = random.pick(Array(marks.prefix(8)))
          let word = random.pick(words)
          paragraph.append(lead + word + random.pick(marks))
        }
        paragraphs.append(paragraph.joined(separator: " "))
      }
      let document = Document(text: paragraphs.joined(separator: "\n\n"), file: "t.md")
      for block in document.blocks {
        for inTalk in [false, true] {
          let sentences = extractor.sentences(block, namingSpeakersInTalk: inTalk)
          #expect(sentences.map { Sentences.sentence(block.text, $0.bounds) } == Sentences.split(block.text))
          for (bounds, mayName) in sentences {
            let sentence = Sentences.sentence(block.text, bounds)
            // (Nor does a block without quotes, bold text or a link in single quotes name a title in quotes.)
            if block.inline.strong.isEmpty && !TalkExtractor.mayHoldQuotations(block.text)
              && !block.inline.links.contains(where: { TalkExtractor.singleQuoted($0.text) != nil })
            {
              #expect(extractor.quotedTalks(sentence, block: block, sectionIndex: 0).isEmpty)
            }
            let found = extractor.prose.speakers(inSentence: sentence, inTalk: inTalk)
            if !found.isEmpty { named += 1 }
            #expect(mayName || found.isEmpty, "\(sentence.debugDescription) inTalk: \(inTalk)")
          }
        }
      }
    }
    #expect(named > 100)
  }

  /// Ranges found as bytes are those Foundation finds, forwards and backwards, also next to marks
  /// and joiners, and for needles that are not ASCII.
  @Test func rangesFoundAsBytesAreFoundationsRanges() {
    var random = SeededGenerator(seed: 47)
    let needles = [" by ", " par ", "by", "a", "Acme", "é", "e", " ", "Inc.", "d’", "talk by Jane", "\u{0301}", "x\u{0301}", "\n", "\r", "K", "\u{2002}", "à l’"]
    for _ in 0..<3000 {
      var text = ByteScanTests.randomText(&random, length: random.below(24))
      if random.below(3) == 0 { text.insert(contentsOf: random.pick(["\u{0301}", "\u{200D}", "\u{0600}", "e\u{0301}", " by ", "é", "\u{212A}", "\u{2000}", "\r\n", "a\u{0300} l’"]), at: text.index(text.startIndex, offsetBy: random.below(text.count + 1))) }
      let needle = random.pick(needles)
      #expect(text.range(ofBytes: needle) == text.range(of: needle), "\(text.debugDescription) \(needle.debugDescription)")
      #expect(text.range(ofBytes: needle, backwards: true) == text.range(of: needle, options: .backwards), "\(text.debugDescription) \(needle.debugDescription)")
    }
  }

  /// Whether a text names a keynote, told from its words, is what its folded text tells.
  @Test func keynotesAreToldFromWordsAsFromTheFoldedText() {
    var random = SeededGenerator(seed: 49)
    let pieces = ["keynote", "Keynote", "KEYNOTES", "keynoter", "keynote2024", "2keynote", "prékeynote", "kéynote", "key", "note", " ", " ", "-", ".", "’", "é", "a", "ﬁ"]
    for _ in 0..<3000 {
      let text = (0..<random.below(8)).map { _ in random.pick(pieces) }.joined()
      #expect(TalkExtractor.namesKeynote(text, words: Tokenizer.tokens(text)[...]) == TalkExtractor.namesKeynote(Folding.fold(text)), "\(text.debugDescription)")
    }
  }

  /// All-caps phrases are told as bytes when ASCII, as they are from their characters.
  @Test func allCapsPhrasesAreToldAsFromCharacters() {
    var random = SeededGenerator(seed: 50)
    let pieces = ["A", "B", "z", "K8S", "8", " ", "-", ".", "É", "é", "ß", "Ω", "ω", "\u{0301}", "CNCF", "eBPF"]
    for _ in 0..<3000 {
      let phrase = (0..<random.below(6)).map { _ in random.pick(pieces) }.joined()
      let letters = phrase.filter(\.isLetter)
      #expect(PhraseMatcher<Int>.isAllCaps(phrase) == (letters.count >= 2 && letters.allSatisfy(\.isUppercase)), "\(phrase.debugDescription)")
    }
  }

  @Test func wordBoundedSearchFindsWhatACharacterSearchFinds() {
    var random = SeededGenerator(seed: 22)
    let phrases = ["a", "de", "talk", "e d", "é", "日本", "a.", "keynote", "x talk"]
    for _ in 0..<3000 {
      let text = Folding.fold(ByteScanTests.randomText(&random, length: random.below(20)))
      let phrase = random.pick(phrases)
      #expect(WordSearch.containsWords(text, phrase) == ByteScanTests.characterContainsWords(text, phrase), "\(text.debugDescription) \(phrase)")
    }
  }

  @Test func sentencesCutWhereTheCharacterReaderCut() {
    var random = SeededGenerator(seed: 23)
    for _ in 0..<3000 {
      let text = ByteScanTests.randomText(&random, length: random.below(30))
      #expect(Sentences.split(text) == ByteScanTests.formerSentences(text), "\(text.debugDescription)")
      let split = text.split(whereSeparator: { $0 == "." || $0 == "!" || $0 == "?" || $0 == "\n" })
      #expect(ByteScanTests.editionSentences(text) == split, "\(text.debugDescription)")
    }
  }

  /// A document's lines: the text between line feeds, empty ones kept, as the bytes split.
  @Test func linesAreTheTextBetweenLineFeeds() {
    var random = SeededGenerator(seed: 24)
    for _ in 0..<3000 {
      let text = ByteScanTests.randomText(&random, length: random.below(30))
      let lines = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(Substring($0)) }
      #expect(Document.lines(text).map(String.init) == lines, "\(text.debugDescription)")
    }
    #expect(Document.lines("") == [""])
    #expect(Document.lines("\n\na\n") == ["", "", "a", ""])
  }

  @Test func spacesAreTrimmedAsTheCharacterReaderTrimmedThem() {
    var random = SeededGenerator(seed: 31)
    for _ in 0..<5000 {
      let text = random.pick([" \u{301}", "\u{A0}", ""]) + ByteScanTests.randomText(&random, length: random.below(12)) + random.pick([" ", "\u{301}", "\u{202F}", ""])
      #expect(text.trimmingSpaces() == text.characterTrimmingSpaces(), "\(text.debugDescription)")
      let sub = text.dropFirst(random.below(3))
      #expect(sub.trimmingSpaces() == sub.characterTrimmingSpaces(), "\(sub.debugDescription)")
    }
  }

  /// Whitespace is trimmed as Foundation trims it, also the spaces that are not ASCII.
  @Test func whitespacesAreTrimmedAsFoundationTrimsThem() {
    var random = SeededGenerator(seed: 42)
    for _ in 0..<3000 {
      let text = random.pick(["", " ", "\t", "\u{2003}", "\u{3000}", "\u{00A0}", "a", "é"])
        + ByteScanTests.randomText(&random, length: random.below(6)) + random.pick(["", " ", "\t", "\u{2003}", "x", "\u{301}"])
      #expect(text.trimmingWhitespaces() == text.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
      let sub = text.dropFirst(random.below(2))
      #expect(sub.trimmingWhitespaces() == sub.trimmingCharacters(in: .whitespaces), "\(sub.debugDescription)")
    }
  }

  @Test func bytesAreFoundWhereFoundationFindsThem() {
    var random = SeededGenerator(seed: 32)
    let needles = [":", ": ", "://", "{{", "keynote", "=", "a b", "Inc."]
    for _ in 0..<5000 {
      let text = random.pick(["", "\u{600}"]) + ByteScanTests.randomText(&random, length: random.below(20))
        + random.pick(["", "://", "{{", "\u{301}", "=\u{301}", "\u{200D}"])
      let needle = random.pick(needles)
      #expect(text.containsASCII(needle) == text.contains(needle), "\(text.debugDescription) \(needle)")
      #expect(text.containsByte { $0 == 0x3A || $0 == 0x7B } == text.utf8.contains { $0 == 0x3A || $0 == 0x7B })
    }
  }

  /// Replacing what the bytes do not hold leaves the text as Foundation would: the needles the
  /// code replaces, in random texts with and without them, next to marks too.
  @Test func replacementsAreFoundations() {
    var random = SeededGenerator(seed: 33)
    let needles = ["(", ")", ",", " - ", "\\\""]
    for _ in 0..<3000 {
      let text = random.pick(["", "(", "\u{600}"]) + ByteScanTests.randomText(&random, length: random.below(12))
        + random.pick(["", ")", " - ", "\\\"", ",\u{301}", "\u{200D}"])
      let needle = random.pick(needles)
      #expect(text.replacingOccurrences(ofBytes: needle, with: "+") == text.replacingOccurrences(of: needle, with: "+"), "\(text.debugDescription)")
    }
  }

  /// Prefixes read as bytes are those the standard library finds by characters: also before a
  /// mark, inside `\r\n`, and on characters equivalent to ASCII ones (the Kelvin sign is a `K`).
  @Test func asciiPrefixesAreThoseOfCharacters() {
    var random = SeededGenerator(seed: 36)
    let prefixes = ["", "#", "```", "by ", "par ", "K", "Ka", "a\r", "e", "é", "de", "talk"]
    for _ in 0..<5000 {
      let text = random.pick(["", "\u{212A}", "K", "#", "a\r", "par", "by"]) + random.pick(["", "\n", "\u{301}", "\u{200D}", " "])
        + ByteScanTests.randomText(&random, length: random.below(6))
      let prefix = random.pick(prefixes)
      #expect(text.hasASCIIPrefix(prefix) == text.hasPrefix(prefix), "\(text.debugDescription) \(prefix.debugDescription)")
      let sub = text.dropFirst(random.below(2))
      #expect(sub.hasASCIIPrefix(prefix) == sub.hasPrefix(prefix), "\(sub.debugDescription) \(prefix.debugDescription)")
    }
  }

  /// Words about other times are found, space by space, where a search for each found them.
  @Test func otherTimeCuesAreFoundWhereEachSearchFindsThem() {
    func occurs(_ needle: [UInt8], in haystack: [UInt8]) -> Bool {
      haystack.count >= needle.count && (0...(haystack.count - needle.count)).contains { i in
        needle.indices.allSatisfy { haystack[i + $0] == needle[$0] }
      }
    }
    var random = SeededGenerator(seed: 37)
    let cues = EditionResolver.otherTimeCues
    for _ in 0..<3000 {
      var text = Folding.fold(ByteScanTests.randomText(&random, length: random.below(12)))
      if random.below(2) == 0 { text += random.pick([" ", ","]) + random.pick(cues) + random.pick(["", " ", ",", "s", "."]) }
      let folded = Array((" " + text + " ").utf8)
      let each = cues.contains { occurs(Array(" \($0) ".utf8), in: folded) || occurs(Array(" \($0),".utf8), in: folded) }
      #expect(EditionResolver.mentionsOtherTime(folded) == each, "\(text.debugDescription)")
    }
  }

  /// List items are told from other lines as the character reader told them.
  @Test func listItemsAreReadAsByTheCharacterReader() {
    var random = SeededGenerator(seed: 39)
    for _ in 0..<5000 {
      let line = (0..<random.below(3)).map { _ in random.pick([" ", "\t", "  "]) }.joined()
        + random.pick(["", "-", "*", "+", "•", "1", "12", "1234", "a", "é", "\u{301}", "-\u{301}", "3\u{301}"])
        + random.pick(["", " ", ".", ". ", ")", ") ", "\t"]) + ByteScanTests.randomText(&random, length: random.below(5))
      let got = Document.listItem(line), want = Document.characterListItem(line)
      #expect(got?.0 == want?.0 && got?.1 == want?.1, "\(line.debugDescription)")
    }
  }

  /// Texts have at least n characters when they have, counted from bytes or by characters.
  @Test func characterCountsFromBytesAreCharacterCounts() {
    var random = SeededGenerator(seed: 41)
    for _ in 0..<3000 {
      let text = ByteScanTests.randomText(&random, length: random.below(30)) + random.pick(["", "e\u{301}", "👩‍💻", "\r\n"])
      let n = random.below(40)
      #expect(ReportParser.hasCharacters(text, atLeast: n) == (text.count >= n), "\(text.debugDescription) \(n)")
    }
  }

  /// A word the quick test rules out starts no name the speaker parser reads.
  @Test func wordsThatCannotStartANameStartNone() {
    let parser = Fixtures.parser.speakers
    var random = SeededGenerator(seed: 45)
    var ruledOut = 0
    for _ in 0..<2000 {
      let text = (0..<random.below(8)).map { _ in random.pick(["Jane", "Doe", "jane", "de", "La", "Élodie", "éric", "«Ann", "*Bob", "(Eve", "J.", "1A", "Ünal", "x"]) }
        .joined(separator: random.pick([" ", " ", ", "]))
      let ws = SpeakerParser.words(text)
      for i in ws.indices where !SpeakerParser.mayStartName(ws[i]) {
        ruledOut += 1
        #expect(parser.readName(ws, from: i) == nil && parser.leadingList(ws, from: i, allowCommaOrg: false) == nil, "\(text) \(i)")
      }
    }
    #expect(ruledOut > 1000)
  }

  /// The phrases found in one pass are those found one by one.
  @Test func phraseSetsCountWhatEachSearchFinds() {
    var random = SeededGenerator(seed: 33)
    let phrases = ["a", "de", "talk", "e d", "é", "日本", "a.", "keynote", "x talk", "talk", "ce talk"]
    let set = PhraseSet(phrases)
    for _ in 0..<3000 {
      let text = Folding.fold(ByteScanTests.randomText(&random, length: random.below(30)))
      let count = phrases.filter { WordSearch.containsWords(text, $0) }.count
      #expect(set.count(in: text) == count, "\(text.debugDescription)")
      #expect(set.count(in: text, upTo: 2) == min(count, 2), "\(text.debugDescription)")
    }
    let cues = TalkVocabulary.presentationCues
    for text in SharedTokensTests.reportTexts.map(Folding.fold) {
      #expect(TalkExtractor.presentationCues.count(in: text) == cues.filter { WordSearch.containsWords(text, $0) }.count)
    }
  }

  /// Grouping headings, found with phrase sets, are those the searches one by one found.
  @Test func groupingHeadingsAreThoseEachSearchFinds() {
    func former(_ folded: String) -> Bool {
      let words = folded.split(separator: " ")
      guard words.count <= 9 else { return false }
      if TalkVocabulary.groupingAnywhere.contains(where: { WordSearch.containsWords(folded, $0) }) { return true }
      for (p, starts) in TalkVocabulary.groupingStarts {
        if folded == p || starts.contains(where: { folded.hasPrefix($0) }) || (words.count <= 3 && WordSearch.containsWords(folded, p)) {
          return true
        }
      }
      return words.count <= 4 && TalkVocabulary.dayWords.contains { folded.hasSuffix(" " + $0) }
    }
    var random = SeededGenerator(seed: 34)
    let words = TalkVocabulary.grouping + TalkVocabulary.groupingAnywhere + ["day", "kubernetes", "the", "a", "intro", "x", "é", ":", "-", ","]
    for _ in 0..<4000 {
      let heading = (0..<(1 + random.below(6))).map { _ in random.pick(words) }.joined(separator: random.pick([" ", "", ": "]))
      #expect(TalkVocabulary.isGrouping(heading) == former(heading), "\(heading.debugDescription)")
    }
  }

  /// Pieces between spaces are counted as splitting counts them, up to a limit; bylines are
  /// told from the folded start of a text as from all of it.
  @Test func piecesAndBylinesAsTheWholeTextSaysThem() {
    var random = SeededGenerator(seed: 35)
    for _ in 0..<4000 {
      let text = random.pick(["", "By ", "par ", "Written by ", "by \u{301}"]) + ByteScanTests.randomText(&random, length: random.below(30))
        + random.pick(["", " \u{301}", "  "])
      let limit = 1 + random.below(10)
      #expect(text.pieceCount(upTo: limit) == min(limit, text.split(separator: " ").count), "\(text.debugDescription)")
      let f = Folding.fold(text)
      let byline = (f.hasPrefix("by ") || f.hasPrefix("par ") || f.hasPrefix("written by ") || f.hasPrefix("posted by "))
        && text.split(separator: " ").count <= 8
      #expect(ReportMetadata.isByline(text) == byline, "\(text.debugDescription)")
    }
  }

  /// A title from the first words of a text: only the start of its first sentence is split.
  /// The words of blocks that follow each other are a slice of their section's words, the same as
  /// their words joined; blocks that do not follow each other get their words joined.
  @Test func wordsOfFollowingBlocksAreASliceOfTheSections() {
    var random = SeededGenerator(seed: 46)
    for _ in 0..<300 {
      let text = (0..<(1 + random.below(12))).map { _ in
        random.pick(["## Titre\n", "Un paragraphe sur Kubernetes.\n", "- un point\n", "\n", "Voir la vidéo\n", "", "2024 à Paris\n"])
      }.joined()
      for section in Outline.sections(of: Document(text: text, file: "t.md")) {
        let blocks = section.blocks
        for a in 0...blocks.count {
          for b in a...blocks.count {
            let run = Array(blocks[a..<b])
            #expect(TalkExtractor.joinedWords(run, in: section.tokens) == run.flatMap(\.tokens)[...], "\(text.debugDescription)")
          }
        }
        if blocks.count >= 3 {
          let apart = [blocks[0], blocks[2]]
          #expect(TalkExtractor.joinedWords(apart, in: section.tokens) == apart.flatMap(\.tokens)[...])
        }
      }
    }
  }

  @Test func firstWordsAreThoseOfTheWholeSentence() {
    func former(_ text: String) -> String {
      let first = Sentences.split(text, limit: 1).first ?? text
      let words = first.split(separator: " ")
      var title = words.prefix(12).joined(separator: " ")
      while let last = title.last, ".:;,!?".contains(last) { title.removeLast() }
      return words.count > 12 ? title + "…" : title
    }
    var random = SeededGenerator(seed: 36)
    for _ in 0..<3000 {
      let text = (0..<random.below(40)).map { _ in random.pick(["word", " ", "  ", "é", "a,", "Inc.", ". ", "x", " \u{301}"]) }.joined()
      #expect(Sentences.firstWords(of: text) == former(text), "\(text.debugDescription)")
    }
  }

  @Test func titlesAreToldAsTheCharacterReaderToldThem() {
    var random = SeededGenerator(seed: 37)
    let words = ["Kubernetes", "the", "Cloud", "Native", "été", "Été", "Œuvre", "ĸind", "a", "AI", "2025", "«Quoted»", ":", ": ", "e\u{301}té", "日本", "Ⅻ", "ǅemo", "\u{301}Zeta", "👩🏽‍💻"]
    for _ in 0..<4000 {
      let heading = (0..<random.below(9)).map { _ in random.pick(words) }.joined(separator: random.pick([" ", "  ", ""]))
      #expect(TalkExtractor.looksLikeTitle(heading) == ByteScanTests.formerLooksLikeTitle(heading), "\(heading.debugDescription)")
    }
  }

  @Test func lineTestsAnswerAsTheCharacterTests() {
    var random = SeededGenerator(seed: 24)
    for _ in 0..<3000 {
      let text = ByteScanTests.randomText(&random, length: random.below(16))
      #expect(Document.lines(text) == text.split(separator: "\n", omittingEmptySubsequences: false))
      for line in Document.lines(text).map(String.init) {
        #expect(Document.isBlank(line) == line.trimmingSpaces().isEmpty, "\(line.debugDescription)")
        let t = line.trimmingSpaces()
        #expect(Document.lastNonSpaceByte(line) == t.utf8.last, "\(line.debugDescription)")
        let chars = line.filter { $0 != " " }
        let rule = chars.count >= 3 && chars.first.map { "-*_=".contains($0) } == true && chars.allSatisfy { $0 == chars.first }
        #expect(Document.isRule(line) == rule, "\(line.debugDescription)")
      }
      #expect(Document.isMarker(text) == (text.split(separator: " ").count <= 9 && Document.markerPrefixes.contains { Folding.fold(text).hasPrefix($0) }))
      // Lines ending in '#', some with a mark or a joiner.
      let heading = String(text.prefix(random.below(12))) + random.pick(["", "C", " ", "#", "e\u{301}", "\u{200D}"]) + "#" + random.pick(["", " "])
      #expect(Document.isHashHeading(heading) == Document.characterIsHashHeading(heading.trimmingSpaces()), "\(heading.debugDescription)")
    }
  }

  @Test func lastSeparatorIsFoundWhereFoundationFindsIt() {
    var random = SeededGenerator(seed: 25)
    for _ in 0..<2000 {
      let text = ByteScanTests.randomText(&random, length: random.below(20))
      for separator in [" - ", " – ", " | ", "|", "é"] {
        #expect(TalkExtractor.lastRange(of: separator, in: text) == text.range(of: separator, options: [.backwards, .literal]), "\(text.debugDescription)")
      }
    }
  }

  /// One-word prefix patterns (`k*`, `ku*`, `kub*`, accented and non-Latin keys) are found as a
  /// scan of every pattern in the order added finds them.
  @Test func prefixPatternsMatchAsAFullScan() {
    let phrases = ["k*", "ku*", "kub*", "kube*", "obs*", "é*", "éc*", "日本*", "Obs*", "a*", "ab*", "x*"]
    var matcher = PhraseMatcher<Int>()
    for (i, p) in phrases.enumerated() { matcher.add(p, value: i, caseSensitive: p.first?.isUppercase == true) }
    var random = SeededGenerator(seed: 27)
    let words = ["k", "ku", "kub", "kubernetes", "Kubernetes", "obs", "Observability", "observe", "écoute", "ecoute", "e", "日本語", "日", "a", "ab", "abc", "x", "zz", "kü", "ǩu"]
    for _ in 0..<500 {
      let text = (0..<random.below(12)).map { _ in random.pick(words) }.joined(separator: " ")
      let tokens = Tokenizer.tokens(text)
      let got = matcher.matches(in: tokens).map { [$0.token, $0.value] }
      var want: [[Int]] = []
      for (t, token) in tokens.enumerated() {
        for (i, p) in phrases.enumerated() {
          let stem = Tokenizer.tokens(String(p.dropLast()))[0]
          let exact = p.first?.isUppercase == true
          if token.folded.hasPrefix(stem.folded) && (!exact || token.text.hasPrefix(stem.text)) {
            want.append([t, i])
            break
          }
        }
      }
      #expect(got == want, "\(text)")
    }
  }

  /// Two runs of tokens are matched as the array of both would be, wherever they are cut: also
  /// with phrases across the cut, overlapping phrases and phrases longer than a run.
  /// Phrases that overlap, nest and run longer than a few words, and words that make them up.
  static let joinPhrases = ["open telemetry", "open", "telemetry", "open telemetry collector", "a b c d", "b c", "c*", "Flux", "d"]
  static let joinWords = ["open", "Open", "telemetry", "collector", "a", "b", "c", "cd", "d", "flux", "Flux", "x"]
  static func joinMatcher() -> PhraseMatcher<Int> {
    var matcher = PhraseMatcher<Int>()
    for (i, p) in joinPhrases.enumerated() { matcher.add(p, value: i, caseSensitive: p == "Flux") }
    return matcher
  }

  @Test func joinedRunsMatchAsOneArray() {
    let matcher = ByteScanTests.joinMatcher()
    var random = SeededGenerator(seed: 38)
    for _ in 0..<2000 {
      let tokens = Tokenizer.tokens((0..<random.below(14)).map { _ in random.pick(ByteScanTests.joinWords) }.joined(separator: " "))
      let cut = random.below(tokens.count + 1)
      // Slices that do not start at 0, as a document's are.
      let all = Tokenizer.tokens("x x") + tokens
      let first = all[2..<(2 + cut)], second = all[(2 + cut)...]
      let got = matcher.matches(in: first, then: second).map { [$0.token, $0.value, $0.length] }
      let want = matcher.matches(in: tokens).map { [$0.token, $0.value, $0.length] }
      #expect(got == want, "\(tokens.map(\.text)) cut at \(cut)")
    }
  }

  /// The matches of a part of a run, read from the run's scan, are those of the part scanned
  /// alone: also where the run's matches span the part's start or end, and for joined runs.
  @Test func partsReadFromAScanMatchAsScannedAlone() {
    let matcher = ByteScanTests.joinMatcher()
    var random = SeededGenerator(seed: 40)
    let words = ByteScanTests.joinWords
    func key(_ ms: [PhraseMatcher<Int>.Match]) -> [[Int]] { ms.map { [$0.token, $0.value, $0.length] } }
    var reused = 0
    for _ in 0..<2000 {
      let tokens = Tokenizer.tokens((0..<random.below(20)).map { _ in random.pick(words) }.joined(separator: " "))
      let scan = matcher.scan(tokens)
      let a = random.below(tokens.count + 1), b = a + random.below(tokens.count - a + 1)
      let part = tokens[a..<b]
      #expect(key(matcher.matches(in: part, known: scan)) == key(matcher.matches(in: part)), "\(tokens.map(\.text)) \(a)..<\(b)")
      if scan.holds(part), scan.end(ofMatchSpanning: b) == nil, scan.matches(startingIn: a..<b) != nil { reused += 1 }
      // A title before the part, and the part before a heading.
      let title = Tokenizer.tokens((0..<random.below(4)).map { _ in random.pick(words) }.joined(separator: " "))
      #expect(key(matcher.matches(in: title[...], then: part, known: scan)) == key(matcher.matches(in: title[...], then: part)))
      #expect(key(matcher.matches(in: part, then: title[...], known: scan)) == key(matcher.matches(in: part, then: title[...])))
    }
    #expect(reused > 500)
    // A copy of a part is not read from the scan: its memory is not the run's.
    let tokens = Tokenizer.tokens("open telemetry b c")
    #expect(!matcher.scan(tokens).holds(Array(tokens[1...])[...]))
  }

  /// The parser tokenizes a title and a text apart and joins the tokens, instead of tokenizing
  /// "title\ntext": the same tokens.
  @Test func tokensOfLinesJoinAsTokensOfTheJoinedText() {
    var random = SeededGenerator(seed: 28)
    for _ in 0..<2000 {
      let a = ByteScanTests.randomText(&random, length: random.below(12))
      let b = ByteScanTests.randomText(&random, length: random.below(12))
      let joined = Tokenizer.tokens(a + "\n" + b).map { [String($0.text), $0.folded, "\($0.startsSentence)"] }
      let apart = (Tokenizer.tokens(a) + Tokenizer.tokens(b)).map { [String($0.text), $0.folded, "\($0.startsSentence)"] }
      #expect(joined == apart, "\(a.debugDescription) \(b.debugDescription)")
    }
  }

  /// The edition resolver hands each sentence of the body the next words of the whole body's
  /// tokens: the evidence is what tokenizing each sentence alone finds.
  @Test func editionEvidenceFromTheBodysWordsIsTheSentencesOwn() {
    let resolver = EditionResolver(catalog: Fixtures.catalog)
    let words = ["KubeCon", "London", "Londres", "Paris", "Europe", "2024", "2025", "1999", "last", "year", "à", "in", "the", "é", "Hong", "Kong"]
    let cuts = [" ", " ", ". ", "! ", "?", "\n", "\n\n", ", ", " «", "» ", "’"]
    var random = SeededGenerator(seed: 30)
    for _ in 0..<1500 {
      let text = (0..<random.below(30)).map { _ in random.pick(words) + random.pick(cuts) }.joined()
      let tokens = Tokenizer.tokens(text)
      // Each sentence with the words that start in it.
      var next = 0
      let sentences = ByteScanTests.editionSentences(text).map { sentence in
        let first = next
        let end = text.utf8.distance(from: text.startIndex, to: sentence.endIndex)
        while next < tokens.count && tokens[next].start < end { next += 1 }
        return (sentence, tokens[first..<next])
      }
      // Those the resolver reads, found from the words.
      let read = resolver.sentencesMayHoldingEvidence(text, words: tokens)
      func mayHoldEvidence(_ words: ArraySlice<Token>) -> Bool { words.indices.contains { resolver.mayBeEvidence(words, at: $0) } }
      let want = sentences.filter { mayHoldEvidence($0.1) }
      #expect(read.map { "\($0.0)|\($0.1.map(\.text))" } == want.map { "\($0.0)|\($0.1.map(\.text))" }, "\(text.debugDescription)")
      for (sentence, words) in sentences {
        #expect(words.map(\.text) == Tokenizer.tokens(String(sentence)).map(\.text), "\(sentence.debugDescription)")
        // (in the order of a set's iteration)
        let shared = resolver.evidence(in: sentence, tokens: words, skipOtherTimes: true).map { "\($0)" }.sorted()
        let alone = resolver.evidence(in: String(sentence), skipOtherTimes: true).map { "\($0)" }.sorted()
        #expect(shared == alone, "\(sentence.debugDescription)")
        // The resolver skips the sentences that cannot hold evidence.
        if !shared.isEmpty { #expect(mayHoldEvidence(words), "\(sentence.debugDescription)") }
      }
      #expect(sentences.map(\.1.count).reduce(0, +) == tokens.count, "\(text.debugDescription)")
    }
  }

  /// ASCII words are tested as bytes whether they can be part of a person's name: the same
  /// answers as the character test, kept for other words.
  @Test func asciiNameWordsAreTestedAsCharacters() {
    let names = Fixtures.speakerParser.names
    let pieces = ["A", "J", "M", "c", "D", "o", "n", "ald", "Kube", "rnetes", "Ops", "Mac", "Le", "Van", "O", "'", "-", ".", "s", "1", "x", "_", "`", "\r\n", "Paris", "Kubernetes"]
    var random = SeededGenerator(seed: 31)
    for _ in 0..<5000 {
      let word = (0..<(1 + random.below(5))).map { _ in random.pick(pieces) }.joined()[...]
      #expect(names.isASCIINameWord(word) == names.isNameWordByCharacters(word), "\(word.debugDescription)")
    }
    #expect(names.isASCIINameWord("Clément") == nil)
  }

  /// The byte scan that skips sentences without a name never skips one where a name is read.
  @Test func textsWithoutANameByTheQuickScanHaveNoNameToRead() {
    let parser = Fixtures.speakerParser
    let pieces = [
      "Jane", "Doe", "Jean", "Dupont", "Ève", "Émile", "Zoë", "O'Brien", "J.", "de", "De", "DU", "van", "la", "La",
      "y.", "della", "d'", "l’", "d’", "Acme", "Kubernetes", "talk", "présenté", "a", "et", "and", "é", "🚀",
      " ", " ", " ", "  ", "\t", "\n", "\u{00A0}", "\u{202F}", ".", ",", "(", ")", "\"", "'", "«", "»", "“", "*", "-",
    ]
    var random = SeededGenerator(seed: 41)
    var skipped = 0
    for _ in 0..<20000 {
      let text = (0..<random.below(14)).map { _ in random.pick(pieces) }.joined()
      guard !SpeakerParser.mayHoldName(text) else { continue }
      skipped += 1
      let ws = SpeakerParser.words(text)
      #expect(ws.indices.allSatisfy { parser.readName(ws, from: $0) == nil }, "\(text.debugDescription)")
    }
    #expect(skipped > 2000)
    #expect(SpeakerParser.mayHoldName("la keynote de « Jean de La Fontaine »"))
    #expect(!SpeakerParser.mayHoldName("Le talk sur Kubernetes a présenté la suite."))
  }

  /// A byline is looked for in the folded start of a paragraph, and in its first sentence only:
  /// the same answers as folding it whole and cutting every sentence.
  @Test func bylinesAreLookedForInTheFoldedStartOfAText() {
    var random = SeededGenerator(seed: 42)
    let starts = ["Par ", "PRÉSENTÉ PAR ", "Présentée par ", "By ", "Speakers : ", "Avec ", "with ", "Intervenant:", ""]
    for _ in 0..<3000 {
      let text = random.pick(starts) + ByteScanTests.randomText(&random, length: random.below(90))
      let whole = Folding.fold(text)
      let start = TalkExtractor.foldedStart(text)
      for prefix in TalkVocabulary.bylinePrefixes {
        #expect(whole.hasPrefix(prefix) == start.hasPrefix(prefix), "\(text.debugDescription) \(prefix)")
      }
      #expect(Sentences.split(text, limit: 1) == Array(Sentences.split(text).prefix(1)), "\(text.debugDescription)")
      // A paragraph (trimmed) starts with the prefixes its first sentence starts with.
      let paragraph = text.trimmingSpaces()
      let sentence = TalkExtractor.foldedStart(Sentences.split(paragraph, limit: 1).first ?? "")
      for prefix in TalkVocabulary.bylinePrefixes {
        #expect(TalkExtractor.foldedStart(paragraph).hasPrefix(prefix) == sentence.hasPrefix(prefix), "\(paragraph.debugDescription)")
      }
    }
  }

  /// Quoted titles are found in bytes: the same spans as the character reader they replaced,
  /// also in texts of emoji, combining accents and joiners.
  @Test func quotationsAreFoundAsTheCharacterReaderFoundThem() {
    var random = SeededGenerator(seed: 44)
    let quotes = ["\"", "«", "»", "“", "”", "e\u{301}", "\u{200D}", "\r\n"]
    var byBytes = 0
    for _ in 0..<5000 {
      let text = (0..<random.below(20)).map { _ in random.below(3) == 0 ? random.pick(quotes) : random.pick(ByteScanTests.pieces) }.joined()
      let got = TalkExtractor.quotations(text).map { [$0.0, $0.1] }
      let want = ByteScanTests.formerQuotations(text).map { [$0.0, $0.1] }
      #expect(got == want, "\(text.debugDescription)")
      if !want.isEmpty, Graphemes.eachScalarIsACharacter(text) { byBytes += 1 }
    }
    #expect(byBytes > 200)
  }

  /// Titles are keyed by their letters and digits once folded, read as bytes when ASCII.
  @Test func titleKeysKeepTheLettersAndDigitsOfTheFoldedTitle() {
    var random = SeededGenerator(seed: 45)
    for _ in 0..<3000 {
      let title = ByteScanTests.randomText(&random, length: random.below(16))
      let want = String(String.UnicodeScalarView(Folding.fold(title).unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }))
      #expect(Linker.titleKey(title) == want, "\(title.debugDescription)")
    }
  }

  /// Markup is read from scalars, or bytes, where each scalar is a character: what reading
  /// characters gives.
  @Test func markupReadFromScalarsIsWhatCharactersGive() {
    var random = SeededGenerator(seed: 46)
    let markup = ["[", "]", "(", ")", "![", "](", "**", "__", "*", "_", "`", "<", ">", "</", "<b>", "&amp;", "&nbsp;", "&x;", ";", "!", "https://x.io/a b", "e\u{301}", "\u{200D}", "\r\n", "²", "ª", "×", "é*", "*é", "⁴"]
    var scalars = 0
    for _ in 0..<5000 {
      let text = (0..<random.below(24)).map { _ in random.below(2) == 0 ? random.pick(markup) : random.pick(ByteScanTests.pieces) }.joined()
      let chars = InlineText(units: Array(text))
      #expect(InlineText(text) == chars, "\(text.debugDescription)")
      if Graphemes.eachScalarIsACharacter(text) {
        scalars += 1
        #expect(text.count == text.unicodeScalars.count - text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast().filter { $0.last == 0x0D }.count, "\(text.debugDescription)")
        #expect(InlineText(units: Array(text.unicodeScalars)) == chars, "\(text.debugDescription)")
        #expect(InlineText(units: text.utf8.map(InlineByte.init)) == chars, "\(text.debugDescription)")
      }
    }
    #expect(scalars > 1000)
  }

  /// Slugs are made from the folded text's bytes: the slugs the scalar reader made.
  @Test func slugsAreTheScalarReadersSlugs() {
    var random = SeededGenerator(seed: 47)
    for _ in 0..<3000 {
      let text = ByteScanTests.randomText(&random, length: random.below(30))
      let limit = random.pick([1, 3, 8, 60, 80])
      #expect(Slug.make(text, maxLength: limit) == ByteScanTests.formerSlug(text, maxLength: limit), "\(text.debugDescription) \(limit)")
    }
  }

  // MARK: - The former character readers

  static func formerSlug(_ text: String, maxLength: Int) -> String {
    var words: [String] = []
    var current = ""
    for scalar in Folding.fold(text).unicodeScalars {
      if (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") {
        current.unicodeScalars.append(scalar)
      } else if !current.isEmpty {
        words.append(current)
        current = ""
      }
    }
    if !current.isEmpty { words.append(current) }
    var slug = ""
    for word in words {
      let next = slug.isEmpty ? word : slug + "-" + word
      if next.count > maxLength {
        if slug.isEmpty { slug = String(word.prefix(maxLength)) }
        break
      }
      slug = next
    }
    return slug.isEmpty ? "untitled" : slug
  }

  static func formerLooksLikeTitle(_ heading: String) -> Bool {
    let words = heading.split(separator: " ").filter { $0.first?.isLetter == true }
    if words.count >= 4 && heading.contains(": ") { return true }
    let long = words.filter { $0.count >= 4 }
    guard long.count >= 2 else { return false }
    let capitalized = long.filter { $0.first?.isUppercase == true }.count
    return capitalized * 10 >= long.count * 7
  }

  static func formerQuotations(_ sentence: String) -> [(String, String)] {
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

  static func formerWords(_ text: String) -> [SpeakerParser.Word] {
    var out: [SpeakerParser.Word] = []
    for raw in text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\u{00A0}" }) {
      var s = raw[...]
      var lead = ""
      var trail = ""
      while let c = s.first, "([«“\"'‘*".contains(c) {
        lead.append(c)
        s = s.dropFirst()
      }
      while let c = s.last, "),;:.!?]»”\"’*".contains(c) {
        if c == ".", s.count == 2 || s.hasSuffix("Inc.") || s.hasSuffix("Ltd.") || s.hasSuffix("Corp.") { break }
        trail.insert(c, at: trail.startIndex)
        s = s.dropLast()
      }
      for prefix in ["d'", "d’", "l'", "l’"] where s.hasPrefix(prefix) && s.count > 2 {
        let rest = s.dropFirst(2)
        if let f = rest.first, f.isUppercase || f.isNumber || (rest.contains { $0.isUppercase }) {
          out.append(SpeakerParser.Word(text: String(s.prefix(2)), folded: String(s.prefix(1)) + "'", lead: lead, trail: ""))
          s = rest
          lead = ""
        }
      }
      if s.isEmpty && lead.isEmpty && trail.isEmpty { continue }
      out.append(SpeakerParser.Word(text: String(s), folded: Folding.fold(String(s)), lead: lead, trail: trail))
    }
    return out
  }

  static func characterContainsWords(_ text: String, _ phrase: String) -> Bool {
    let t = Array(text)
    let p = Array(phrase)
    guard !p.isEmpty else { return true }
    guard t.count >= p.count else { return false }
    for i in 0...(t.count - p.count) where Array(t[i..<(i + p.count)]) == p {
      let before = i == 0 || !t[i - 1].isLetter
      let after = i + p.count == t.count || !t[i + p.count].isLetter
      if before && after { return true }
    }
    return false
  }

  /// The sentences the edition resolver reads: the text split at `.`, `!`, `?` and line breaks,
  /// without empty pieces.
  static func editionSentences(_ text: String) -> [Substring] {
    let utf8 = text.utf8
    var out: [Substring] = []
    var start = utf8.startIndex
    for i in utf8.indices where [0x2E, 0x21, 0x3F, 0x0A].contains(utf8[i]) {
      if start < i { out.append(text[start..<i]) }
      start = utf8.index(after: i)
    }
    if start < utf8.endIndex { out.append(text[start...]) }
    return out
  }

  static func formerSentences(_ text: String) -> [String] {
    var out: [String] = []
    var current = ""
    let chars = Array(text)
    for (i, c) in chars.enumerated() {
      current.append(c)
      if c == "." || c == "!" || c == "?" {
        let next = i + 1 < chars.count ? chars[i + 1] : " "
        let prev = i > 0 ? chars[i - 1] : " "
        if next == " " && !(prev.isUppercase && (i < 2 || chars[i - 2] == " ")) && !current.hasSuffix("Inc.") {
          out.append(current.trimmingSpaces())
          current = ""
        }
      }
    }
    if !current.trimmingSpaces().isEmpty { out.append(current.trimmingSpaces()) }
    return out
  }
}
