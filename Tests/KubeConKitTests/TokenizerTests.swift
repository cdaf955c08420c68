import Foundation
import Testing
@testable import KubeConKit

/// The byte-level tokenizer must split and fold exactly as the scalar-by-scalar definition does:
/// a word is a run of alphabetic scalars and ASCII digits; `. ! ? :`, a line break and `•` start
/// a sentence; words fold with ``Folding/fold(_:)``.
@Suite struct TokenizerTests {
  @Test func tokensSplitElisionAndMarkSentenceStarts() {
    let tokens = Tokenizer.tokens("d’OpenTelemetry. Flux est là")
    #expect(tokens.map(\.text) == ["d", "OpenTelemetry", "Flux", "est", "là"])
    #expect(tokens[2].startsSentence)
    #expect(!tokens[3].startsSentence)
  }

  /// The definition, one scalar at a time (the tokenizer before it read bytes).
  static func reference(_ text: String) -> [Token] {
    var result: [Token] = []
    var start: String.Index? = nil
    var sentenceStart = true
    func flush(_ end: String.Index) {
      guard let s = start else { return }
      let word = text[s..<end]
      let folded = Folding.fold(String(word))
      // Matchers skip words by this hash: it must be the folded word's.
      let offset = text.utf8.distance(from: text.startIndex, to: s)
      result.append(Token(
        text: String(word), start: offset, end: offset + word.utf8.count, folded: folded, startsSentence: sentenceStart,
        foldedHash: Token.hash(folded: folded)))
      sentenceStart = false
      start = nil
    }
    for i in text.unicodeScalars.indices {
      let scalar = text.unicodeScalars[i]
      if scalar.properties.isAlphabetic || (scalar.value >= 0x30 && scalar.value <= 0x39) {
        if start == nil { start = i }
      } else {
        flush(i)
        if [".", "!", "?", ":", "\n", "•"].contains(scalar) { sentenceStart = true }
      }
    }
    flush(text.endIndex)
    return result
  }

  /// A word table finds what a dictionary finds, and words sharing a chain (3,000 words in 1,024
  /// chains) are told apart; values change in place, in the order they were given.
  @Test func wordTablesFindWhatADictionaryFinds() {
    var random = SeededGenerator(seed: 44)
    var table = WordTable<[Int]>()
    var dictionary: [String: [Int]] = [:]
    for n in 0..<3000 {
      let word = Folding.fold(ByteScanTests.randomText(&random, length: 1 + random.below(3)))
      table.modify(word, default: []) { $0.append(n) }
      dictionary[word, default: []].append(n)
    }
    #expect(Set(table.words) == Set(dictionary.keys))
    for _ in 0..<3000 {
      let word = Folding.fold(ByteScanTests.randomText(&random, length: 1 + random.below(3)))
      #expect(table[word] == dictionary[word], "\(word.debugDescription)")
      #expect(table[word, hash: Token.hash(folded: word)] == dictionary[word])
    }
    let set = WordTable(words: ["de", "la", "été"])
    #expect(set.contains("ete", hash: Token.hash(folded: "ete")) == false && set.contains("été", hash: Token.hash(folded: "été")))
  }

  @Test(arguments: [
    "d’OpenTelemetry. Flux est là", "Œuvre: ÇA—ok? «Déploiement» 2025 K8s", "emoji 🚀 then ZWJ 👩‍💻 and é (e + ́)",
    "日本語のテキスト。Ελληνικά κείμενο! Кириллица", "\r\nCRLF\r\nlines • bullet", "", "   ", "a", "tab\there_under_score",
  ])
  func splitsLikeTheDefinition(text: String) {
    #expect(Tokenizer.tokens(text) == TokenizerTests.reference(text))
  }

  /// Words of Latin-1 letters are folded on a short path: every letter of U+00C0–U+00FF, with
  /// ASCII and with letters of other ranges, gives the definition's words.
  @Test func latinWordsSplitLikeTheDefinition() {
    var random = SeededGenerator(seed: 48)
    let latin = (0xC0...0xFF).map { String(Character(Unicode.Scalar(UInt8($0)))) }
    let pieces = latin + ["a", "Z", "e", "K", "7", "ő", "ş", "Ω", "İ", "ﬁ", "\u{0301}", " ", " ", "-", "’"]
    for _ in 0..<2000 {
      let text = (0..<random.below(16)).map { _ in random.pick(pieces) }.joined()
      #expect(Tokenizer.tokens(text) == TokenizerTests.reference(text), "\(text.debugDescription)")
    }
  }

  @Test func splitsEveryBundledAndDevReportLikeTheDefinition() throws {
    var folders = [Fixtures.reports]
    if Fixtures.hasDevReports { folders.append(Fixtures.devReports) }
    var checked = 0
    for folder in folders {
      for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where !name.hasSuffix(".tsv") && !name.hasSuffix("README.md") {
        guard let text = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) else { continue }
        #expect(Tokenizer.tokens(text) == TokenizerTests.reference(text), "\(name)")
        checked += 1
      }
    }
    #expect(checked >= 5)
  }

  /// A snippet resumes the scan at a checkpoint of the index: from there on it must see the same
  /// words, with the same sentence starts, as a scan from the start of the text.
  @Test func aScanResumedAtACheckpointSeesTheSameWords() throws {
    var texts: [String] = []
    for name in try FileManager.default.contentsOfDirectory(atPath: Fixtures.reports.path) where !name.hasSuffix("README.md") {
      texts.append(try String(contentsOf: Fixtures.reports.appendingPathComponent(name), encoding: .utf8))
    }
    texts.append(String(repeating: "d’OpenTelemetry. Flux\r\nest là • 🚀 e\u{301}té 日本語。 ", count: 400))
    var resumed = 0
    for var text in texts {
      text.makeContiguousUTF8()
      text.utf8.withContiguousStorageIfAvailable { bytes in
        func words(from: Int, startsSentence: Bool) -> [[Int]] {
          var out: [[Int]] = []
          Tokenizer.scan(bytes, lineBreaksStartSentences: false, from: from, startsSentence: startsSentence) { s, e, a, sentence in
            out.append([s, e, a ? 1 : 0, sentence ? 1 : 0])
            return true
          }
          return out
        }
        let all = words(from: 0, startsSentence: true)
        for (k, c) in SearchSectionsWriter.checkpoints(text).enumerated() {
          let word = (k + 1) * SearchSectionsWriter.checkpointSpacing
          #expect(Int(c & 0x7FFF_FFFF) == all[word][0])
          #expect(words(from: Int(c & 0x7FFF_FFFF), startsSentence: c >> 31 == 1) == Array(all[word...]))
          resumed += 1
        }
      }
    }
    #expect(resumed >= 20)
  }

  @Test func asciiStemmingMatchesTheGeneralStemmer() throws {
    var words = ["policies", "journaux", "class", "status", "analysis", "deployees", "clusters", "the", "mesh", "caches", "aux"]
    let text = try String(contentsOf: Fixtures.reports.appendingPathComponent("en-sokube-kubecon-eu-2025-london.txt"), encoding: .utf8)
    words += Tokenizer.tokens(text).map(\.folded)
    for w in words where w.utf8.allSatisfy({ $0 < 0x80 }) {
      #expect(Analyzer.stemASCII(w) == Analyzer.stem(w), "\(w)")
    }
  }

  /// Folding, one scalar at a time through a string of scalars (as it was before it wrote bytes).
  static func referenceFold(_ text: String) -> String {
    let table: [Unicode.Scalar: String] = {
      var t: [Unicode.Scalar: String] = [:]
      for (chars, r) in [("àâäáãåÀÂÄÁÃÅ", "a"), ("çÇ", "c"), ("éèêëÉÈÊË", "e"), ("îïíìÎÏÍÌ", "i"), ("ôöóòõøÔÖÓÒÕØ", "o"),
        ("ùûüúÙÛÜÚ", "u"), ("ÿýŸÝ", "y"), ("ñÑ", "n"), ("’‘ʼ´`", "'"), ("–—‑", "-"), ("«»“”„", "\""), ("ß", "ss")] {
        for s in chars.unicodeScalars { t[s] = r }
      }
      for (c, r) in [("œ", "oe"), ("Œ", "oe"), ("æ", "ae"), ("Æ", "ae"), ("\u{00A0}", " "), ("\u{202F}", " ")] { t[c.unicodeScalars.first!] = r }
      return t
    }()
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if scalar.value < 0x80 {
        out.append(scalar.value >= 0x41 && scalar.value <= 0x5A ? Unicode.Scalar(scalar.value + 32)! : scalar)
      } else if let mapped = table[scalar] {
        out.append(contentsOf: mapped.unicodeScalars)
      } else if (0xFF01...0xFF5E).contains(scalar.value) || (0xFB00...0xFB06).contains(scalar.value) || scalar.value == 0x3000 {
        // Fullwidth forms, Latin ligatures, the ideographic space: NFKC, then lowercase.
        out.append(contentsOf: String(Character(scalar)).precomposedStringWithCompatibilityMapping.lowercased().unicodeScalars)
      } else if (0x300..<0x370).contains(scalar.value) {
        continue  // a combining accent
      } else {
        out.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
      }
    }
    return String(out)
  }

  @Test func foldingMatchesTheScalarDefinition() throws {
    var texts = ["Œuvre ÇA — «ok» ÉTÉ straße İstanbul ΣΑΣ Кириллица 日本 🚀 👩‍💻 e\u{301} \u{00A0}x ǅ ﬁ", ""]
    for name in try FileManager.default.contentsOfDirectory(atPath: Fixtures.reports.path) {
      texts.append(try String(contentsOf: Fixtures.reports.appendingPathComponent(name), encoding: .utf8))
    }
    // Every scalar of the two ranges folding looks up in a table, and some past them, in a word.
    for v in Array(0x80...0x2FF) + Array(0x2000...0x20FF) + [0x370, 0x391, 0x3A3, 0x410, 0x1E9E, 0x2C00, 0xFB01, 0xFF21, 0xFF41, 0xFF10, 0x3000, 0x1F600] {
      if let scalar = Unicode.Scalar(UInt32(v)) { texts.append("Ab" + String(Character(scalar)) + "Z") }
    }
    for t in texts {
      #expect(Folding.fold(t) == TokenizerTests.referenceFold(t), "\(t.prefix(8).debugDescription)")
      #expect(Folding.fold(t.dropFirst()) == TokenizerTests.referenceFold(String(t.dropFirst())), "\(t.prefix(8).debugDescription)")
    }
  }

  @Test func theAlphabeticShortcutsAgreeWithUnicode() {
    for v in UInt32(0xC0)...0x24F { #expect(Tokenizer.isAlphabetic(v) == Unicode.Scalar(v)!.properties.isAlphabetic) }
    for v in UInt32(0x2000)...0x206F { #expect(Tokenizer.isAlphabetic(v) == Unicode.Scalar(v)!.properties.isAlphabetic) }
  }

  /// Snippets count a run of such scalars as that many characters: no two of them merge into one
  /// (they are not marks, joiners, prepended, paired or Hangul scalars, nor a carriage return).
  @Test func scalarsThatStandAloneDoNotMergeWithEachOther() {
    let neighbours = ["a", "é", "’", "—", "€", " ", "\n", "\u{00A0}", "ÿ", "\u{2027}"]
    for v in UInt32(0)...0x20C0 where SearchIndex.standsAlone(v) {
      guard let scalar = Unicode.Scalar(v) else { continue }
      for n in neighbours {
        #expect((String(scalar) + n).count == 2 && (n + String(scalar)).count == 2, "U+\(String(v, radix: 16)) and \(n.unicodeScalars.map(\.value))")
      }
    }
  }
}

/// Every text is tokenized once, with the whole body: blocks, sections and talks take their share
/// of the body's words, which are the words tokenizing their own text gives.
@Suite struct SharedTokensTests {
  static func words(_ tokens: some Sequence<Token>) -> [String] {
    tokens.map { "\($0.text)|\($0.folded)|\($0.startsSentence)|\($0.foldedHash)" }
  }

  static var reportTexts: [String] {
    let folders = [Fixtures.reports] + (Fixtures.hasDevReports ? [Fixtures.devReports] : [])
    return folders.flatMap { folder in
      ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
        .filter { $0.hasSuffix(".md") || $0.hasSuffix(".txt") }
        .filter { $0 != "README.md" }
        .compactMap { try? String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }
    }
  }

  @Test func blocksSectionsAndTalksHoldTheWordsOfTheirText() {
    let extractor = Fixtures.parser.talkExtractor
    var talks = 0
    for text in SharedTokensTests.reportTexts {
      let doc = Document(text: text, file: "report")
      #expect(SharedTokensTests.words(doc.bodyTokens) == SharedTokensTests.words(Tokenizer.tokens(doc.bodyText)))
      for block in doc.blocks {
        #expect(SharedTokensTests.words(block.tokens) == SharedTokensTests.words(Tokenizer.tokens(block.text)))
      }
      let first20 = doc.blocks.prefix(20)
      #expect(DateExtractor.fromText(doc.bodyText, tokens: doc.bodyTokens.prefix(first20.reduce(0) { $0 + $1.tokens.count }))
        == DateExtractor.fromText(first20.map(\.text).joined(separator: "\n")))
      // (Sliced from the document's words, and gathered from the blocks'.)
      let outline = Outline.sections(of: doc)
      for (section, gathered) in zip(outline, Outline.sections(doc.blocks)) {
        #expect(SharedTokensTests.words(section.tokens) == SharedTokensTests.words(Tokenizer.tokens(section.text)))
        #expect(section.tokens.map(\.start) == gathered.tokens.map(\.start))
      }
      for c in extractor.talks(in: outline, author: nil) {
        talks += 1
        #expect(SharedTokensTests.words(c.tokens) == SharedTokensTests.words(Tokenizer.tokens(c.text)), "\(c.title)")
      }
    }
    #expect(talks > 20)
  }

  /// A section's words, then its heading's with the first one's sentence start from
  /// `firstWordStartsSentence`, are the words of "section heading".
  @Test func wordsAfterASpaceStartASentenceAsTheJoinedTextSays() {
    var random = SeededGenerator(seed: 43)
    for _ in 0..<3000 {
      let a = ByteScanTests.randomText(&random, length: random.below(12))
      let b = ByteScanTests.randomText(&random, length: random.below(12))
      var second = Tokenizer.tokens(b)
      if !second.isEmpty { second[0].startsSentence = Tokenizer.firstWordStartsSentence(b, after: a) }
      #expect(SharedTokensTests.words(Tokenizer.tokens(a + " " + b)) == SharedTokensTests.words(Tokenizer.tokens(a) + second), "\(a.debugDescription) \(b.debugDescription)")
    }
  }
}
