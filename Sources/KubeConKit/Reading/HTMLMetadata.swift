import Foundation

/// What a saved page says of itself: its title, date, author and language.
extension HTMLPage {
  struct Metadata {
    var title: String?
    var date: String?
    var author: String?
    var language: String?

    init(_ root: HTMLNode) {
      var metas: [String: String] = [:]
      var pageTitle: String?
      var firstH1: String?
      var firstTime: String?
      var ld: [Any] = []
      root.visit { node in
        switch node.name {
        case "meta":
          let key = (node.attributes["property"] ?? node.attributes["name"] ?? node.attributes["itemprop"]
            ?? node.attributes["http-equiv"])?.lowercased()
          if let key, let content = node.attributes["content"], metas[key] == nil { metas[key] = content }
        case "title": if pageTitle == nil { pageTitle = HTMLNode.collapse(node.rawText) }
        case "h1": if firstH1 == nil { firstH1 = HTMLNode.collapse(node.text) }
        case "time": if firstTime == nil { firstTime = node.attributes["datetime"] }
        case "script":
          if node.attributes["type"]?.lowercased() == "application/ld+json",
            let object = try? JSONSerialization.jsonObject(with: Data(node.rawText.utf8), options: [.fragmentsAllowed])
          {
            ld.append(object)
          }
        default: break
        }
      }
      let linked = LinkedData(ld)
      let site = metas["og:site_name"]
      title = [metas["og:title"], metas["twitter:title"], linked.string("headline"), pageTitle.map { HTMLPage.withoutSiteName($0, site: site) }, firstH1]
        .compactMap { $0.map(HTMLNode.collapse) }.first { !$0.isEmpty }
      let dates = [
        metas["article:published_time"], linked.string("datePublished"), metas["datepublished"], metas["date"],
        metas["dc.date"], metas["dc.date.issued"], metas["pubdate"], metas["publish-date"], firstTime,
        metas["article:modified_time"], linked.string("dateModified"),
      ]
      date = dates.compactMap { $0.flatMap(HTMLPage.isoDay) }.first
      let authors = [metas["author"], linked.author, metas["article:author"], metas["twitter:creator"]]
      author = authors.compactMap { $0.map(HTMLNode.collapse) }.first { !$0.isEmpty && !$0.contains("://") && !$0.hasPrefix("@") }
      let languages = [root.first { $0.name == "html" }?.attributes["lang"], metas["content-language"], metas["og:locale"], linked.string("inLanguage")]
      language = languages.compactMap { $0.flatMap(HTMLPage.languageCode) }.first
    }
  }

  /// JSON-LD objects, `@graph` included.
  struct LinkedData {
    var objects: [[String: Any]] = []

    init(_ roots: [Any]) {
      var stack = roots
      while let next = stack.popLast() {
        if let array = next as? [Any] {
          stack += array.reversed()
        } else if let object = next as? [String: Any] {
          objects.append(object)
          if let graph = object["@graph"] { stack.append(graph) }
        }
      }
    }

    func string(_ key: String) -> String? {
      objects.lazy.compactMap { $0[key] as? String }.first
    }

    var author: String? {
      for object in objects {
        let value = object["author"] ?? object["creator"]
        if let s = value as? String { return s }
        if let o = value as? [String: Any], let name = o["name"] as? String { return name }
        if let list = value as? [Any] {
          let names = list.compactMap { ($0 as? [String: Any])?["name"] as? String ?? $0 as? String }
          if !names.isEmpty { return names.joined(separator: ", ") }
        }
      }
      return nil
    }
  }

  /// "2025-04-10T08:00:00+02:00" gives "2025-04-10".
  static func isoDay(_ value: String) -> String? {
    let v = value.trimmingCharacters(in: .whitespaces)
    let day = v.prefix(10)
    let parts = day.split(separator: "-")
    guard day.count == 10, parts.count == 3, parts[0].count == 4, parts.allSatisfy({ $0.allSatisfy(\.isNumber) }) else { return nil }
    return String(day)
  }

  /// "fr-FR", "fr_FR", "en" give "fr", "fr", "en".
  static func languageCode(_ value: String) -> String? {
    let code = value.trimmingCharacters(in: .whitespaces).prefix { $0.isLetter }.lowercased()
    return code.count == 2 ? code : nil
  }

  /// "My recap | Acme Blog" without " | Acme Blog" when the page names its site so.
  static func withoutSiteName(_ title: String, site: String?) -> String {
    guard let site, !site.isEmpty else { return title }
    for separator in [" | ", " - ", " – ", " — ", " · "] where title.hasSuffix(separator + site) {
      return String(title.dropLast(separator.count + site.count))
    }
    return title
  }
}
