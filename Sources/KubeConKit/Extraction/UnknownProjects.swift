/// Projects no catalog knows, named the way reports name a project: a link to its source
/// repository whose text names it (`[Sveltos](https://github.com/projectsveltos/addon-controller)`),
/// or a name in a code span next to a cue word (`` the `kubeswitch` tool ``).
enum UnknownProjects {
  /// Words that may stand beside a name in a link's text or around a code span.
  static let cues: Set<String> = [
    "project", "projet", "tool", "outil", "operator", "operateur", "plugin", "controller", "cli", "library",
    "librairie", "framework", "open", "source",
  ]

  static func find(in blocks: [Block], matcher: ProjectMatcher) -> [String] {
    var found: [String] = []
    func add(_ name: String) {
      let key = Folding.fold(name)
      // (A name the catalog knows, or one it holds, is no unknown project.)
      guard !found.contains(where: { Folding.fold($0) == key }), matcher.mentions(in: name).isEmpty else { return }
      found.append(name)
    }
    for block in blocks {
      for link in block.inline.links {
        guard let site = ProjectMatcher.site(link.url), !matcher.knows(site: site) else { continue }
        let repo = site.split(separator: "/").last.map(String.init) ?? ""
        // The link's words without the cue words: the name, when they make the repository's name.
        let words = link.text.split(separator: " ").map(String.init).filter { !cues.contains(Folding.fold($0)) }
        guard (1...3).contains(words.count) else { continue }
        let name = words.joined(separator: " ")
        if squashed(name) == squashed(repo), name.first?.isLetter == true { add(name) }
      }
      // (The block's own words, from the body's: its text is not read again.)
      let tokens = block.tokens
      for span in block.inline.code where isName(span) {
        guard let at = tokens.firstIndex(where: { $0.text == span || span.hasPrefix($0.text) }) else { continue }
        let near = tokens[max(tokens.startIndex, at - 3)..<min(tokens.endIndex, at + 4)]
        if near.contains(where: { cues.contains($0.folded) && $0.text != span }) { add(span) }
      }
    }
    return found.sorted { Folding.fold($0) < Folding.fold($1) }
  }

  /// Letters and digits, folded: `Korrel8r` and `korrel8r`, `dev-pod` and `DevPod` are one.
  static func squashed(_ s: String) -> String { String(Folding.fold(s).filter { $0.isLetter || $0.isNumber }) }

  /// A code span that can be a name: one word of letters, digits and hyphens, starting with a letter.
  static func isName(_ span: String) -> Bool {
    (3...30).contains(span.count) && span.first?.isLetter == true && span.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }
  }
}
