import Foundation

/// Groups of equivalent terms in both languages, from `Data/synonyms.json`.
public struct Synonyms: Sendable {
  let groups: [[String]]
  let byKey: [String: Int]

  public init(groups: [[String]]) {
    self.groups = groups
    var byKey: [String: Int] = [:]
    for (i, g) in groups.enumerated() { for member in g { byKey[Synonyms.key(member)] = i } }
    self.byKey = byKey
  }

  static func key(_ s: String) -> String { Tokenizer.tokens(s).map(\.folded).joined(separator: " ") }

  /// The other members of the group of `phrase`, analyzed.
  func alternatives(for phrase: String, analyzer: Analyzer) -> [[String]] {
    guard let g = byKey[Synonyms.key(phrase)] else { return [] }
    return groups[g].filter { Synonyms.key($0) != Synonyms.key(phrase) }.map { analyzer.terms($0, keepStopWords: true) }.filter { !$0.isEmpty }
  }

  /// Read on every search, with ``JSONReader`` (JSONDecoder's or JSONSerialization's first use
  /// costs as much as the rest of a rare-word query): `{"groups": [["word", ...], ...]}`.
  public static func load(from dataDirectory: URL) throws -> Synonyms {
    let url = dataDirectory.appendingPathComponent("synonyms.json")
    guard FileManager.default.fileExists(atPath: url.path) else { throw KubeConError.fileNotFound(url.path) }
    do {
      let data = try Data(contentsOf: url)
      return try data.withUnsafeBytes { raw in
        try JSONReader.read(raw.bindMemory(to: UInt8.self)) { r in
          var groups: [[String]]?
          try r.object { r, key in
            guard key == "groups" else { return try r.skip() }
            var list: [[String]] = []
            try r.array { r in list.append(try r.strings()) }
            groups = list
          }
          return Synonyms(groups: try required(groups, "groups"))
        }
      }
    } catch {
      throw KubeConError.badCatalog(url.path, reason: "\(error)")
    }
  }
}
