import Foundation

/// Talks named by a link to their session's page (``SessionPage``): `the session from
/// [Jane Doe](https://kccnceu2026.sched.com/event/2CVy5/title-jane-doe-acme)`, `["Title"](sched
/// link)`, `details [here](sched link)`.
///
/// The page's slug holds the session's name, so it tells who of the people the block names
/// speak (their names' slugs stand in it) and, when the link text is not the title, the title
/// (the slug before the first speaker's name). A page the edition's program knows is then linked
/// to its session by the linker.
extension TalkExtractor {
  /// One talk per session page the block links to; none when it links to none.
  func sessionPageTalks(_ block: Block, sectionIndex: Int) -> [TalkCandidate] {
    var seen = Set<String>()
    var talks: [TalkCandidate] = []
    for link in block.inline.links {
      guard let page = SessionPage(url: link.url), seen.insert(page.id).inserted else { continue }
      let text = link.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
      let titleEnd = page.titleEnd(sharedWith: text)
      let (speakers, nameStart) = namesInSlug(page, of: block.text, after: titleEnd)
      var title: String
      var source = TitleSource.stated
      // The link's text states the title when the slug starts with it (or there is no slug).
      if titleEnd > 0 || page.slug == nil, let stated = TalkExtractor.linkTitle(text, speakers: speakers) {
        title = stated
      } else if let fromSlug = page.title(words: nameStart) {
        (title, source) = (fromSlug, .derived)
      } else {
        continue
      }
      talks.append(TalkCandidate(
        title: title, titleSource: source, kind: TalkExtractor.kindPrefix(Folding.fold(title)) ?? .session,
        speakers: speakers, line: block.line, text: block.text, tokens: block.tokens, section: sectionIndex,
        evidence: [.sessionPageLink]))
    }
    return talks
  }

  /// The title a link's text states: the quoted part of it (`Jane Doe "Title"`), or the text
  /// without its speakers (`Jane Doe: Title`, `Title by Jane Doe`); nil when what is left is not
  /// worded like a title (`here`, a name).
  static func linkTitle(_ text: String, speakers: [SpeakerRef]) -> String? {
    var t = Substring(text)
    if let open = t.firstIndex(where: { "\"“«".contains($0) }) {
      let after = t[t.index(after: open)...]
      t = after[..<(after.firstIndex(where: { "\"”»".contains($0) }) ?? after.endIndex)]
    }
    do {
      let separators = CharacterSet(charactersIn: " ,:;-–—&")
      var changed = true
      while changed {
        changed = false
        for s in speakers where Folding.fold(String(t)).hasPrefix(Folding.fold(s.name)) {
          t = t.dropFirst(s.name.count)
          t = t.drop { $0.unicodeScalars.allSatisfy(separators.contains) }
          for joiner in ["and ", "et "] where t.hasPrefix(joiner) { t = t.dropFirst(joiner.count) }
          changed = true
        }
      }
      for s in speakers {
        for by in [" by ", " par ", " - ", ", "] {
          if let r = t.range(of: by + s.name) { t = t[..<r.lowerBound] }
        }
      }
    }
    let title = t.trimmingCharacters(in: CharacterSet(charactersIn: " \"“”«»,:"))
    return looksLikeLinkTitle(title) && !namesPeople(title) ? title : nil
  }

  /// `Jane Doe and John Roe`, `Jane Doe & John Roe`: names joined, and nothing else.
  static func namesPeople(_ text: String) -> Bool {
    let parts = text.replacingOccurrences(of: " & ", with: " and ").replacingOccurrences(of: " et ", with: " and ")
      .components(separatedBy: " and ")
    return parts.count >= 2 && parts.allSatisfy { p in
      let words = p.split(separator: " ")
      return (2...3).contains(words.count) && SessionNameParser.looksLikeName(p) && words.allSatisfy { $0.first?.isUppercase == true }
    }
  }

  /// Link text that reads as a title: three words or more, not words for "here" or "the session".
  static func looksLikeLinkTitle(_ text: String) -> Bool {
    guard text.pieceCount(upTo: 3) >= 3 else { return false }
    let f = Folding.fold(text)
    return !["here", "ici", "this link", "ce lien", "the session", "la session", "slides", "video", "recording"].contains(f)
  }

  /// The people a text names whose names stand in the page's slug after its title (each word the same, or a
  /// letter or two off in a long word: `Mueller` for `muller`), in the order of the text,
  /// and where the first of them starts among the slug's words.
  /// - Parameter after: the slug's words before this one are the title's, and hold no name.
  func namesInSlug(_ page: SessionPage, of text: String, after titleEnd: Int = 0) -> (speakers: [SpeakerRef], start: Int?) {
    guard let slug = page.slug else { return ([], nil) }
    let slugWords = slug.split(separator: "-").map { Array($0.utf8) }
    let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { $0.trimmingCharacters(in: .punctuationCharacters) }
    func close(_ a: [UInt8], _ b: [UInt8]) -> Bool {
      a == b || (a.first == b.first && min(a.count, b.count) >= 6 && Program.distance(a, b) <= 2)
        || (a.first == b.first && min(a.count, b.count) >= 4 && Program.distance(a, b) <= 1)
    }
    var found: [SpeakerRef] = []
    var start: Int? = nil
    var k = 0
    while k < words.count {
      var matched = 0
      for length in stride(from: min(4, words.count - k), through: 2, by: -1) {
        let name = words[k..<(k + length)].joined(separator: " ")
        guard parser.names.isName(name) || SessionNameParser.looksLikeName(name), !SessionNameParser.looksLikeOrganization(name) else { continue }
        let nameWords = Slug.make(name, maxLength: 200).split(separator: "-").map { Array($0.utf8) }
        guard slugWords.count > nameWords.count, titleEnd <= slugWords.count - nameWords.count,
          let at = (titleEnd...(slugWords.count - nameWords.count)).first(where: { i in
            zip(slugWords[i..<(i + nameWords.count)], nameWords).allSatisfy { close($0, $1) }
          })
        else { continue }
        if !found.contains(where: { Folding.fold($0.name) == Folding.fold(name) }) { found.append(SpeakerRef(name: name, organization: nil)) }
        start = min(start ?? at, at)
        matched = length
        break
      }
      k += max(1, matched)
    }
    return (found, start)
  }
}
