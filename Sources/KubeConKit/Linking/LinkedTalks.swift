import Foundation

/// A talk linked to its session takes the program's title, kind and speakers, and keeps the
/// report's wording and the speakers it adds; a talk not linked gets the program's spelling of
/// its speakers.
extension SessionLinker {
  /// The talk with its session's title, kind and speakers; the report's wording and the
  /// speakers the report adds are kept.
  ///
  /// The talk's speakers are those the report credits: the session's speakers it names (by full
  /// name, surname or first name in the talk's title or text, or by full name anywhere in the
  /// report; the author too), with the program's spelling and organization, then the speakers it
  /// adds. The session carries all of the program's.
  /// - Parameter report: the report's sections, where a speaker may be named by full name.
  func attach(_ c: TalkCandidate, to session: Session, authorKey: String?, report: [OutlineSection] = []) -> TalkCandidate {
    var t = c
    // A title made from a link's address is none of the report's words.
    let reportsWords = c.titleSource != .schedule && !(c.titleSource == .derived && c.evidence.contains(.sessionPageLink))
    if c.title != session.title && reportsWords {
      // The report's title without what follows it (`Title (par X, Acme)`, `Title - X`).
      let forms = Set(TitleKey.forms(session.title).map { $0.joined(separator: " ") })
      let official = TitleKey.words(session.title)
      let parts = ([c.title] + SessionLinker.leadingParts(c.title)).map { ($0, TitleKey.words($0)) }
      t.reportTitle = parts.first { forms.contains($0.1.joined(separator: " ")) }?.0
        ?? parts.filter { $0.1.count >= 3 }.min { Program.distance($0.1, official) < Program.distance($1.1, official) }?.0 ?? c.title
    }
    t.title = session.title
    t.titleSource = .schedule
    t.kind = session.kind.talkKind
    let textWords = (reportsWords ? TitleKey.words(c.title) : []) + c.tokens.map(\.folded)
    let words = Set(textWords)
    let keys = Set(session.speakers.map { Program.nameKey($0.name) })
    let reportKeys = Set(c.speakers.map { program.speakerKey($0.name) ?? Program.nameKey($0.name) })
    var speakers: [SpeakerRef] = []
    for sp in session.speakers {
      let key = Program.nameKey(sp.name)
      let parts = TitleKey.words(key)
      let named = reportKeys.contains(key) || Program.namesFullName(parts, in: textWords)
        || (parts.count >= 2 && (words.contains(parts[parts.count - 1]) || words.contains(parts[0])) && parts[0].count >= 3)
        || (parts.count >= 2 && report.contains { SessionLinker.names(parts, in: $0.tokens) })
      // (The author too: the program says they spoke there, and no rule links a session by the author's name.)
      if named { speakers.append(SpeakerRef(name: sp.name, organization: sp.organization)) }
    }
    for sp in c.speakers {
      let key = program.speakerKey(sp.name) ?? Program.nameKey(sp.name)
      if !keys.contains(key) && key != authorKey { speakers.append(sp) }
    }
    t.speakers = speakers
    t.session = session.ref
    return t
  }

  /// Whether words name a person by the words of their full name, one after the other. (A word
  /// is compared by its hash first, which most words are ruled out by.)
  static func names(_ parts: [String], in tokens: ArraySlice<Token>) -> Bool {
    guard let first = parts.first, tokens.count >= parts.count else { return false }
    let hash = Token.hash(folded: first)
    for k in tokens.startIndex...(tokens.endIndex - parts.count) where tokens[k].foldedHash == hash {
      if tokens[k..<(k + parts.count)].elementsEqual(parts, by: { $0.folded == $1 }) { return true }
    }
    return false
  }

  /// A talk not linked: its speakers who speak at the edition get the program's spelling and,
  /// when the report gives none, organization.
  func respelled(_ c: TalkCandidate, authorKey: String?) -> TalkCandidate {
    var t = c
    t.speakers = c.speakers.map { sp in
      guard let p = program.speaker(named: sp.name) else { return sp }
      return SpeakerRef(name: p.name, organization: sp.organization ?? p.organization)
    }
    return t
  }

  /// How the report names a session: the span of the block that is its title, or the title.
  func reportWording(of s: Int, in block: Block) -> String {
    let spans = [block.text] + block.inline.links.map(\.text) + block.inline.strong + SessionLinker.quoted(block.text)
      + SessionLinker.leadingParts(block.text)
    let span =
      spans.first { program.sessions(titled: $0).contains(s) } ?? spans.first { program.sessions(nearlyTitled: $0).contains(s) }
      ?? spans.first { program.sessions(titleStartingWith: $0).contains(s) }
    return span?.trimmingCharacters(in: .whitespaces) ?? program.sessions[s].title
  }

  func words(_ c: TalkCandidate) -> Set<String> {
    Set((TitleKey.words(c.title) + c.tokens.map(\.folded)).filter { $0.count >= 4 })
  }

  func unique(_ list: [Int]) -> [Int] {
    var seen = Set<Int>()
    return list.filter { seen.insert($0).inserted }
  }
}
