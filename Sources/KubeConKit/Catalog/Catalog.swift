import Foundation

/// The general knowledge extraction relies on: projects, themes and editions, read from `Data/`.
public struct Catalog: Sendable {
  public var projects: [ProjectInfo]
  public var themes: [ThemeInfo]
  public var editions: [Edition]
  /// Region id to the ways reports name it (`EU`: Europe, européenne, ...).
  public var regionNames: [String: [String]]

  public init(projects: [ProjectInfo], themes: [ThemeInfo], editions: [Edition], regionNames: [String: [String]]) {
    self.projects = projects
    self.themes = themes
    self.editions = editions
    self.regionNames = regionNames
  }

  private struct ProjectsFile: Decodable { var projects: [ProjectInfo] }
  private struct ThemesFile: Decodable { var themes: [ThemeInfo] }
  private struct EditionsFile: Decodable {
    var editions: [Edition]
    var regionNames: [String: [String]]
  }

  /// Reads `projects.json`, `themes.json` and `editions.json` from a Data folder.
  /// - Throws: ``KubeConError/badCatalog(_:reason:)`` naming the file that could not be read.
  public static func load(from dataDirectory: URL) throws -> Catalog {
    func read<T: Decodable>(_ name: String, as type: T.Type) throws -> T {
      let url = dataDirectory.appendingPathComponent(name)
      do {
        return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
      } catch {
        throw KubeConError.badCatalog(url.path, reason: "\(error)")
      }
    }
    let projects = try read("projects.json", as: ProjectsFile.self).projects
    let themes = try read("themes.json", as: ThemesFile.self).themes
    let editions = try read("editions.json", as: EditionsFile.self)
    return Catalog(
      projects: projects, themes: themes, editions: editions.editions, regionNames: editions.regionNames)
  }
}
