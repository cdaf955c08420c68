import Foundation

/// Turns a program file's rows into sessions of the editions of the catalog.
public struct ScheduleImport: Sendable {
  let editions: [Edition]
  let regionNames: [String: [String]]

  public init(catalog: Catalog) {
    editions = catalog.editions
    regionNames = catalog.regionNames
  }

  /// Sched's event ids name the region: `kccnceu2025`, `kccncna2024`, `kccncchn2025`.
  static let eventRegions: [String: String] = [
    "eu": "EU", "na": "NA", "chn": "China", "cn": "China", "china": "China", "jp": "Japan", "japan": "Japan",
    "ind": "India", "in": "India", "india": "India",
  ]

  /// The edition a row belongs to: by Sched's event id, then by year and city, year and region,
  /// then by its date falling during an edition.
  func edition(of row: ScheduleRow, default fallback: String? = nil) -> Edition? {
    if let fallback { return editions.first { $0.id == fallback } }
    if let event = row.event?.lowercased(), event.hasPrefix("kccnc") {
      let rest = event.dropFirst(5)
      let digits = rest.suffix(4)
      if let year = Int(digits), let region = ScheduleImport.eventRegions[String(rest.dropLast(4))],
        let e = editions.first(where: { $0.year == year && $0.region == region })
      {
        return e
      }
    }
    let year = row.year ?? row.start.flatMap { Int($0.prefix(4)) }
    if let year, let city = row.city.map(Folding.fold) {
      if let e = editions.first(where: { $0.year == year && ([$0.city] + $0.cityAliases).map(Folding.fold).contains(city) }) { return e }
    }
    if let year, let region = row.region.map(Folding.fold) {
      let matching = editions.filter { e in
        e.year == year && (Folding.fold(e.region) == region || (regionNames[e.region] ?? []).map(Folding.fold).contains(region)
          || ScheduleImport.eventRegions[region] == e.region)
      }
      if matching.count == 1 { return matching[0] }
    }
    if let day = row.start.flatMap({ EditionResolver.day(String($0.prefix(10))) }) {
      let during = editions.filter { e in
        guard let s = e.start.flatMap(EditionResolver.day), let end = e.end.flatMap(EditionResolver.day) else { return false }
        return day >= s - 3 && day <= end + 1
      }
      if during.count == 1 { return during[0] }
    }
    return nil
  }

  /// `1x5iC` from `https://kccncchn2025.sched.com/event/1x5iC/advancing-...`.
  static func eventId(_ url: String?) -> String? {
    guard let url else { return nil }
    let parts = url.split(separator: "/")
    guard let k = parts.firstIndex(of: "event"), k + 1 < parts.count else { return nil }
    let id = parts[k + 1]
    guard !id.isEmpty, id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return nil }
    return String(id)
  }

  /// The sessions of `rows` by edition id, each edition's in program order (start, title, id).
  /// Rows no edition is found for are warnings.
  public func sessions(_ rows: [ScheduleRow], file: String, edition fallback: String? = nil)
    -> (sessions: [String: [Session]], warnings: [Diagnostic])
  {
    var warnings: [Diagnostic] = []
    var placed: [(ScheduleRow, Edition)] = []
    for row in rows {
      guard let e = edition(of: row, default: fallback) else {
        warnings.append(Diagnostic(file: file, line: row.line, message: "no KubeCon edition of Data/editions.json for this session (edition, year, city, region or date); skipped (use --edition)"))
        continue
      }
      placed.append((row, e))
    }
    // First the organizations that end a speaker group, then every name read knowing them.
    let first = SessionNameParser()
    var organizations = Set<String>()
    for (row, _) in placed {
      for s in first.parse(row.name, track: row.track).speakers { if let o = s.organization { organizations.insert(o) } }
    }
    let parser = SessionNameParser(organizations: organizations)
    var out: [String: [Session]] = [:]
    var ids: [String: UniqueIds] = [:]
    for (row, e) in placed {
      let parsed = parser.parse(row.name, track: row.track)
      let base = e.id + "-" + (ScheduleImport.eventId(row.url) ?? Slug.make(parsed.title, maxLength: 40))
      let id = ids[e.id, default: UniqueIds()].claim(base)
      out[e.id, default: []].append(Session(
        id: id, edition: e.id, title: parsed.title, kind: parsed.kind, speakers: parsed.speakers, track: row.track,
        url: row.url, start: row.start, end: row.end, location: row.location, name: row.name))
    }
    for k in out.keys { out[k] = ScheduleImport.ordered(out[k] ?? []) }
    return (out, warnings)
  }

  static func ordered(_ sessions: [Session]) -> [Session] {
    sessions.sorted { ($0.start ?? "", $0.title, $0.id) < ($1.start ?? "", $1.title, $1.id) }
  }
}
