import Testing
@testable import KubeConKit

/// Catalog phrases found in a text's words (`Extraction/PhraseMatcher.swift`).
@Suite struct PhraseMatcherTests {
  static func found(_ matcher: PhraseMatcher<String>, _ text: String) -> [String] {
    matcher.matches(in: Tokenizer.tokens(text)).map(\.value)
  }

  @Test func phrasesMatchWholeWordsTheLongestFirstWithoutOverlap() {
    var m = PhraseMatcher<String>()
    m.add("open telemetry", value: "otel")
    m.add("open", value: "open")
    m.add("telemetry collector", value: "collector")
    #expect(PhraseMatcherTests.found(m, "Open Telemetry collector, then open source") == ["otel", "open"])
    // Whole words only: a phrase inside a longer word is none.
    #expect(PhraseMatcherTests.found(m, "reopened telemetrycollector").isEmpty)
    // Folded: case and accents do not count.
    #expect(PhraseMatcherTests.found(m, "OPEN télémétrie") == ["open"])
  }

  @Test func aCaseSensitiveOrAllCapsPhraseMatchesItsSpellingOnly() {
    var m = PhraseMatcher<String>()
    m.add("Flux", value: "flux", caseSensitive: true)
    m.add("AI", value: "ai")
    #expect(PhraseMatcherTests.found(m, "le flux de données") == [])
    #expect(PhraseMatcherTests.found(m, "Flux and AI, j'ai vu") == ["flux", "ai"])
  }

  @Test func aPhraseEndingInAStarMatchesWordsThatStartWithIt() {
    var m = PhraseMatcher<String>()
    m.add("observab*", value: "observability")
    m.add("service mesh*", value: "mesh")
    #expect(PhraseMatcherTests.found(m, "Observability, l'observabilité, service meshes") == ["observability", "observability", "mesh"])
    #expect(PhraseMatcherTests.found(m, "observe").isEmpty)
  }

  @Test func matchesCountTokensFromTheWholeTextAndKnowSentenceStarts() {
    var m = PhraseMatcher<String>()
    m.add("helm", value: "helm")
    let tokens = Tokenizer.tokens("We used Helm. Helm charts")
    let all = m.matches(in: tokens)
    #expect(all.map(\.token) == [2, 3])
    #expect(all.map(\.sentenceInitial) == [false, true])
    let part = m.matches(in: tokens[3...])
    #expect(part.map(\.token) == [3])
  }
}
