/// A theme of the taxonomy `Data/themes.json`.
public struct ThemeInfo: Codable, Hashable, Sendable {
  struct Keywords: Codable, Hashable, Sendable {
    var en: [String] = []
    var fr: [String] = []
  }

  public var id = ""
  public var labels = Labels()
  var keywords = Keywords()
  /// Project categories that count as evidence for the theme.
  var categories: [String] = []
}

extension ThemeInfo: FieldListed {
  mutating func fields<V: FieldVisitor>(_ v: inout V) throws(V.Failure) {
    try v.field("categories", &categories)
    try v.field("id", &id)
    try v.field("keywords", &keywords)
    try v.field("labels", &labels)
  }
}

extension ThemeInfo.Keywords: FieldListed {
  mutating func fields<V: FieldVisitor>(_ v: inout V) throws(V.Failure) {
    try v.field("en", &en)
    try v.field("fr", &fr)
  }
}
