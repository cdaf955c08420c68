import Foundation

/// A web page saved from the browser, read as a report: the article's text becomes markdown and
/// the page's title, date, author and language become front matter, so the rest of the reading
/// pipeline treats it like any markdown report.
///
/// Scripts, styles, navigation, headers, footers, asides, forms and comments are dropped; the
/// article is the largest `<article>`, else `<main>`, else the `<body>`. Each block is placed on
/// the line where it starts in the page when it can be, so warnings name real lines.
enum HTMLPage {
  /// By extension, or a text that starts with a doctype or an `<html>` tag.
  static func isHTML(_ text: String, file: String) -> Bool {
    let ext = FileReading.fileExtension(file)
    if ext == "html" || ext == "htm" || ext == "xhtml" { return true }
    // What follows the spaces in the first 512 characters; only its start is compared (cutting
    // 512 characters and lowercasing them cost as much as reading a report's blocks).
    // Lowercasing maps each scalar on its own: the start of the lowercased is the lowercased start.
    let rest = text.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
    let skipped = text.distance(from: text.startIndex, to: rest.startIndex)
    let start = rest.prefix(max(0, min(32, 512 - skipped))).lowercased()
    return start.hasPrefix("<!doctype html") || start.hasPrefix("<html")
  }

  /// The page as markdown with YAML front matter.
  static func markdown(from html: String) -> String {
    let root = HTMLTree.parse(html)
    let meta = Metadata(root)
    var out = MarkdownWriter()
    var fields: [(String, String)] = []
    if let t = meta.title { fields.append(("title", t)) }
    if let d = meta.date { fields.append(("date", d)) }
    if let a = meta.author { fields.append(("author", a)) }
    if let l = meta.language { fields.append(("lang", l)) }
    if !fields.isEmpty {
      out.lines.append("---")
      for (k, v) in fields { out.lines.append("\(k): \"\(v.replacingOccurrences(of: "\"", with: "\\\""))\"") }
      out.lines.append("---")
    }
    out.write(contentRoot(root))
    return out.lines.joined(separator: "\n") + "\n"
  }

  // MARK: - Choosing the article

  static func contentRoot(_ root: HTMLNode) -> HTMLNode {
    let articles = root.all { $0.name == "article" && !isBoilerplate($0, within: nil) }
    if let best = articles.max(by: { textLength($0) < textLength($1) }), textLength(best) > 0 { return best }
    if let main = root.first(where: { $0.name == "main" || $0.attributes["role"] == "main" }) { return main }
    return root.first { $0.name == "body" } ?? root
  }

  static func textLength(_ node: HTMLNode) -> Int {
    var n = 0
    for child in node.children {
      switch child {
      case .text(let t, _): n += t.utf8.count
      case .element(let e): if !skipped.contains(e.name) { n += textLength(e) }
      }
    }
    return n
  }

  /// Elements that never hold the article's text.
  static let skipped: Set<String> = [
    "script", "style", "noscript", "template", "svg", "nav", "header", "footer", "aside", "form", "button",
    "iframe", "select", "dialog", "figure", "head", "title", "meta", "link", "img", "video", "audio", "canvas", "object",
  ]
  static let boilerplateRoles: Set<String> = ["navigation", "banner", "contentinfo", "complementary", "search", "dialog"]
  /// Words of class and id values that mark page furniture.
  static let boilerplateWords: Set<String> = [
    "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "sidebar", "footer", "header", "masthead",
    "comment", "comments", "share", "sharing", "social", "related", "newsletter", "subscribe", "cookie", "cookies",
    "consent", "popup", "modal", "promo", "advert", "advertisement", "ads", "widget", "pagination", "toc",
  ]

  /// Page furniture by tag, role, visibility or class/id words; never a block that holds most of
  /// the article (a wrapper whose class happens to say "has-sidebar").
  static func isBoilerplate(_ node: HTMLNode, within total: Int?) -> Bool {
    if skipped.contains(node.name) { return true }
    if let role = node.attributes["role"], boilerplateRoles.contains(role) { return true }
    if node.attributes["hidden"] != nil || node.attributes["aria-hidden"] == "true" { return true }
    let names = ((node.attributes["class"] ?? "") + " " + (node.attributes["id"] ?? "")).lowercased()
    let words = names.split { !($0.isLetter || $0.isNumber) }
    guard words.contains(where: { boilerplateWords.contains(String($0)) }) else { return false }
    guard let total, total > 0 else { return true }
    return textLength(node) * 2 < total
  }
}
