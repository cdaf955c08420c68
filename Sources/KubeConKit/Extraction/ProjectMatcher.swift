/// Finds catalog projects in text, by name and alias, with word boundaries, in one pass.
///
/// - A name that is not an ordinary word (Kyverno, Dapr, Headlamp) counts wherever it stands, in
///   any case unless the catalog asks for its exact spelling.
/// - An ordinary name (Flux, Port, Score: ``ProjectInfo/ordinary``) counts only in its exact
///   spelling, and only in a report that gives evidence for it (``licensedByMarks(_:)``,
///   ``licensedInPlace(_:places:token:)``): its name in bold, in a code span, as a link's text or a
///   short heading; a link to its repository or homepage; a version after it; a cue word nearby;
///   or another project's name nearby. A name written in lowercase (`kind`) needs the marks or a link.
/// - A company's product (``ProjectInfo/organization``) needs marks, a repository link or a version.
/// - Nothing counts inside a URL, a file path or a code identifier (`flux.yaml`, `fluxcd/flux`).
struct ProjectMatcher: Sendable {
  let projects: [ProjectInfo]
  private var matcher = PhraseMatcher<Int>()
  /// A repository (`github.com/fluxcd/flux2`) or a homepage host (`fluxcd.io`) of one project only.
  private var bySite: [String: Int] = [:]

  init(projects: [ProjectInfo]) {
    self.projects = projects
    var sites: [String: Set<Int>] = [:]
    for (index, p) in projects.enumerated() {
      // (A name that starts or ends with a sign, `C++`, `.NET`, cannot be told by its words.)
      for name in [p.name] + p.aliases where name.first.map(ProjectMatcher.isWordCharacter) == true && name.last.map(ProjectMatcher.isWordCharacter) == true {
        matcher.add(name, value: index, caseSensitive: p.caseSensitive)
      }
      for site in [p.landscape?.repo.flatMap(ProjectMatcher.site), p.landscape?.homepage.flatMap(ProjectMatcher.host)].compactMap({ $0 }) {
        sites[site, default: []].insert(index)
      }
    }
    bySite = sites.compactMapValues { $0.count == 1 ? $0.first : nil }
  }

  /// What a report marks besides its words, and where its links point.
  struct Marks: Sendable {
    /// Bold texts, code spans and short headings (`### Helm`).
    var marked: [String] = []
    /// The links' texts (a company's name linked to its site is no evidence of its product).
    var linkTexts: [String] = []
    var urls: [String] = []
    init() {}

    /// A document's marks, in one pass over its blocks.
    init(_ blocks: [Block]) {
      for b in blocks {
        marked += b.inline.strong + b.inline.code
        // (A short heading names what its section is about.)
        if b.isHeading && b.text.pieceCount(upTo: 4) <= 3 { marked.append(b.text) }
        for link in b.inline.links {
          linkTexts.append(link.text)
          urls.append(link.url)
        }
      }
    }
  }

  /// A report's body read once: its project names (none inside a URL or path) and the ordinary
  /// names it gives evidence for. Talks and sections read their names from it.
  struct Reading {
    let scan: PhraseMatcher<Int>.Scan
    let licensed: Set<Int>
  }

  /// The body's reading. - Parameter text: the text the tokens were made from.
  func read(_ tokens: [Token], text: String, marks: Marks) -> Reading {
    let raw = matcher.scan(tokens)
    var text = text
    let kept = text.withUTF8 { bytes in raw.matches.filter { !ProjectMatcher.isInsideIdentifier($0, tokens: tokens, text: bytes) } }
    var licensed = licensedByMarks(marks)
    licensed.formUnion(licensedInPlace(kept, places: tokens.indices) { tokens[$0] })
    return Reading(scan: PhraseMatcher<Int>.Scan(tokens: tokens, matches: kept), licensed: licensed)
  }

  /// Project names mentioned in the tokens, with their number of mentions.
  func mentions(in tokens: [Token]) -> [String: Int] { mentions(in: tokens[...]) }

  /// ``mentions(in:)`` of some of the tokens.
  func mentions(in tokens: ArraySlice<Token>) -> [String: Int] {
    let matches = matcher.matches(in: tokens)
    return mentions(matches, licensed: licensedInPlace(matches, places: tokens.indices) { tokens[$0] })
  }

  /// ``mentions(in:)`` of two runs of tokens read as one; read from `known` (the body's reading,
  /// whose evidence counts) where it can be.
  func mentions(in first: ArraySlice<Token>, then second: ArraySlice<Token>, known: Reading? = nil) -> [String: Int] {
    let matches = matcher.matches(in: first, then: second, known: known?.scan)
    let licensed = known?.licensed ?? licensedInPlace(matches, places: 0..<(first.count + second.count)) { k in
      k < first.count ? first[first.startIndex + k] : second[second.startIndex + k - first.count]
    }
    return mentions(matches, licensed: licensed)
  }

  func mentions(in text: String) -> [String: Int] {
    let tokens = Tokenizer.tokens(text)
    let reading = read(tokens, text: text, marks: Marks())
    return mentions(reading.scan.matches, licensed: reading.licensed)
  }

  private func mentions(_ matches: [PhraseMatcher<Int>.Match], licensed: Set<Int>) -> [String: Int] {
    guard !matches.isEmpty else { return [:] }
    var result: [String: Int] = [:]
    for m in matches where !projects[m.value].needsEvidence || licensed.contains(m.value) {
      result[projects[m.value].name, default: 0] += 1
    }
    return result
  }

  // MARK: - Evidence

  static func isWordCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber }

  /// Whether a repository (``site(_:)``) or a homepage host is a catalog project's.
  func knows(site: String) -> Bool { bySite[site] != nil }

  /// Words near an ordinary name that make it a project: kinds of projects and what they do.
  static let cues: Set<String> = [
    "registry", "registre", "mesh", "proxy", "portal", "portail", "gateway", "dashboard", "pipeline", "pipelines",
    "gitops", "secrets", "policies", "cluster", "clusters", "deployment", "deploy", "install", "installed", "helm",
    "project", "projects", "projet", "projets", "tool", "tools", "tooling", "outil", "outils", "operator", "operators",
    "operateur", "cncf", "framework", "plugin", "plugins", "controller", "graduated", "incubating", "sandbox", "chart",
    "charts", "cli", "maintainers", "mainteneurs", "github", "repo", "repository",
  ]

  /// Ordinary names a report marks (bold, code, link text) or links to the repository or
  /// homepage of.
  func licensedByMarks(_ marks: Marks) -> Set<Int> {
    var out = Set<Int>()
    // (A mark of three words at most: a title in bold or as a link's text capitalizes every word.)
    func license(_ texts: [String], products: Bool) {
      for text in texts where text.pieceCount(upTo: 4) <= 3 {
        for m in matcher.matches(in: Tokenizer.tokens(text)) where projects[m.value].needsEvidence && (products || !projects[m.value].organization) {
          out.insert(m.value)
        }
      }
    }
    license(marks.marked, products: true)
    license(marks.linkTexts, products: false)
    for url in marks.urls {
      if let site = ProjectMatcher.site(url), let k = bySite[site] { out.insert(k) }
      if let host = ProjectMatcher.host(url), let k = bySite[host], !projects[k].organization { out.insert(k) }
    }
    return out
  }

  /// Ordinary names with a version after them (`Helm 3`, `Flux v2`), a cue word within four words,
  /// or, away from the start of a sentence, another project's name within eight (none of it for a
  /// company's product). A lowercase name (`kind`) has none of this evidence.
  /// - Parameter places: the places `token` can read.
  func licensedInPlace(_ matches: [PhraseMatcher<Int>.Match], places: Range<Int>, token: (Int) -> Token) -> Set<Int> {
    func tokenIfAny(_ i: Int) -> Token? { places.contains(i) ? token(i) : nil }
    var out = Set<Int>()
    for (k, m) in matches.enumerated() where projects[m.value].needsEvidence && !out.contains(m.value) {
      let name = projects[m.value].name
      guard name != Folding.fold(name) else { continue }
      if let next = tokenIfAny(m.token + m.length), next.folded.first?.isNumber == true || (next.folded.hasPrefix("v") && next.folded.dropFirst().first?.isNumber == true) {
        out.insert(m.value)
        continue
      }
      // (A company's product: only marks, a repository link or a version tell it from the company.)
      guard !projects[m.value].organization else { continue }
      // Right after another project's name (`Istio Ambient`, `Istio's Ambient`) it is a part of that project.
      // (An acronym before it, `WASM Spin`, qualifies it instead.)
      // (Attached: one space between them, or `'s `; not a comma.)
      // (The matches are in order and do not overlap: the one before is the only one that can be attached.)
      let attached: Bool = {
        guard k > 0, case let o = matches[k - 1], o.value != m.value, let last = tokenIfAny(o.token + o.length - 1),
          let own = tokenIfAny(m.token), last.text.contains(where: \.isLowercase)
        else { return false }
        if o.token + o.length == m.token { return own.start - last.end == 1 }
        guard o.token + o.length == m.token - 1, let s = tokenIfAny(m.token - 1), s.folded == "s" else { return false }
        return s.start - last.end == 1 && own.start - s.end == 1
      }()
      guard !attached, !inTitleCase(m, among: matches, places: places, token: token) else { continue }
      // (At the start of a sentence, only a cue word: `Harbor is the CNCF registry`, not `Flux de données`.)
      // The matches within eight words, nearest first on each side.
      func near(_ js: some Sequence<Int>) -> Bool {
        for j in js {
          guard abs(matches[j].token - m.token) <= 8 else { return false }
          if matches[j].value != m.value { return true }
        }
        return false
      }
      let neighbour = !m.sentenceInitial && (near(stride(from: k - 1, through: 0, by: -1)) || near((k + 1)..<matches.count))
      var cue = false
      if !neighbour {
        let window = max(0, m.token - 4)..<(m.token + m.length + 4)
        for i in window where i < m.token || i >= m.token + m.length {
          guard let t = tokenIfAny(i) else { continue }
          if ProjectMatcher.cues.contains(t.folded) || (t.folded == "open" && tokenIfAny(i + 1)?.folded == "source") {
            cue = true
            break
          }
        }
      }
      if neighbour || cue { out.insert(m.value) }
    }
    return out
  }

  /// Whether a match stands in a sentence written in title case (`Take a Peek Under the Hood of AI
  /// at Scale`), where every word has a capital: seven in ten of its words of four letters or more,
  /// projects' names aside (a list of them is no title).
  func inTitleCase(_ m: PhraseMatcher<Int>.Match, among matches: [PhraseMatcher<Int>.Match], places: Range<Int>, token: (Int) -> Token) -> Bool {
    var first = m.token
    while first > places.lowerBound, !token(first).startsSentence { first -= 1 }
    var last = m.token + m.length
    while last < places.upperBound, !token(last).startsSentence { last += 1 }
    var long = 0, capitalized = 0
    // (The sentence's matches, found by their order: a few.)
    var named: [Range<Int>] = []
    var j = matches.partitionIndex { $0.token + $0.length <= first }
    while j < matches.count, matches[j].token < last {
      named.append(matches[j].token..<(matches[j].token + matches[j].length))
      j += 1
    }
    for i in first..<last where !named.contains(where: { $0.contains(i) }) {
      let t = token(i)
      guard t.text.utf8.count >= 4, let c = t.text.first, c.isLetter else { continue }
      long += 1
      if c.isUppercase { capitalized += 1 }
    }
    return long >= 2 && capitalized * 10 >= long * 7
  }

  /// A match that is part of a URL, a path or an identifier: `/`, `\`, `@`, `_` or `=` against
  /// it, or a `.` between it and a letter (`flux.yaml`, `fluxcd.io`, `cluster.local`).
  static func isInsideIdentifier(_ m: PhraseMatcher<Int>.Match, tokens: [Token], text: UnsafeBufferPointer<UInt8>) -> Bool {
    let start = tokens[m.token].start
    let end = tokens[m.token + m.length - 1].end
    func joins(_ b: UInt8) -> Bool { b == 0x2F || b == 0x5C || b == 0x40 || b == 0x5F || b == 0x3D }
    func isAlnum(_ i: Int) -> Bool {
      guard i >= 0, i < text.count else { return false }
      let b = text[i]
      return (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A)
    }
    // The run of non-space bytes the match stands in.
    var from = start
    while from > 0, text[from - 1] != 0x20, text[from - 1] != 0x0A, text[from - 1] != 0x09 { from -= 1 }
    var to = end
    while to < text.count, text[to] != 0x20, text[to] != 0x0A, text[to] != 0x09 { to += 1 }
    guard from < start || to > end else { return false }
    var slashes = 0
    for i in from..<to {
      let b = text[i]
      if b == 0x2F { slashes += 1; continue }
      if joins(b) && b != 0x2F { return true }
      // `flux.yaml`, `fluxcd.io`: a dot between letters or digits.
      if b == 0x2E && isAlnum(i - 1) && isAlnum(i + 1) { return true }
      if b == 0x3A && i + 1 < to && text[i + 1] == 0x2F { return true }
    }
    guard slashes > 0 else { return false }
    // `Open Policy Agent/Gatekeeper`, `Prometheus/Grafana`: capitalized words on each side of one
    // slash are prose; `fluxcd/flux2` is a path.
    guard slashes == 1 else { return true }
    func capitalized(_ i: Int) -> Bool { i < text.count && text[i] >= 0x41 && text[i] <= 0x5A }
    let slash = (from..<to).first { text[$0] == 0x2F }!
    var left = slash - 1
    while left > from, isAlnum(left - 1) || text[left - 1] == 0x2D { left -= 1 }
    return !(capitalized(left) && capitalized(slash + 1))
  }

  /// `github.com/org/name` of a repository URL (lowercased, without scheme, `www.` or `.git`).
  static func site(_ url: String) -> String? {
    var s = Substring(url.lowercased())
    for scheme in ["https://", "http://"] where s.hasPrefix(scheme) { s = s.dropFirst(scheme.count) }
    if s.hasPrefix("www.") { s = s.dropFirst(4) }
    let parts = s.split(separator: "/").prefix(3)
    guard parts.count == 3, ["github.com", "gitlab.com", "codeberg.org", "bitbucket.org"].contains(String(parts[0])) else { return nil }
    var name = String(parts[2])
    if name.hasSuffix(".git") { name.removeLast(4) }
    return "\(parts[0])/\(parts[1])/\(name)"
  }

  /// The host of a homepage (`fluxcd.io`), when it is not a code forge's or a foundation's.
  static func host(_ url: String) -> String? {
    var s = Substring(url.lowercased())
    for scheme in ["https://", "http://"] where s.hasPrefix(scheme) { s = s.dropFirst(scheme.count) }
    if s.hasPrefix("www.") { s = s.dropFirst(4) }
    guard let host = s.split(separator: "/").first.map(String.init), host.contains("."),
      !["github.com", "gitlab.com", "cncf.io", "linuxfoundation.org", "sched.com", "youtube.com", "youtu.be", "medium.com"].contains(where: { host == $0 || host.hasSuffix("." + $0) })
    else { return nil }
    return host
  }
}
