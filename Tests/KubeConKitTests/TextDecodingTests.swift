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
