/// Builds the linked corpus from parsed reports: merges talks seen in several reports, gathers
/// speakers across reports and editions, counts projects and themes per edition.
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
    var talks = parallelMap(groups) { merge($0, of: parsed) }
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
      { speakers(linkedTalks, reportIds: linkedReports.map(\.id)) },
      { projects(parsed, talks: linkedTalks, catalog: catalog) },
      { themes(linkedReports, talks: linkedTalks, catalog: catalog) })
    return Corpus(
      reports: reportList, talks: talks, speakers: speakerList, projects: projectList, themes: themeList,
      editions: catalog.editions.sorted { $0.id < $1.id })
  }

  /// The talk of a group of mentions (`(report index, talk index)`, in report order), with the
  /// id of the talk that names it, not yet made unique.
  static func merge(_ group: [(Int, Int)], of parsed: [ParsedReport]) -> Talk {
    // The program's or a stated title, in English when a translation gives one, names the talk; then the
    // first report's (a group is in report order, and reports in id order). (Numbers: tuples
    // holding the reports' ids, made at every comparison, were a third of linking.)
    let rank = group.map { r, t in
      (parsed[r].talks[t].titleSource == .derived ? 2 : 0) + (parsed[r].report.language == "en" ? 0 : 1)
    }
    let order = group.indices.sorted { (rank[$0], $0) < (rank[$1], $1) }
    // (Talks read in place: a list of the group's talks copied each, every string and list
    // retained, and most groups are one talk.)
    var talk = parsed[group[order[0]].0].talks[group[order[0]].1]
    if order.count > 1 {
      var folded = talk.speakers.map { Folding.fold($0.name) }
      var projects = Set(talk.projects), themes = Set(talk.themes), reports = Set(talk.reports)
      for i in order.dropFirst() {
        let other = parsed[group[i].0].talks[group[i].1]
        for s in other.speakers {
          let name = Folding.fold(s.name)
          if let k = folded.firstIndex(of: name) {
            if talk.speakers[k].organization == nil { talk.speakers[k].organization = s.organization }
          } else {
            talk.speakers.append(s)
            folded.append(name)
          }
        }
        projects.formUnion(other.projects)
        themes.formUnion(other.themes)
        reports.formUnion(other.reports)
        talk.mentions += other.mentions
        if talk.kind == .session, other.kind != .session { talk.kind = other.kind }
      }
      talk.projects = projects.sorted()
      talk.themes = themes.sorted()
      talk.reports = reports.sorted()
    }
    talk.mentions.sort { ($0.report, $0.line) < ($1.report, $1.line) }
    return talk
  }

  /// The key that makes one speaker of the ways reports write a name (case and accents aside).
  public static func speakerKey(_ name: String) -> String { Slug.make(name, maxLength: 80) }

  /// - Parameter reportIds: the corpus's report ids, sorted.
  static func speakers(_ talks: [Talk], reportIds: [String]) -> [Speaker] {
    var byKey: [String: Speaker] = [:]
    var talksOf: [String: [Int]] = [:]
    // Each name's key made once, and each speaker's organizations kept folded: a speaker of many
    // talks had every organization folded again at each talk.
    var keys: [String: String] = [:]
    var organizationsOf: [String: Set<String>] = [:]  // folded, by speaker key
    // Entries change in place: a copy taken out of the dictionary and put back would copy its
    // lists on every append (quadratic for a speaker of many talks).
    func add(_ s: SpeakerRef, key: String, of talk: Talk, to speaker: inout Speaker) {
      if let org = s.organization, organizationsOf[key, default: []].insert(Folding.fold(org)).inserted {
        speaker.organizations.append(org)
      }
      speaker.talks.append(talk.id)
      if let y = talk.edition?.year { speaker.years.append(y) }
    }
    for (t, talk) in talks.enumerated() {
      for s in talk.speakers {
        let key = keys[s.name] ?? speakerKey(s.name)
        keys[s.name] = key
        add(s, key: key, of: talk, to: &byKey[key, default: Speaker(id: key, name: s.name, organizations: [], talks: [], years: [], reports: [])])
        talksOf[key, default: []].append(t)
      }
    }
    // A speaker's reports are those of their talks. A talk seen in many reports is seen with each
    // of its speakers: reports are numbered (in id order) and gathered once per speaker, instead
    // of hashing every id of every talk into a set (seconds at 10,000 reports).
    let number = Dictionary(reportIds.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    var numbers = [[Int]?](repeating: nil, count: talks.count)
    var seen = [Int](repeating: -1, count: reportIds.count)
    return byKey.values.enumerated().map { n, s in
      var s = s
      s.organizations.sort()
      s.talks = Array(Set(s.talks)).sorted()
      s.years = Array(Set(s.years)).sorted()
      var found: [Int] = []
      for t in talksOf[s.id] ?? [] {
        if numbers[t] == nil { numbers[t] = talks[t].reports.compactMap { number[$0] } }
        for r in numbers[t]! where seen[r] != n {
          seen[r] = n
          found.append(r)
        }
      }
      s.reports = found.sorted().map { reportIds[$0] }
      return s
    }.sorted { $0.id < $1.id }
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
