import Foundation

/// The general knowledge extraction relies on: projects, themes and editions, read from `Data/`.
public struct Catalog: Sendable {
  var projects: [ProjectInfo]
  public var themes: [ThemeInfo]
  public var editions: [Edition]
  /// Region id to the ways reports name it (`EU`: Europe, européenne, ...).
  var regionNames: [String: [String]]
  /// The editions' official programs (`schedules/`), read when an edition is first asked for.
  public var programs: Programs
  /// The short forms of organizations' names (`organizations.json`).
  var organizations: Organizations

  init(
    projects: [ProjectInfo], themes: [ThemeInfo], editions: [Edition], regionNames: [String: [String]],
    programs: Programs = .none, organizations: Organizations = .none
  ) {
    self.projects = projects
    self.themes = themes
    self.editions = editions
    self.regionNames = regionNames
    self.programs = programs
    self.organizations = organizations
  }

  /// Reads `projects.json`, `themes.json`, `editions.json` and `organizations.json` from a Data folder.
  ///
  /// Read by ``JSONReader``, with JSONDecoder's rules: every command that reads reports starts by
  /// this, and JSONDecoder's first use is slow (BENCHMARKS.md).
  /// - Throws: ``KubeConError/badCatalog(_:reason:)`` naming the file that could not be read.
  /// - Parameter scheduleFolders: where programs are read from, the first folder with an edition's
  ///   first (default: the user's schedules, then the Data folder's `schedules/`).
  public static func load(from dataDirectory: URL, scheduleFolders: [String]? = nil) throws -> Catalog {
    func read<T>(_ name: String, _ body: (inout JSONReader) throws -> T) throws -> T {
      let url = dataDirectory.appendingPathComponent(name)
      do {
        return try Data(contentsOf: url).withUnsafeBytes { try JSONReader.read($0.bindMemory(to: UInt8.self), body) }
      } catch {
        throw KubeConError.badCatalog(url.path, reason: "\(error)")
      }
    }
    /// The one field of a file's object that matters (the others, like "about", are skipped).
    func field<T>(_ name: String, _ r: inout JSONReader, _ read: (inout JSONReader) throws -> T) throws -> T {
      var value: T?
      try r.object { r, key in
        if key == name { value = try read(&r) } else { try r.skip() }
      }
      return try required(value, name)
    }
    let projects: [ProjectInfo] = try read("projects.json") { r in try field("projects", &r) { try $0.list() } }
    let themes: [ThemeInfo] = try read("themes.json") { r in try field("themes", &r) { try [ThemeInfo].read(json: &$0, []) } }
    let editions = try read("editions.json") { r -> (editions: [Edition], regionNames: [String: [String]]) in
      var editions: [Edition]?
      var regionNames: [String: [String]]?
      try r.object { r, key in
        switch key {
        case "editions": editions = try [Edition].read(json: &r, [])
        case "regionNames":
          var names: [String: [String]] = [:]
          try r.object { r, region in names[region] = try r.strings() }
          regionNames = names
        default: try r.skip()
        }
      }
      return (try required(editions, "editions"), try required(regionNames, "regionNames"))
    }
    let organizations = try read("organizations.json") { r in try Organizations.read(&r) }
    return Catalog(
      projects: projects, themes: themes, editions: editions.editions, regionNames: editions.regionNames,
      programs: Programs(folders: scheduleFolders ?? [ScheduleFiles.userFolder(), dataDirectory.appendingPathComponent("schedules").path]),
      organizations: organizations)
  }
}

extension ProjectInfo: JSONReadable {
  init(json r: inout JSONReader) throws {
    var name: String?, aliases: [String]?, maturity: String?, category: String?, caseSensitive: Bool?, ordinary: Bool?
    var organization: Bool?
    var landscape: Landscape?
    try r.object { r, key in
      switch key {
      case "name": name = try r.string()
      case "aliases": aliases = try r.null() ? nil : try r.strings()
      case "maturity": maturity = try r.optionalString()
      case "category": category = try r.string()
      case "caseSensitive": caseSensitive = try r.null() ? nil : try r.bool()
      case "ordinary": ordinary = try r.null() ? nil : try r.bool()
      case "organization": organization = try r.null() ? nil : try r.bool()
      case "landscape": landscape = try r.null() ? nil : try Landscape(json: &r)
      default: try r.skip()
      }
    }
    self.init(
      name: try required(name, "name"), aliases: aliases ?? [], maturity: maturity, category: try required(category, "category"),
      caseSensitive: caseSensitive ?? false, ordinary: ordinary ?? false, organization: organization ?? false, landscape: landscape)
  }
}

extension ProjectInfo.Landscape: JSONReadable {
  init(json r: inout JSONReader) throws {
    var fields: [String: String] = [:]
    try r.object { r, key in
      if let value = try r.optionalString() { fields[key] = value }
    }
    self.init(
      category: try required(fields["category"], "category"), subcategory: try required(fields["subcategory"], "subcategory"),
      accepted: fields["accepted"], incubating: fields["incubating"], graduated: fields["graduated"], archived: fields["archived"],
      repo: fields["repo"], homepage: fields["homepage"])
  }
}

extension Catalog {
  /// The maturity a project had at an edition (at its first day, else the middle of its year):
  /// `sandbox`, `incubating`, `graduated`, `archived`, or nil outside the CNCF then.
  public func maturity(of project: String, at edition: EditionRef) -> String? {
    guard let p = projects.first(where: { $0.name == project }) else { return nil }
    let day = editions.first { $0.id == edition.id }?.start ?? "\(edition.year)-06-30"
    return p.maturity(on: day)
  }
}
