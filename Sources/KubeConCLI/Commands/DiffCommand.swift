import Foundation
import KubeConKit

/// `kubecon diff A B`: how subjects moved from one edition to another.
enum DiffCommand: Command {
  static let spec = CommandSpec(
    name: "diff", abstract: "Compare two editions: theme shares, projects, speakers and companies.",
    discussion: "A and B are years (2024) or edition ids (eu-2024) when a year has several editions.",
    arguments: [("from", "The earlier edition."), ("to", "The later edition.")], minArguments: 2, maxArguments: 2,
    options: [CommandSpec.jsonOption, CommandSpec.corpusOption])

  struct ThemeShare: Encodable {
    var id: String
    var from, to, delta: Double
  }
  struct AddedRemoved: Encodable {
    var added, removed: [String]
  }
  struct Projects: Encodable {
    var added, removed, common: [String]
    var mentions: [String: [Int]]
  }
  struct Counts: Encodable { var from, to: Int }
  struct Out: Encodable {
    var from, to: EditionRef
    var themes: [ThemeShare]
    var projects: Projects
    var speakers: AddedRemoved
    var companies: AddedRemoved
    var talks: Counts
    var reports: Counts
  }

  /// An edition of the corpus from a year or an edition id.
  static func edition(_ value: String, in c: Corpus) throws -> EditionRef {
    let present = Set(c.reports.compactMap(\.edition))
    if let e = present.first(where: { $0.id == value.lowercased() }) { return e }
    let years = Set(present.map(\.year)).sorted().map(String.init).joined(separator: ", ")
    guard let y = Int(value) else { throw UsageError("'\(value)' is not a year or an edition id; years present: \(years)") }
    let matching = present.filter { $0.year == y }.sorted()
    if matching.count > 1 {
      throw UsageError("\(y) has several editions; give one of: \(matching.map(\.id).joined(separator: ", "))")
    }
    guard let e = matching.first else { throw UsageError("no report about \(y); years present: \(years)") }
    return e
  }

  static func diff(_ a: EditionRef, _ b: EditionRef, _ c: Corpus) -> Out {
    let ta = c.talks.filter { $0.edition == a }
    let tb = c.talks.filter { $0.edition == b }
    let ra = c.reports.filter { $0.edition == a }
    let rb = c.reports.filter { $0.edition == b }
    func share(_ talks: [Talk], _ theme: String) -> Double {
      talks.isEmpty ? 0 : Double(talks.filter { $0.themes.contains(theme) }.count) / Double(talks.count)
    }
    let themes = c.themes.map { t -> ThemeShare in
      let f = share(ta, t.id)
      let to = share(tb, t.id)
      return ThemeShare(id: t.id, from: round(f * 1000) / 1000, to: round(to * 1000) / 1000, delta: round((to - f) * 1000) / 1000)
    }.filter { $0.from > 0 || $0.to > 0 }.sorted { (abs($0.delta), $1.id) > (abs($1.delta), $0.id) }
    // Each project's reports of the edition (not of its year: a year may have several editions).
    var mentionsA: [String: Int] = [:]
    var mentionsB: [String: Int] = [:]
    for r in ra { for p in Set(r.projects) { mentionsA[p, default: 0] += 1 } }
    for r in rb { for p in Set(r.projects) { mentionsB[p, default: 0] += 1 } }
    let pa = Set(mentionsA.keys)
    let pb = Set(mentionsB.keys)
    var mentions: [String: [Int]] = [:]
    for name in pa.union(pb) { mentions[name] = [mentionsA[name] ?? 0, mentionsB[name] ?? 0] }
    let sa = Set(ta.flatMap(\.speakers).map(\.name))
    let sb = Set(tb.flatMap(\.speakers).map(\.name))
    let ca = Set(ta.flatMap(\.speakers).compactMap(\.organization))
    let cb = Set(tb.flatMap(\.speakers).compactMap(\.organization))
    return Out(
      from: a, to: b, themes: themes,
      projects: Projects(added: pb.subtracting(pa).sorted(), removed: pa.subtracting(pb).sorted(), common: pa.intersection(pb).sorted(), mentions: mentions),
      speakers: AddedRemoved(added: sb.subtracting(sa).sorted(), removed: sa.subtracting(sb).sorted()),
      companies: AddedRemoved(added: cb.subtracting(ca).sorted(), removed: ca.subtracting(cb).sorted()),
      talks: Counts(from: ta.count, to: tb.count), reports: Counts(from: ra.count, to: rb.count))
  }

  /// A change of share in whole percentage points: one that rounds to zero is 0, never -0.
  static func percentPoints(_ delta: Double) -> Int {
    Int((delta * 100).rounded(.toNearestOrEven))  // (as the shares beside it are printed)
  }

  static func run(_ ctx: Context) throws {
    let index = try ctx.index()
    // What a comparison reads: no speaker or edition table.
    let corpus = Corpus(reports: try index.reports(), talks: try index.talks(), projects: try index.projects(), themes: try index.themes())
    let a = try edition(ctx.args.positionals[0], in: corpus)
    let b = try edition(ctx.args.positionals[1], in: corpus)
    let d = diff(a, b, corpus)
    if ctx.json {
      try ctx.printJSON(d)
      return
    }
    let s = ctx.style
    ctx.print(s.bold("KubeCon \(a.label) → \(b.label)"))
    ctx.print("  reports \(d.reports.from) → \(d.reports.to), talks \(d.talks.from) → \(d.talks.to)")
    ctx.print()
    ctx.print(s.bold("Themes") + s.dim(" (share of each edition's talks)"))
    // Bars of 20 columns, narrower when the screen is (`  id  12% bar → 31% bar +19%`).
    let idWidth = max(10, d.themes.map(\.id.count).max() ?? 0)
    let width = min(20, max(0, ((ctx.width ?? 200) - (2 + idWidth + 2 + 4 + 3 + 4 + 1 + 4) - 2) / 2))
    for t in d.themes {
      let bar = { (v: Double) in String(repeating: "█", count: Int((v * Double(width)).rounded())) }
      let points = percentPoints(t.delta)
      let sign = points > 0 ? s.green("+\(points)%") : points < 0 ? s.red("\(points)%") : "0%"
      let share = { (v: Double) in String(format: "%3.0f%%", v * 100) + (width > 0 ? " " + bar(v).padded(to: width) : "") }
      ctx.print("  " + t.id.padded(to: idWidth + 2) + share(t.from) + " → " + share(t.to) + " " + sign)
    }
    func list(_ name: String, _ items: [String], _ counts: (String) -> String = { _ in "" }) {
      guard !items.isEmpty else { return }
      ctx.print("  " + name.padded(to: 10) + Terminal.sanitize(items.map { $0 + counts($0) }.joined(separator: ", ")))
    }
    ctx.print()
    ctx.print(s.bold("Projects") + s.dim(" (reports of each edition mentioning them)"))
    list("added", d.projects.added) { " (\(d.projects.mentions[$0]?[1] ?? 0))" }
    list("dropped", d.projects.removed) { " (\(d.projects.mentions[$0]?[0] ?? 0))" }
    list("common", d.projects.common) { " (\(d.projects.mentions[$0]?[0] ?? 0)→\(d.projects.mentions[$0]?[1] ?? 0))" }
    ctx.print()
    ctx.print(s.bold("Speakers"))
    list("new", d.speakers.added)
    list("not back", d.speakers.removed)
    ctx.print()
    ctx.print(s.bold("Companies"))
    list("new", d.companies.added)
    list("not back", d.companies.removed)
  }
}
