/// A theme of the taxonomy `Data/themes.json`.
public struct ThemeInfo: Codable, Hashable, Sendable {
  public struct Keywords: Codable, Hashable, Sendable {
    public var en: [String]
    public var fr: [String]
  }

  public var id: String
  public var labels: Labels
  public var keywords: Keywords
  /// Project categories that count as evidence for the theme.
  public var categories: [String]
}
