import Testing
@testable import KubeConKit

@Suite struct FoldingTests {
  @Test(arguments: [
    ("L’Observabilité", "l'observabilite"), ("Œuvre ÇA", "oeuvre ca"), ("KubeCon EU", "kubecon eu"),
    ("«Déploiement»", "\"deploiement\""),
    // Accents written as combining marks go too.
    ("Se\u{301}curite\u{301} E\u{300}re", "securite ere"),
  ])
  func foldsCaseAccentsAndQuotes(input: String, expected: String) {
    #expect(Folding.fold(input) == expected)
  }

  /// Folding goes scalar by scalar, whatever their number and however much longer they fold.
  @Test func foldingIsScalarByScalarAndMayLengthen() {
    #expect(Folding.fold("İȺẞ") == "i\u{307}ⱥß")
    let long = String(repeating: "İȺ«Œuvre» ", count: 500)
    #expect(Folding.fold(long) == String(repeating: "i\u{307}ⱥ\"oeuvre\" ", count: 500))
    var random = SeededGenerator(seed: 5)
    let pieces = ["a", "É", "é", "ß", "İ", "’", "«", "🚀", "日本", "\u{301}", " ", "\u{00A0}", "Ⱥ", "K", "\u{212A}"]
    for _ in 0..<2000 {
      let a = (0..<random.below(12)).map { _ in random.pick(pieces) }.joined()
      let b = (0..<random.below(12)).map { _ in random.pick(pieces) }.joined()
      #expect(Folding.fold(a + b) == Folding.fold(a) + Folding.fold(b), "\(a.debugDescription) \(b.debugDescription)")
      #expect(Folding.fold(a) == a.unicodeScalars.map { Folding.fold(String($0)) }.joined())
    }
  }

  @Test func slugsAreReadableAndBounded() {
    #expect(Slug.make("More Nodes, More Problems: GPU/TPU") == "more-nodes-more-problems-gpu-tpu")
    #expect(Slug.make("Été à Londres") == "ete-a-londres")
    #expect(Slug.make(String(repeating: "word ", count: 40)).count <= 60)
    #expect(Slug.make("!!!") == "untitled")
  }

  /// Ids are claimed in order: a base, then its first free number from 2, around ids taken
  /// beforehand or claimed as bases of their own.
  @Test func uniqueIdsTakeTheFirstFreeNumber() {
    var ids = UniqueIds(taken: ["a", "a-3"])
    #expect(["a", "a", "a", "a-5", "a", "b", "b", "a-2"].map { ids.claim($0) } == ["a-2", "a-4", "a-5", "a-5-2", "a-6", "b", "b-2", "a-2-2"])
    // The same ids as counting from 2 at every claim.
    var fast = UniqueIds()
    var used = Set<String>()
    for k in 0..<300 {
      let base = ["x", "x-2", "y", "x-4"][k % 4]
      var id = base
      var n = 2
      while used.contains(id) { id = "\(base)-\(n)"; n += 1 }
      used.insert(id)
      #expect(fast.claim(base) == id)
    }
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
    // Around the block and padding edges (55, 56, 63, 64, 119, 120 bytes of "a"), as `sha256sum`
    // gives them.
    let edges: [(Int, String)] = [
      (55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
      (56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"),
      (63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"),
      (64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
      (119, "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb"),
      (120, "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c"),
    ]
    for (n, hex) in edges { #expect(SHA256.hex(Data(repeating: 0x61, count: n)) == hex, "\(n)") }
  }
}

import Foundation
