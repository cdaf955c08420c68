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

  /// Read on every search: `JSONSerialization` instead of `JSONDecoder`, whose first use costs a
  /// search as much as the rest of a rare-word query.
  public static func load(from dataDirectory: URL) throws -> Synonyms {
    let url = dataDirectory.appendingPathComponent("synonyms.json")
    let object: Any
    do {
      object = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
    } catch {
      throw KubeConError.badCatalog(url.path, reason: "\(error)")
    }
    guard let groups = (object as? [String: Any])?["groups"] as? [[String]] else {
      throw KubeConError.badCatalog(url.path, reason: "expected {\"groups\": [[\"word\", ...], ...]}")
    }
    return Synonyms(groups: groups)
  }
}
