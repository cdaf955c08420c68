import Foundation
import Testing
@testable import KubeConKit

@Suite struct TextDecodingTests {
  @Test func stripsBOMAndNormalizesNewlines() throws {
    let data = Data([0xEF, 0xBB, 0xBF] + Array("Titre\r\nLigne\rFin".utf8))
    let decoded = try TextDecoding.decode(data, path: "a.txt")
    #expect(decoded.text == "Titre\nLigne\nFin")
    #expect(decoded.warnings.isEmpty)
  }

  /// Accents written as marks of their own (macOS's decomposed form) are composed with their
  /// letters; composed text, and text with other scalars of those lead bytes, keep their bytes.
  @Test func composesDecomposedAccents() throws {
    let composed = "Sécurité, déploiement à l'échelle, Ελληνικά ͵"
    let decomposed = composed.decomposedStringWithCanonicalMapping
    #expect(Array(decomposed.utf8) != Array(composed.utf8))
    #expect(Array(try TextDecoding.decode(Data(decomposed.utf8), path: "a.md").text.utf8) == Array(composed.utf8))
    #expect(Array(try TextDecoding.decode(Data(composed.utf8), path: "a.md").text.utf8) == Array(composed.utf8))
  }

  /// A report written decomposed reads as the same report written composed: its words, themes
  /// and projects, and its text.
  @Test func aDecomposedReportReadsAsTheComposedOne() throws {
    let text = """
      # KubeCon Europe 2024 à Paris

      La sécurité de la plateforme était partout : sécurité des images, sécurité des chaînes \
      d'approvisionnement, politiques de sécurité et conformité. Démonstration d'Argo CD et de Kyverno.
      """
    let composed = try Fixtures.parse(text.precomposedStringWithCanonicalMapping).report
    let decomposed = try Fixtures.parse(text.decomposedStringWithCanonicalMapping).report
    #expect(composed.themes.contains("security"))
    #expect(decomposed.themes == composed.themes)
    #expect(decomposed.projects == composed.projects)
    #expect(decomposed.sections.map { Array($0.text.utf8) } == composed.sections.map { Array($0.text.utf8) })
  }

  @Test func refusesBinaryNamingTheFile() {
    #expect(throws: KubeConError.notText("img.png", reason: "binary data (NUL byte at offset 3)")) {
      try TextDecoding.decode(Data([0x89, 0x50, 0x4E, 0x00, 0x01]), path: "img.png")
    }
  }

  @Test func readsLatin1WithAWarning() throws {
    // "Sécurité" in Windows-1252.
    let decoded = try TextDecoding.decode(Data([0x53, 0xE9, 0x63, 0x75, 0x72, 0x69, 0x74, 0xE9, 0x20, 0x6F, 0x6B]), path: "l.txt")
    #expect(decoded.text == "Sécurité ok")
    #expect(decoded.warnings.count == 1)
  }

  @Test func refusesInvalidUTF8Garbage() {
    let garbage = Data((0..<64).map { UInt8(0x80 + ($0 % 16)) })
    #expect(throws: KubeConError.self) { try TextDecoding.decode(garbage, path: "g.txt") }
  }

  @Test func refusesAnEmptyFile() {
    #expect(throws: KubeConError.emptyReport("e.md")) { try TextDecoding.decode(Data(" \n".utf8), path: "e.md") }
  }
}
