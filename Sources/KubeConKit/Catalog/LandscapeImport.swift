import Foundation

/// Makes the project catalog from the CNCF landscape (`items.tsv`: name, category, subcategory,
/// maturity, accepted, incubating, graduated, archived, repo_url, homepage_url) merged with the
/// catalog as it is: its entries keep their names, aliases, categories and spelling rules, and
/// take the landscape's maturity, dates, repository and homepage; the landscape's other items are
/// added; the catalog's entries the landscape lacks stay. The same inputs give the same bytes.
public enum LandscapeImport {
  public struct Item: Equatable, Sendable {
    var name: String
    var category: String
    var subcategory: String
    var maturity: String?
    var accepted, incubating, graduated, archived, repo, homepage: String?
  }

  /// The items of a landscape TSV; a line that is not one is a warning naming the file and line.
  public static func items(tsv text: String, file: String) throws -> (items: [Item], warnings: [Diagnostic]) {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
    guard let header = lines.first?.split(separator: "\t", omittingEmptySubsequences: false).map(String.init),
      let n = header.firstIndex(of: "name"), let c = header.firstIndex(of: "category"), let sc = header.firstIndex(of: "subcategory")
    else { throw KubeConError.badCatalog(file, reason: "expected a TSV with name, category and subcategory columns") }
    func column(_ name: String) -> Int? { header.firstIndex(of: name) }
    let (m, a, i, g, ar, repo, home) = (column("maturity"), column("accepted"), column("incubating"), column("graduated"), column("archived"), column("repo_url"), column("homepage_url"))
    var items: [Item] = []
    var warnings: [Diagnostic] = []
    for (k, line) in lines.enumerated().dropFirst() where !line.isEmpty {
      let f = line.split(separator: "\t", omittingEmptySubsequences: false).map { String($0).trimmingCharacters(in: .whitespaces) }
      guard f.count == header.count, !f[n].isEmpty else {
        warnings.append(Diagnostic(file: file, line: k + 1, message: "expected \(header.count) tab-separated fields with a name", fallback: "skipped"))
        continue
      }
      func value(_ index: Int?) -> String? { index.flatMap { f[$0].isEmpty ? nil : f[$0] } }
      items.append(Item(
        name: f[n], category: f[c], subcategory: f[sc], maturity: value(m), accepted: value(a), incubating: value(i),
        graduated: value(g), archived: value(ar), repo: value(repo), homepage: value(home)))
    }
    return (items, warnings)
  }

  /// The landscape's name without a bracketed short form, and that form (`Azure Kubernetes
  /// Service (AKS)` → `Azure Kubernetes Service`, `AKS`).
  static func split(_ name: String) -> (name: String, short: String?) {
    guard name.hasSuffix(")"), let open = name.lastIndex(of: "(") else { return (name, nil) }
    let base = name[..<open].trimmingCharacters(in: .whitespaces)
    let short = name[name.index(after: open)..<name.index(before: name.endIndex)].trimmingCharacters(in: .whitespaces)
    guard !base.isEmpty else { return (name, nil) }
    return (base, short.isEmpty ? nil : short)
  }

  /// Whether a name is an ordinary word: one word whose folded form is in the list.
  static func isOrdinary(_ name: String, words: Set<String>) -> Bool {
    !name.contains(" ") && words.contains(Folding.fold(name))
  }

  /// - Parameters:
  ///   - ordinaryWords: folded ordinary English and French words (`Data/ordinary-words.txt`).
  ///   - categories: `Category / Subcategory` or `Subcategory` of the landscape → a catalog category.
  static func merge(
    _ current: [ProjectInfo], with items: [Item], ordinaryWords: Set<String>, categories: [String: String]
  ) -> [ProjectInfo] {
    var projects = current
    var byName: [String: Int] = [:]
    for (k, p) in projects.enumerated() {
      for n in [p.name] + p.aliases where byName[Folding.fold(n)] == nil { byName[Folding.fold(n)] = k }
    }
    for item in items {
      let (name, short) = split(item.name)
      var aliases: [String] = []
      // (Only an acronym: `(AKS)`, not `(member)` or `(Wasm)`.)
      if let short, (2...6).contains(short.count), short.allSatisfy({ $0.isUppercase || $0.isNumber }), short.contains(where: \.isLetter),
        !ordinaryWords.contains(Folding.fold(short))
      {
        aliases.append(short)
      }
      // `argo-cd` for Argo CD: a repository named as the project is.
      if let repo = item.repo.flatMap({ URL(string: $0)?.lastPathComponent }), repo.contains("-"),
        Folding.fold(repo.replacingOccurrences(of: "-", with: "")) == Folding.fold(name.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "-", with: ""))
      {
        if Folding.fold(repo) != Folding.fold(name) { aliases.append(repo) }
      }
      let landscape = ProjectInfo.Landscape(
        category: item.category, subcategory: item.subcategory, accepted: item.accepted, incubating: item.incubating,
        graduated: item.graduated, archived: item.archived, repo: item.repo, homepage: item.homepage)
      let maturity = item.maturity.map(Folding.fold)
      if let k = ([item.name, name] + aliases).lazy.compactMap({ byName[Folding.fold($0)] }).first {
        var p = projects[k]
        guard p.landscape == nil else { continue }  // (the first item of a name)
        p.landscape = landscape
        p.maturity = maturity
        for a in aliases where !([p.name] + p.aliases).contains(where: { Folding.fold($0) == Folding.fold(a) }) { p.aliases.append(a) }
        projects[k] = p
        continue
      }
      // (Names of one or two letters, `Go`, or starting or ending with a sign, `C++`, `.NET`,
      // cannot be told by words.)
      guard name.count >= 3, name.first?.isLetter == true || name.first?.isNumber == true,
        name.last?.isLetter == true || name.last?.isNumber == true
      else { continue }
      let category = categories["\(item.category) / \(item.subcategory)"] ?? categories[item.subcategory] ?? categories[item.category] ?? "platform"
      let ordinary = isOrdinary(name, words: ordinaryWords)
      // A product outside the CNCF with no repository is a company's, mostly named for it.
      let product = maturity == nil && item.repo == nil
      projects.append(ProjectInfo(
        name: name, aliases: aliases, maturity: maturity, category: category, ordinary: ordinary, organization: product, landscape: landscape))
      for n in [name] + aliases where byName[Folding.fold(n)] == nil { byName[Folding.fold(n)] = projects.count - 1 }
    }
    // Every entry's ordinariness from the word list (a curated exact spelling stays).
    for k in projects.indices {
      let ordinary = isOrdinary(projects[k].name, words: ordinaryWords)
      projects[k].ordinary = ordinary
      projects[k].caseSensitive = projects[k].caseSensitive || ordinary
    }
    return projects.sorted { (Folding.fold($0.name), $0.name) < (Folding.fold($1.name), $1.name) }
  }

  /// The catalog file: its `about`, then one project per line as JSONEncoder writes it (keys sorted).
  static func encode(_ projects: [ProjectInfo], about: String) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    var out = "{\n  \"about\": " + String(decoding: try encoder.encode(about), as: UTF8.self) + ",\n  \"projects\": [\n"
    for (k, p) in projects.enumerated() {
      let line = String(decoding: try encoder.encode(p), as: UTF8.self)
      out += "    " + line + (k == projects.count - 1 ? "\n" : ",\n")
    }
    return Data((out + "  ]\n}\n").utf8)
  }
}

extension LandscapeImport {
  /// The catalog a Data folder's `projects.json` becomes with the landscape's items, read with
  /// the folder's `ordinary-words.txt` and `landscape-categories.json`; its bytes.
  public static func catalog(dataDirectory: URL, items: [Item]) throws -> Data {
    func read(_ name: String) throws -> Data {
      let url = dataDirectory.appendingPathComponent(name)
      do { return try Data(contentsOf: url) } catch { throw KubeConError.badCatalog(url.path, reason: "\(error.localizedDescription)") }
    }
    let current = try JSONDecoder().decode(ProjectsFile.self, from: try read("projects.json"))
    let words = Set(String(decoding: try read("ordinary-words.txt"), as: UTF8.self).split(separator: "\n")
      .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("#") })
    let categories: [String: String]
    do {
      categories = try JSONDecoder().decode(CategoriesFile.self, from: try read("landscape-categories.json")).categories
    } catch let e as KubeConError { throw e } catch {
      throw KubeConError.badCatalog(dataDirectory.appendingPathComponent("landscape-categories.json").path, reason: "\(error)")
    }
    let merged = merge(current.projects, with: items, ordinaryWords: words, categories: categories)
    return try encode(merged, about: current.about)
  }

  struct ProjectsFile: Decodable {
    var about: String
    var projects: [ProjectInfo]
  }

  struct CategoriesFile: Decodable {
    var categories: [String: String]
  }
}
