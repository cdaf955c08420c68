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
    // FIPS 180-4's two-block and million-byte vectors, and an empty message.
    #expect(SHA256.hex(Data("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    #expect(SHA256.hex(Data(repeating: 0x61, count: 1_000_000)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    #expect(SHA256.hex(Data()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
  }
}

import Foundation
