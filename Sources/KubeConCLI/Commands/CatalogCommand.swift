import Foundation
import KubeConKit

/// `kubecon catalog import ITEMS.TSV [--data DIR]`: the project catalog made again from the CNCF
/// landscape (for the maintainers of the bundled data).
enum CatalogCommand: Command {
  /// The options, declared once: the spec lists them and `run` reads them.
  enum Option {
    static let data = OptionSpec(name: "--data", valueName: "dir", help: "The Data folder whose projects.json is rewritten (default: the one in use).")
  }

  static let spec = CommandSpec(
    name: "catalog", abstract: "Merge the CNCF landscape's items into the project catalog (Data/projects.json).",
    discussion: """
      Reads the landscape's items (a TSV: name, category, subcategory, maturity, accepted, incubating,
      graduated, archived, repo_url, homepage_url). The catalog's entries keep their names, aliases,
      categories and spelling rules and take the landscape's maturity, dates, repository and homepage;
      the landscape's other items are added, with a category from landscape-categories.json; names in
      ordinary-words.txt are marked ordinary. The same files give the same bytes; the file is written
      atomically. Lines that cannot be read are warnings naming their line.
      Example: kubecon catalog import ../shared/landscape/items.tsv --data Data
      """,
    arguments: [("action", "import"), ("file", "The landscape's items.tsv.")], minArguments: 2, maxArguments: 2,
    options: [Option.data])

  static func run(_ ctx: Context) throws {
    guard ctx.args.positionals[0] == "import" else { throw UsageError("unknown action '\(ctx.args.positionals[0])'; valid: import") }
    let file = ctx.args.positionals[1]
    let data = try ctx.args.value(Option.data).map { URL(fileURLWithPath: ctx.absolute($0)) } ?? ctx.locator.dataDirectory()
    let text: String
    do {
      text = try String(contentsOfFile: ctx.absolute(file), encoding: .utf8)
    } catch {
      throw KubeConError.unreadable(file, reason: error.localizedDescription)
    }
    let (items, warnings) = try LandscapeImport.items(tsv: text, file: file)
    for w in warnings { ctx.warn(Terminal.sanitize(w.description)) }
    let bytes = try LandscapeImport.catalog(dataDirectory: data, items: items)
    let path = data.appendingPathComponent("projects.json").path
    let before = try? Data(contentsOf: URL(fileURLWithPath: path))
    if before != bytes { try CorpusStore.writeAtomically(bytes, to: path) }
    ctx.print("\(before == bytes ? "Unchanged" : "Wrote") \(Terminal.sanitize(path)) (\(counted(items.count, "landscape item")) read).")
  }
}
