import Foundation

/// Finds the `Data/` folder (catalogs and bundled corpus) without `Bundle.module`, so that both
/// `swift run` in the repository and a copied release binary work.
///
/// Order: `KUBECON_DATA`; next to the executable (`<bin>/Data`, `<bin>/../share/kubecon`,
/// `<bin>/../Data`, and the package root above `.build/...`); the current directory's `Data`;
/// the repository this library was compiled from.
public struct DataLocator: Sendable {
  var environment: [String: String]
  var executablePath: String
  var currentDirectory: String

  public init(
    environment: [String: String] = ProcessInfo.processInfo.environment,
    executablePath: String = CommandLine.arguments.first ?? "",
    currentDirectory: String = FileManager.default.currentDirectoryPath
  ) {
    self.environment = environment
    self.executablePath = executablePath
    self.currentDirectory = currentDirectory
  }

  /// The folders that are tried, in order.
  public var candidates: [String] {
    var list: [String] = []
    if let env = environment["KUBECON_DATA"], !env.isEmpty { list.append(env) }
    let exe = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath().deletingLastPathComponent()
    list.append(exe.appendingPathComponent("Data").path)
    list.append(exe.appendingPathComponent("../share/kubecon").standardized.path)
    list.append(exe.appendingPathComponent("../Data").standardized.path)
    // <root>/.build/<triple>/<config>/kubecon
    list.append(exe.appendingPathComponent("../../../Data").standardized.path)
    list.append(URL(fileURLWithPath: currentDirectory).appendingPathComponent("Data").path)
    let source = URL(fileURLWithPath: #filePath)  // <root>/Sources/KubeConKit/Catalog/DataLocator.swift
    list.append(source.appendingPathComponent("../../../../Data").standardized.path)
    var seen = Set<String>()
    return list.filter { seen.insert($0).inserted }
  }

  /// The first candidate that holds the catalogs.
  /// - Throws: ``KubeConError/catalogMissing(tried:)`` listing every folder tried.
  public func dataDirectory() throws -> URL {
    for path in candidates
    where FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent("projects.json")) {
      return URL(fileURLWithPath: path)
    }
    throw KubeConError.catalogMissing(tried: candidates)
  }
}
