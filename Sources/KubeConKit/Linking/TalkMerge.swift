extension Linker {
  /// The talk of a group of mentions (`(report index, talk index)`, in report order), with the
  /// id of the talk that names it, not yet made unique.
  static func merge(_ group: [(Int, Int)], of parsed: [ParsedReport]) -> Talk {
    // The program's or a stated title, in English when a translation gives one, names the talk; then the
    // first report's (a group is in report order, and reports in id order). (Numbers, not tuples
    // of the reports' ids made at every comparison.)
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
}
