import Foundation
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
}
