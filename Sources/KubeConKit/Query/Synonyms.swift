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

  public static func load(from dataDirectory: URL) throws -> Synonyms {
    struct File: Decodable { var groups: [[String]] }
    let url = dataDirectory.appendingPathComponent("synonyms.json")
    do {
      return Synonyms(groups: try JSONDecoder().decode(File.self, from: Data(contentsOf: url)).groups)
    } catch {
      throw KubeConError.badCatalog(url.path, reason: "\(error)")
    }
  }
}
