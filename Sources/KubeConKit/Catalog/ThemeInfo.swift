/// A theme of the taxonomy `Data/themes.json`.
public struct ThemeInfo: Codable, Hashable, Sendable {
  struct Keywords: Codable, Hashable, Sendable {
    var en: [String]
    var fr: [String]
  }

  public var id: String
  public var labels: Labels
  var keywords: Keywords
  /// Project categories that count as evidence for the theme.
  var categories: [String]
}
