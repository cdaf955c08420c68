import KubeConKit

/// `kubecon reports`: the reports of the corpus.
enum ReportsCommand: Command {
  /// The options, declared once: the spec lists them and `run` reads them.
  enum Option {
    static let year = OptionSpec(name: "--year", valueName: "year", help: "Only reports about this year's editions.")
    static let lang = OptionSpec(name: "--lang", valueName: "fr|en", help: "Only reports in this language.")
  }

  static let spec = CommandSpec(
    name: "reports", abstract: "List the reports of the corpus.",
    options: [
      Option.year, Option.lang,
      CommandSpec.jsonOption, CommandSpec.corpusOption,
    ])

  struct Out: Encodable {
    var id, file, title, language: String
    @Nullable var date: String?
    @Nullable var edition: EditionRef?
    @Nullable var author: String?
    @Nullable var organization: String?
    var translations: [String]
    var talks: Int

    enum CodingKeys: String, CodingKey { case id, file, title, language, date, edition, author, organization, translations, talks }
  }

  static func run(_ ctx: Context) throws {
    let corpus = try ctx.corpus()
    let year = try ctx.args.value(Option.year).map { try Resolve.year($0, in: corpus.reports) }
    let lang = try ctx.args.value(Option.lang).map(Resolve.language)
    let reports = corpus.reports.filter { r in (year == nil || r.edition?.year == year) && (lang == nil || r.language == lang) }
    if ctx.json {
      try ctx.printJSON(reports.map {
        Out(id: $0.id, file: $0.file, title: $0.title, language: $0.language, date: $0.date, edition: $0.edition,
            author: $0.author, organization: $0.organization, translations: $0.translations, talks: $0.talks.count)
      })
      return
    }
    var table = Table([("ID", .fixed), ("LANG", .fixed), ("EDITION", .truncating), ("DATE", .fixed), ("TALKS", .fixed), ("TITLE", .truncating)])
    for r in reports {
      table.add([r.id, r.language, r.edition?.label ?? "—", r.date ?? "—", String(r.talks.count), r.title])
    }
    ctx.write(table.render(width: ctx.width, style: ctx.style))
    ctx.print("\(counted(reports.count, "report"))")
  }
}
