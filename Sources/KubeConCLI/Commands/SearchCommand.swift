import Foundation
import KubeConKit

/// `kubecon search QUERY...`: ranked full-text search over talks and report sections.
enum SearchCommand: Command {
  static let spec = CommandSpec(
    name: "search", abstract: "Search talks and report sections, in French and English.",
    discussion: "Ranked by BM25 (titles weigh more than text). Accents, case and plurals do not matter; \"quoted words\"\nmatch as a phrase; synonyms and acronyms work across languages (dra, otel, observabilité).",
    arguments: [("query", "Words to look for.")], minArguments: 1, maxArguments: nil,
    options: [
      OptionSpec(name: "--year", valueName: "year", help: "Only this edition year."),
      OptionSpec(name: "--lang", valueName: "fr|en", help: "Only reports in this language."),
      OptionSpec(name: "--theme", valueName: "theme", help: "Only talks and reports with this theme."),
      OptionSpec(name: "--limit", valueName: "n", help: "At most n hits (default 10)."),
      CommandSpec.jsonOption, CommandSpec.corpusOption,
    ])

  struct Out: Encodable {
    var type, id, report: String
    var year: Int?
    var title: String
    var score: Double
    var snippet: String
    var translations: [String]
  }

  static func synonyms(_ ctx: Context) -> Synonyms {
    guard let dir = try? ctx.locator.dataDirectory(), let s = try? Synonyms.load(from: dir) else {
      ctx.warn("warning: Data/synonyms.json not found; searching without synonyms")
      return Synonyms(groups: [])
    }
    return s
  }

  /// The other reports presenting a hit, for people: their languages ("fr"), or their count and
  /// languages when there are many ("285 other reports (en, fr)"); nil when there are none.
  static func alsoIn(_ d: SearchDocument) -> String? {
    guard !d.alsoIn.isEmpty else { return nil }
    let langs = d.alsoInLanguages
    guard d.alsoIn.count > 3 else { return (langs.isEmpty ? d.alsoIn : langs).joined(separator: ", ") }
    let distinct = Set(langs).sorted()
    return "\(d.alsoIn.count) other reports" + (distinct.isEmpty ? "" : " (\(distinct.joined(separator: ", ")))")
  }

  static func run(_ ctx: Context) throws {
    // Only the search sections and, for --theme, the themes are read: no corpus table is decoded.
    let corpusIndex = try ctx.index()
    let index = try corpusIndex.searchIndex(synonyms: synonyms(ctx))
    let query = ctx.args.positionals.joined(separator: " ")
    let year = try ctx.args.value("--year").map { try Resolve.year($0, among: Set(index.years)) }
    let lang = try ctx.args.value("--lang").map(Resolve.language)
    let theme = try ctx.args.value("--theme").map { try Resolve.theme($0, in: try corpusIndex.themes()).id }
    let limit = try ctx.args.integer("--limit") ?? 10
    let hits = try index.search(query, limit: limit, filter: SearchFilter(year: year, language: lang, theme: theme))
    if ctx.json {
      try ctx.printJSON(hits.map { h in
        Out(type: h.document.kind.rawValue, id: h.document.id, report: h.document.report, year: h.document.year,
            title: h.document.title, score: (h.score * 1000).rounded() / 1000,
            snippet: h.snippet.map { $0.1 ? "**\($0.0)**" : $0.0 }.joined(), translations: h.document.alsoIn)
      })
      return
    }
    guard !hits.isEmpty else {
      ctx.print("No results for '\(Terminal.sanitize(query))'.")
      let vocabulary = try index.vocabulary()
      let close = Tokenizer.tokens(query).compactMap { Suggest.closest(to: $0.folded, in: vocabulary, maxDistance: 2) }
      if !close.isEmpty { ctx.print("Did you mean: \(close.joined(separator: ", "))?") }
      return
    }
    let s = ctx.style
    for (n, h) in hits.enumerated() {
      let d = h.document
      let edition = d.edition ?? "—"
      ctx.print("\(n + 1). " + s.bold(Terminal.sanitize(d.title)) + s.dim("  [\(d.kind.rawValue)]"))
      var where_ = "   \(d.report) · \(edition)"
      if let also = alsoIn(d) { where_ += " · also in: " + also }
      ctx.print(s.dim(where_))
      let snippet = h.snippet.map { $0.1 ? s.highlight(Terminal.sanitize($0.0)) : Terminal.sanitize($0.0) }.joined()
      ctx.print("   " + snippet)
      ctx.print("   " + s.dim("id: \(d.id)"))
      if n < hits.count - 1 { ctx.print() }
    }
  }
}
