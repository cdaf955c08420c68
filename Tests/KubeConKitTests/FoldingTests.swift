import Testing
@testable import KubeConKit

@Suite struct FoldingTests {
  @Test(arguments: [
    ("L’Observabilité", "l'observabilite"), ("Œuvre ÇA", "oeuvre ca"), ("KubeCon EU", "kubecon eu"),
    ("«Déploiement»", "\"deploiement\""),
  ])
  func foldsCaseAccentsAndQuotes(input: String, expected: String) {
    #expect(Folding.fold(input) == expected)
  }

  @Test func slugsAreReadableAndBounded() {
    #expect(Slug.make("More Nodes, More Problems: GPU/TPU") == "more-nodes-more-problems-gpu-tpu")
    #expect(Slug.make("Été à Londres") == "ete-a-londres")
    #expect(Slug.make(String(repeating: "word ", count: 40)).count <= 60)
    #expect(Slug.make("!!!") == "untitled")
  }

  @Test func tokensSplitElisionAndMarkSentenceStarts() {
    let tokens = Tokenizer.tokens("d’OpenTelemetry. Flux est là")
    #expect(tokens.map(\.text) == ["d", "OpenTelemetry", "Flux", "est", "là"])
    #expect(tokens[2].startsSentence)
    #expect(!tokens[3].startsSentence)
  }

  @Test func sha256MatchesKnownDigest() {
    #expect(SHA256.hex(Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
  }
}

import Foundation
