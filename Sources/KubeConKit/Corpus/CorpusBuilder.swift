/// Builds the linked corpus from parsed reports: links translations and the talks several
/// reports present (``Linker``), gathers speakers (``SpeakerIdentity``), counts projects and
/// themes per edition.
public enum CorpusBuilder {
  /// - Parameter reports: parsed reports, in any order (the result is sorted).
  public static func build(_ reports: [ParsedReport], catalog: Catalog) -> Corpus {
    let parsed = reports.sorted { $0.report.id < $1.report.id }
    var reportList = parsed.map(\.report)

    let translations = Linker.translations(parsed)
    for (a, b) in translations {
      reportList[a].translations.append(reportList[b].id)
      reportList[b].translations.append(reportList[a].id)
    }

    // Talks: one per group of mentions, merged on every core, then named in order (a name is
    // taken once). Talk t of report r becomes talk renamed[r][t].
    let groups = Linker.sameTalks(parsed, translations: translations)
    var talks = parallelMap(groups) { Linker.merge($0, of: parsed) }
    var renamed = parsed.map { [String](repeating: "", count: $0.talks.count) }
    var usedIds = UniqueIds()
    for (group, k) in zip(groups, talks.indices) {
      talks[k].id = usedIds.claim(talks[k].id)
      for (r, t) in group { renamed[r][t] = talks[k].id }
    }
    talks.sort { $0.id < $1.id }

    // A report's talks and its sections' talks, by their ids in the report.
    for i in reportList.indices {
      let local = Dictionary(parsed[i].talks.map(\.id).enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
      reportList[i].talks = reportList[i].talks.compactMap { local[$0].map { renamed[i][$0] } }
      for s in reportList[i].sections.indices {
        if let t = reportList[i].sections[s].talk { reportList[i].sections[s].talk = local[t].map { renamed[i][$0] } }
      }
      reportList[i].translations.sort()
    }

    // Speakers, projects and themes, each from the talks and reports, at the same time.
    let (linkedTalks, linkedReports) = (talks, reportList)
    let (speakerList, projectList, themeList) = concurrently(
      { SpeakerIdentity.speakers(linkedTalks, reportIds: linkedReports.map(\.id)) },
      { projects(parsed, talks: linkedTalks, catalog: catalog) },
      { themes(linkedReports, talks: linkedTalks, catalog: catalog) })
    return Corpus(
      reports: reportList, talks: talks, speakers: speakerList, projects: projectList, themes: themeList,
      editions: catalog.editions.sorted { $0.id < $1.id })
  }

  static func projects(_ parsed: [ParsedReport], talks: [Talk], catalog: Catalog) -> [ProjectEntry] {
    // Gathered by catalog index (the first project of a name): a dictionary of entries hashed
    // every name twice and made an empty entry at every mention.
    let index = Dictionary(catalog.projects.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
    var mentions = [[String: Int]?](repeating: nil, count: catalog.projects.count)
    var reports = [[String]](repeating: [], count: catalog.projects.count)
    var talkIds = [[String]](repeating: [], count: catalog.projects.count)
    for p in parsed {
      let year = p.report.edition.map { String($0.year) } ?? "unknown"
      for name in p.report.projects {
        guard let k = index[name] else { continue }
        if mentions[k] == nil { mentions[k] = [:] }
        mentions[k]![year, default: 0] += 1
        reports[k].append(p.report.id)
      }
    }
    for talk in talks {
      for name in talk.projects {
        if let k = index[name], mentions[k] != nil { talkIds[k].append(talk.id) }
      }
    }
    // Reports and talks were added in id order, each once per name it mentions: sorted already
    // (reports of one id, were there two, would be next to each other).
    let known = mentions.indices.compactMap { k -> ProjectEntry? in
      guard let counts = mentions[k] else { return nil }
      let project = catalog.projects[k]
      return ProjectEntry(
        id: project.id, name: project.name, aliases: project.aliases, maturity: project.maturity,
        category: project.category, mentions: counts, talks: sortedUnique(talkIds[k]), reports: sortedUnique(reports[k]))
    }
    return (known + unknownProjects(parsed, besides: Set(known.map(\.id)))).sorted { $0.id < $1.id }
  }

  /// Projects no catalog knows that two reports or more name (``Report/unknownProjects``), with
  /// the first report's spelling; `known: false`.
  static func unknownProjects(_ parsed: [ParsedReport], besides ids: Set<String>) -> [ProjectEntry] {
    var byId: [String: (name: String, mentions: [String: Int], reports: [String])] = [:]
    for p in parsed.sorted(by: { $0.report.id < $1.report.id }) {
      let year = p.report.edition.map { String($0.year) } ?? "unknown"
      for name in Set(p.report.unknownProjects) {
        let id = Slug.make(name)
        guard !ids.contains(id) else { continue }
        var entry = byId[id] ?? (name, [:], [])
        entry.mentions[year, default: 0] += 1
        entry.reports.append(p.report.id)
        byId[id] = entry
      }
    }
    return byId.filter { $0.value.reports.count >= 2 }.map { id, e in
      ProjectEntry(id: id, name: e.name, aliases: [], maturity: nil, category: "unknown", mentions: e.mentions, talks: [], reports: e.reports, known: false)
    }
  }

  /// A sorted list without its repeats.
  static func sortedUnique(_ sorted: [String]) -> [String] {
    var out: [String] = []
    out.reserveCapacity(sorted.count)
    for s in sorted where out.last != s { out.append(s) }
    return out
  }

  static func themes(_ reports: [Report], talks: [Talk], catalog: Catalog) -> [ThemeEntry] {
    // One pass over the talks and the reports, gathering by theme (a pass per theme looked for
    // every theme in every talk).
    let index = Dictionary(catalog.themes.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    var perYear = [[String: Int]](repeating: [:], count: catalog.themes.count)
    var talkIds = [[String]](repeating: [], count: catalog.themes.count)
    var reportIds = [[String]](repeating: [], count: catalog.themes.count)
    // (A theme named twice by one talk or report gathers it once.)
    for talk in talks {
      for k in Set(talk.themes).compactMap({ index[$0] }) {
        perYear[k][talk.edition.map { String($0.year) } ?? "unknown", default: 0] += 1
        talkIds[k].append(talk.id)
      }
    }
    for report in reports {
      for k in Set(report.themes).compactMap({ index[$0] }) { reportIds[k].append(report.id) }
    }
    return catalog.themes.map { theme in
      let k = index[theme.id]!  // (the first theme of its id, were there two)
      return ThemeEntry(id: theme.id, labels: theme.labels, talks: perYear[k], talkIds: talkIds[k].sorted(), reports: reportIds[k])
    }.sorted { $0.id < $1.id }
  }
}
