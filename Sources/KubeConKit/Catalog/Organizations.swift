import Foundation

/// Organizations as one entity whatever their spelling: `Red Hat` and `RedHat`, `Google` and
/// `Google Cloud`, `CNCF` and `Cloud Native Computing Foundation` share a key. The short forms
/// come from `Data/organizations.json`; other names are compared by ``key(_:)``.
public struct Organizations: Sendable {
  public struct Entry: Sendable, Equatable {
    public var name: String
    public var aliases: [String]
  }

  let entries: [Entry]
  /// ``key(_:)`` of each name and alias → its entry.
  let byKey: [String: Int]

  init(_ entries: [Entry]) {
    self.entries = entries
    var byKey: [String: Int] = [:]
    for (i, e) in entries.enumerated() {
      for n in [e.name] + e.aliases where byKey[Organizations.key(n)] == nil { byKey[Organizations.key(n)] = i }
    }
    self.byKey = byKey
  }

  public static let none = Organizations([])

  /// An organization's name compared: folded, without a legal suffix (Inc., LLC, GmbH...), and
  /// only its letters and digits (`Red Hat`, `RedHat` and `red-hat` are `redhat`).
  public static func key(_ name: String) -> String {
    let folded = Folding.fold(name)
    var words = folded.split(whereSeparator: { $0 == " " || $0 == "," })
    while words.count > 1, let last = words.last, legalSuffixes.contains(String(last.utf8.last == 0x2E ? last.dropLast() : last)) {
      words.removeLast()
    }
    // Letters and digits only: ASCII by its bytes; other scalars (folding kept them) as they are.
    var out = String.UnicodeScalarView()
    for w in words {
      for u in w.unicodeScalars where (u.isASCII && (u.properties.isAlphabetic || ("0"..."9").contains(u))) || (!u.isASCII && u.properties.isAlphabetic) {
        out.append(u)
      }
    }
    return String(out)
  }

  static let legalSuffixes: Set<String> = [
    "inc", "llc", "ltd", "limited", "gmbh", "corp", "corporation", "co", "sa", "sas", "ag", "bv", "b.v", "plc", "se", "oy", "ab",
  ]

  /// The entry a name is a spelling of, if the data knows it.
  public func entry(for name: String) -> Entry? {
    byKey[Organizations.key(name)].map { entries[$0] }
  }

  /// The key an organization is known by: its entry's name's, else its own.
  public func key(for name: String) -> String {
    entry(for: name).map { Organizations.key($0.name) } ?? Organizations.key(name)
  }
}

extension Organizations {
  /// `organizations.json` of a Data folder alone (commands that need no other catalog).
  public static func load(from dataDirectory: URL) throws -> Organizations {
    let url = dataDirectory.appendingPathComponent("organizations.json")
    do {
      return try Data(contentsOf: url).withUnsafeBytes { try JSONReader.read($0.bindMemory(to: UInt8.self)) { try read(&$0) } }
    } catch {
      throw KubeConError.badCatalog(url.path, reason: "\(error)")
    }
  }

  /// Reads `{"organizations": [{"name": ..., "aliases": [...]}, ...]}`.
  static func read(_ r: inout JSONReader) throws -> Organizations {
    var entries: [Entry]?
    try r.object { r, key in
      guard key == "organizations" else { return try r.skip() }
      var list: [Entry] = []
      try r.array { r in
        var name: String?, aliases: [String] = []
        try r.object { r, key in
          switch key {
          case "name": name = try r.string()
          case "aliases": aliases = try r.strings()
          default: try r.skip()
          }
        }
        list.append(Entry(name: try required(name, "name"), aliases: aliases))
      }
      entries = list
    }
    return Organizations(try required(entries, "organizations"))
  }
}
