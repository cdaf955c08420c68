import Foundation
import KubeConKit

/// `kubecon search QUERY...`: ranked full-text search over talks and report sections.
enum SearchCommand: Command {
  /// The options, declared once: the spec lists them and `run` reads them.
  enum Option {
    static let year = OptionSpec(name: "--year", valueName: "year", help: "Only this edition year.")
    static let lang = OptionSpec(name: "--lang", valueName: "fr|en", help: "Only reports in this language.")
    static let theme = OptionSpec(name: "--theme", valueName: "theme", help: "Only talks and reports with this theme.")
    static let type = OptionSpec(name: "--type", valueName: "talk|section|session", help: "Only hits of this type.")
    static let limit = OptionSpec(name: "--limit", valueName: "n", help: "At most n hits from the reports, and n sessions (default 10).")
  }

  static let spec = CommandSpec(
    name: "search", abstract: "Search talks and report sections, in French and English, then the program's sessions no report covers.",
    discussion: "Ranked by BM25 (titles weigh more than text). Accents, case and plurals do not matter; \"quoted words\"\nmatch as a phrase; synonyms and acronyms work across languages (dra, otel, observabilité).\nThen come the sessions of the official programs no report covers whose title, speakers or track hold\nevery word (type \"session\"; not with --lang or --theme).",
    arguments: [("query", "Words to look for.")], minArguments: 1, maxArguments: nil,
    options: [
      Option.year, Option.lang, Option.theme, Option.type, Option.limit,
      CommandSpec.jsonOption, CommandSpec.corpusOption,
    ])

  struct Out: Encodable {
    var type, id: String
    /// The report of a talk or section; nil for a session of the program.
    @Nullable var report: String?
    @Nullable var year: Int?
    var title: String
    var score: Double
    var snippet: String
    var translations: [String]
    /// A session's page (null for the reports' hits).
    @Nullable var url: String?
  }

  static let types = ["talk", "section", "session"]

  static func synonyms(_ ctx: Context) -> Synonyms {
    do {
      return try Synonyms.load(from: try ctx.locator.dataDirectory())
    } catch {
      ctx.warn("warning: \(error); searching without synonyms")
      return Synonyms(groups: [])
    }
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
    let synonyms = synonyms(ctx)
    let index = try corpusIndex.searchIndex(synonyms: synonyms)
    // (`ｄｒａ` typed in fullwidth is `dra`.)
    let query = Folding.compatibility(ctx.args.positionals.joined(separator: " "))
    // A year with a program but no report still has sessions to find.
    let year = try ctx.args.value(Option.year).map { raw in
      try Resolve.year(raw, among: Set(index.years).union(Int(raw) != nil ? try programYears(ctx) : []))
    }
    let lang = try ctx.args.value(Option.lang).map(Resolve.language)
    let theme = try ctx.args.value(Option.theme).map { try Resolve.theme($0, in: try corpusIndex.themes()).id }
    let limit = try ctx.args.count(Option.limit) ?? 10
    let type = try ctx.args.value(Option.type).map { raw in
      guard let t = types.first(where: { $0 == raw.lowercased() }) else {
        throw UsageError(Resolve.unknown("type", raw, types, candidates: types))
      }
      return t
    }
    let hits = type == "session" ? [] : try index.search(
      query, limit: limit, filter: SearchFilter(year: year, language: lang, theme: theme, kind: type.flatMap(SearchDocument.Kind.init)))
    let sessions = type == nil || type == "session" ? try sessionHits(
        query, year: year, lang: lang, theme: theme, limit: limit, synonyms: synonyms, covered: { (try? index.coveredSessions()) ?? [] }, ctx) : []
    if ctx.json {
      try ctx.printJSON(hits.map { h in
        Out(type: h.document.kind.rawValue, id: h.document.id, report: h.document.report, year: h.document.year,
            title: h.document.title, score: (h.score * 1000).rounded() / 1000,
            snippet: h.snippet.map { $0.1 ? "**\($0.0)**" : $0.0 }.joined(), translations: h.document.alsoIn)
      } + sessions.map { h in
        Out(type: "session", id: h.session.id, report: nil, year: h.year, title: h.session.title, score: Double(h.score),
            snippet: sessionLine(h.session), translations: [], url: h.session.url)
      })
      return
    }
    guard !hits.isEmpty || !sessions.isEmpty else {
      ctx.print("No results for '\(Terminal.sanitize(query))'.")
      if let close = try suggestions(for: query, in: index.vocabulary()) { ctx.print("Did you mean: \(close)?") }
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
    printSessions(sessions, after: hits.count, ctx)
  }

  /// Words of the corpus close to the query's words it lacks ("kubernets" → "kubernetes"): never
  /// a word of the query, nor for or of a stop word.
  static func suggestions(for query: String, in vocabulary: [String]) -> String? {
    let words = Tokenizer.tokens(query).map(\.folded)
    let known = Set(vocabulary)
    var close: [String] = []
    for w in words where !known.contains(w) && !Analyzer.stopWords.contains(w) {
      guard let c = Suggest.closest(to: w, in: vocabulary, maxDistance: 2), !words.contains(c), !Analyzer.stopWords.contains(c), !close.contains(c) else { continue }
      close.append(c)
    }
    return close.isEmpty ? nil : close.joined(separator: ", ")
  }

  static func programYears(_ ctx: Context) throws -> Set<Int> {
    let catalog = try ctx.catalog()
    let withPrograms = Set(catalog.programs.editions)
    return Set(catalog.editions.filter { withPrograms.contains($0.id) }.map(\.year))
  }

  struct SessionHit {
    var session: Session
    @Nullable var year: Int?
    var score: Int
  }

  /// Sessions of the programs (of `year`'s editions) that match the query and that no report
  /// of the corpus covers; none with --lang or --theme, which sessions do not have.
  static func sessionHits(
    _ query: String, year: Int?, lang: String?, theme: String?, limit: Int, synonyms: Synonyms, covered: () -> Set<String>, _ ctx: Context
  ) throws -> [SessionHit] {
    guard lang == nil, theme == nil else { return [] }
    // Only the programs are read, not the rest of the catalog; an edition's id ends with its year.
    let programs = Programs(folders: try ctx.scheduleFolders())
    let editions = programs.editions.filter { year == nil || Edition.year(ofId: $0) == year }
    // The covered sessions are read only when a session matches.
    var coveredIds: Set<String>? = nil
    let hits = programs.searchSessions(
      query, in: editions, with: SessionSearch(synonyms: synonyms), cacheFolder: ctx.cacheFolder, limit: limit,
      keep: { s in
        if coveredIds == nil { coveredIds = covered() }
        return coveredIds?.contains(s.id) != true
      })
    return hits.map { SessionHit(session: $0.session, year: Edition.year(ofId: $0.session.edition), score: $0.score) }
  }

  /// A session's speakers and track, on one line.
  static func sessionLine(_ s: Session) -> String {
    let speakers = s.speakers.map { $0.name + ($0.organization.map { " (\($0))" } ?? "") }.joined(separator: ", ")
    return [speakers, s.track ?? ""].filter { !$0.isEmpty }.joined(separator: " · ")
  }

  static func printSessions(_ sessions: [SessionHit], after count: Int, _ ctx: Context) {
    guard !sessions.isEmpty else { return }
    let s = ctx.style
    if count > 0 { ctx.print() }
    ctx.print(s.bold("Sessions of the program no report covers"))
    for (n, h) in sessions.enumerated() {
      ctx.print()
      ctx.print("\(count + n + 1). " + s.bold(Terminal.sanitize(h.session.title)) + s.dim("  [session]"))
      let line = sessionLine(h.session)
      ctx.print(s.dim("   " + h.session.edition + (line.isEmpty ? "" : " · " + Terminal.sanitize(line))))
      if let url = h.session.url { ctx.print("   " + s.dim(Terminal.sanitize(url))) }
      ctx.print("   " + s.dim("id: \(h.session.id)"))
    }
  }
}
