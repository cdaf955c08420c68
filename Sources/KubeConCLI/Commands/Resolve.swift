import KubeConKit

/// Turns user-typed values (theme labels, project aliases, speaker names, years) into corpus
/// entries, with "did you mean" errors listing the valid values.
enum Resolve {
  static func theme(_ value: String, in themes: [ThemeEntry]) throws -> ThemeEntry {
    let f = Folding.fold(value)
    if let t = themes.first(where: { Folding.fold($0.id) == f || Folding.fold($0.labels.en) == f || Folding.fold($0.labels.fr) == f }) {
      return t
    }
    let names = themes.map(\.id)
    throw UsageError(unknown("theme", value, names, candidates: themes.flatMap { [$0.id, $0.labels.en, $0.labels.fr] }))
  }

  static func project(_ value: String, in projects: [ProjectEntry]) throws -> ProjectEntry {
    let f = Folding.fold(value)
    if let p = projects.first(where: { p in p.id == f || ([p.name] + p.aliases).contains { Folding.fold($0) == f } }) {
      return p
    }
    throw UsageError(unknown("project", value, projects.map(\.name), candidates: projects.flatMap { [$0.name] + $0.aliases }))
  }

  static func speakers(_ value: String, in speakers: [Speaker]) throws -> [Speaker] {
    let f = Folding.fold(value)
    let exact = speakers.filter { Folding.fold($0.name) == f || $0.id == f }
    if !exact.isEmpty { return exact }
    let partial = speakers.filter { Folding.fold($0.name).contains(f) }
    if !partial.isEmpty { return partial }
    throw UsageError(unknown("speaker", value, speakers.map(\.name), candidates: speakers.map(\.name)))
  }

  static func year(_ value: String, in reports: [Report]) throws -> Int {
    try year(value, among: Set(reports.compactMap { $0.edition?.year }))
  }

  static func year(_ value: String, among years: Set<Int>) throws -> Int {
    let present = "years present: " + years.sorted().map(String.init).joined(separator: ", ")
    guard let y = Int(value), value.utf8.count == 4 else { throw UsageError("'\(value)' is not a year; \(present)") }
    guard years.contains(y) else { throw UsageError("no report about \(value); \(present)") }
    return y
  }

  static func kind(_ value: String) throws -> TalkKind {
    guard let k = TalkKind(rawValue: Folding.fold(value)) else {
      throw UsageError(unknown("kind", value, TalkKind.allCases.map(\.rawValue), candidates: TalkKind.allCases.map(\.rawValue)))
    }
    return k
  }

  static func language(_ value: String) throws -> String {
    let f = Folding.fold(value)
    guard ["fr", "en"].contains(f) else { throw UsageError("unknown language '\(value)'; valid: fr, en") }
    return f
  }

  /// "unknown theme 'observ'; did you mean 'observability'? Valid: ..."
  static func unknown(_ what: String, _ value: String, _ valid: [String], candidates: [String]) -> String {
    var message = "unknown \(what) '\(value)'"
    if let guess = Suggest.closest(to: Folding.fold(value), in: candidates.map(Folding.fold)),
      let original = candidates.first(where: { Folding.fold($0) == guess })
    {
      message += "; did you mean '\(original)'?"
    }
    let shown = valid.count > 40 ? Array(valid.prefix(40)) + ["…"] : valid
    return message + "\nValid values: " + shown.joined(separator: ", ")
  }
}
