import Foundation

/// Decides which KubeCon edition a report is about, from its title, front matter, date and text.
///
/// Evidence: the edition's city and year in the title (strong), the publication date falling
/// during or shortly after the edition (strong), and the city, region and year named in the text.
/// Sentences that look back or ahead ("l'an passé à Valence", "next year in Amsterdam",
/// "the first European KubeCon in 2016") do not count.
struct EditionResolver: Sendable {
  let editions: [Edition]
  /// The first and last days of each edition (``day(_:)``), in the order of `editions`.
  private let days: [(start: Int, end: Int)?]
  private var cities = PhraseMatcher<String>()  // value: folded city
  private var regions = PhraseMatcher<String>()  // value: region id

  init(catalog: Catalog) {
    self.editions = catalog.editions
    days = catalog.editions.map { e in
      guard let s = e.start.flatMap(EditionResolver.day), let end = e.end.flatMap(EditionResolver.day) else { return nil }
      return (s, end)
    }
    for e in catalog.editions where !e.virtual {
      for name in [e.city] + e.cityAliases { cities.add(name, value: Folding.fold(e.city), caseSensitive: true) }
    }
    for (region, names) in catalog.regionNames {
      for name in names { regions.add(name, value: region, caseSensitive: name.contains { $0.isUppercase }) }
    }
  }

  /// Words of sentences that talk about another edition than the one reported on.
  static let otherTimeCues: [String] = [
    "l'an passe", "l'an dernier", "l'annee derniere", "l'annee passee", "l'annee precedente", "annee prochaine",
    "l'an prochain", "prochaine", "prochaines", "prochain", "prochains", "precedente", "precedent", "sera",
    "seront", "aura lieu", "auront lieu", "se deroulera", "premiere", "toute premiere", "dernier", "derniere",
    "last year", "previous", "next year", "next", "upcoming", "will be", "will take place", "first",
    "ago", "il y a", "since", "depuis", "un an apres", "year after", "back in",
  ].map { Folding.fold($0) }

  /// Each cue as " cue " and " cue,", in bytes, under the cue's first byte.
  static let otherTimeCueBytes: [[([UInt8], [UInt8])]] = {
    var table = [[([UInt8], [UInt8])]](repeating: [], count: 256)
    for cue in otherTimeCues { table[Int(cue.utf8.first ?? 0)].append((Array(" \(cue) ".utf8), Array(" \(cue),".utf8))) }
    return table
  }()

  /// Whether folded text (with a space at each end) holds a cue, as " cue " or " cue,". Each
  /// space is tried against the cues that start with the byte after it, not against them all.
  static func mentionsOtherTime(_ folded: [UInt8]) -> Bool {
    let cues = otherTimeCueBytes
    return folded.withUnsafeBufferPointer { h in
      func occurs(_ needle: [UInt8], at i: Int) -> Bool {
        i + needle.count <= h.count && needle.indices.allSatisfy { h[i + $0] == needle[$0] }
      }
      for i in 0..<max(0, h.count - 1) where h[i] == 0x20 {
        for (a, b) in cues[Int(h[i + 1])] where occurs(a, at: i) || occurs(b, at: i) { return true }
      }
      return false
    }
  }

  public struct Evidence {
    var year: Int?
    var region: String?
    var city: String?
  }

  /// The best edition, or nil when nothing points to one.
  /// - Parameter tokens: `Tokenizer.tokens(text)`, when the caller has them already.
  func resolve(title: String, frontMatterText: String, text: String, tokens: [Token]? = nil, date: String?) -> Edition? {
    ranked(title: title, frontMatterText: frontMatterText, text: text, tokens: tokens, date: date).first?.edition
  }

  /// The editions something points to, best first (ties by id), with their scores.
  func ranked(title: String, frontMatterText: String, text: String, tokens: [Token]? = nil, date: String?) -> [(edition: Edition, score: Double)] {
    var score: [String: Double] = [:]
    func add(_ evidence: Evidence, weight: Double, to score: inout [String: Double]) {
      for e in editions {
        var s = 0.0
        if let city = evidence.city {
          guard Folding.fold(e.city) == city else { continue }
          if let y = evidence.year, y != e.year { continue }
          s += evidence.year != nil ? 2 : 1
        } else if let y = evidence.year {
          guard y == e.year else { continue }
          if let r = evidence.region, r != e.region { continue }
          s += evidence.region != nil ? 1.5 : 0.75
        } else {
          continue
        }
        score[e.id, default: 0] += s * weight
      }
    }
    for ev in evidence(in: title, skipOtherTimes: false) { add(ev, weight: 3, to: &score) }
    for ev in evidence(in: frontMatterText, skipOtherTimes: false) { add(ev, weight: 1, to: &score) }
    // Many mentions in the text add up, but to no more than a title's weight.
    var body: [String: Double] = [:]
    var text = text
    text.makeContiguousUTF8()
    let words = tokens ?? Tokenizer.tokens(text)
    for (sentence, words) in sentencesMayHoldingEvidence(text, words: words) {
      for ev in evidence(in: sentence, tokens: words, skipOtherTimes: true) { add(ev, weight: 1, to: &body) }
    }
    for (id, value) in body { score[id, default: 0] += min(value, 6) }
    if let date, let day = EditionResolver.day(date) {
      for (e, days) in zip(editions, days) {
        guard let (s, end) = days else { continue }
        if day >= s - 3 && day <= end + 45 {
          score[e.id, default: 0] += 6
        } else if day >= s - 3 && day <= end + 200 {
          score[e.id, default: 0] += 2
        } else if day < s - 30, score[e.id] != nil {
          score[e.id, default: 0] -= 4  // written before the edition: a preview at most
        }
      }
    }
    let byId = Dictionary(editions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    return score.filter { $0.value > 0 }.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.compactMap { id, value in
      byId[id].map { ($0, value) }
    }
  }

  func evidence(in text: String, skipOtherTimes: Bool) -> [Evidence] {
    let tokens = Tokenizer.tokens(text)
    return evidence(in: Substring(text), tokens: tokens[...], skipOtherTimes: skipOtherTimes)
  }

  /// - Parameter tokens: the words of `text`.
  func evidence(in text: Substring, tokens: ArraySlice<Token>, skipOtherTimes: Bool) -> [Evidence] {
    let found = evidence(tokens, mentionsRequired: skipOtherTimes)
    // Looking for words about other times only matters when there is evidence to drop.
    if skipOtherTimes, !found.isEmpty {
      let folded = Array((" " + Folding.fold(String(text)) + " ").utf8)
      if EditionResolver.mentionsOtherTime(folded) { return [] }
    }
    return found
  }

  /// - Parameter mentionsRequired: a year without a city counts only next to "KubeCon".
  private func evidence(_ tokens: ArraySlice<Token>, mentionsRequired: Bool) -> [Evidence] {
    let years = tokens.compactMap(EditionResolver.year)
    let cityList = cities.matches(in: tokens)
    // Most sentences name no year and no city: no evidence, whatever else they hold.
    if years.isEmpty && cityList.isEmpty { return [] }
    let cityMatches = Set(cityList.map(\.value))
    let regionMatches = Set(regions.matches(in: tokens).map(\.value))
    let mentionsKubeCon = tokens.contains { $0.folded.hasPrefix("kubecon") || $0.folded == "cloudnativecon" }
    var out: [Evidence] = []
    let year = Set(years).count == 1 ? years.first : nil
    for city in cityMatches { out.append(Evidence(year: year, region: nil, city: city)) }
    if cityMatches.isEmpty, mentionsKubeCon || !mentionsRequired {
      for y in Set(years) {
        out.append(Evidence(year: y, region: regionMatches.count == 1 ? regionMatches.first : nil, city: nil))
      }
    }
    return out
  }

  /// The year a word is, if it is one of KubeCon's.
  static func year(_ t: Token) -> Int? {
    // Four digits are four bytes (and a year's bytes are digits).
    guard t.text.utf8.count == 4, let y = Int(t.text), (2015...2035).contains(y) else { return nil }
    return y
  }

  /// Whether word `k` is a year (which starts "20") or may start a city's name: a sentence
  /// without such a word gives no evidence (most sentences of a report).
  func mayBeEvidence(_ words: ArraySlice<Token>, at k: Int) -> Bool {
    (words[k].asciiStart & 0xFFFF == 0x3032 && EditionResolver.year(words[k]) != nil) || cities.mayStart(hash: words[k].foldedHash)
  }

  /// The sentences of `text` (its pieces between `.`, `!`, `?` and line breaks) that may hold
  /// evidence (a word of theirs ``mayBeEvidence(_:at:)``), in order, with their words, taken from
  /// `words`, the words of the whole text.
  ///
  /// Found from the words: around each word that may be evidence, its sentence reaches back and
  /// on to the nearest `.`, `!`, `?` or line break, and its words are those that start in it (a
  /// word never holds one of those). Cutting the whole text into sentences to look at a few was
  /// most of the cost.
  func sentencesMayHoldingEvidence(_ text: String, words: [Token]) -> [(Substring, ArraySlice<Token>)] {
    var text = text
    text.makeContiguousUTF8()
    let utf8 = text.utf8
    func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
    return utf8.withContiguousStorageIfAvailable { b in
      func isCut(_ byte: UInt8) -> Bool { byte == 0x2E || byte == 0x21 || byte == 0x3F || byte == 0x0A }
      var out: [(Substring, ArraySlice<Token>)] = []
      var k = 0
      while k < words.count {
        guard mayBeEvidence(words[...], at: k) else {
          k += 1
          continue
        }
        var start = words[k].start
        while start > 0 && !isCut(b[start - 1]) { start -= 1 }
        var end = words[k].end
        while end < b.count && !isCut(b[end]) { end += 1 }
        var first = k
        while first > 0 && words[first - 1].start >= start { first -= 1 }
        var last = k + 1
        while last < words.count && words[last].start < end { last += 1 }
        out.append((text[index(start)..<index(end)], words[first..<last]))
        k = last
      }
      return out
    } ?? []
  }

  /// Days since 1970 for `YYYY-MM-DD`.
  static func day(_ iso: String) -> Int? {
    let p = iso.split(separator: "-").compactMap { Int($0) }
    guard p.count == 3 else { return nil }
    var c = DateComponents()
    c.year = p[0]
    c.month = p[1]
    c.day = p[2]
    var cal = Calendar(identifier: .gregorian)
    cal.timeZone = TimeZone(identifier: "UTC") ?? .current
    guard let d = cal.date(from: c) else { return nil }
    return Int(d.timeIntervalSince1970 / 86_400)
  }
}
