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

  /// Read on every search, with ``JSONValue`` (JSONDecoder's or JSONSerialization's first use
  /// costs as much as the rest of a rare-word query).
  public static func load(from dataDirectory: URL) throws -> Synonyms {
    let url = dataDirectory.appendingPathComponent("synonyms.json")
    let json: JSONValue
    do {
      json = try JSONValue.parse(Array(try Data(contentsOf: url)))
    } catch {
      throw KubeConError.badCatalog(url.path, reason: "\(error)")
    }
    let shape = KubeConError.badCatalog(url.path, reason: "expected {\"groups\": [[\"word\", ...], ...]}")
    guard let raw = json["groups"]?.array else { throw shape }
    let groups = try raw.map { group -> [String] in
      guard let members = group.array, case let words = members.compactMap(\.string), words.count == members.count else { throw shape }
      return words
    }
    return Synonyms(groups: groups)
  }
}
