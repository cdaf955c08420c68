import Foundation

/// Links what belongs together across reports: translations of one report, and one talk seen in
/// several reports.
enum Linker {
  // MARK: - Translations

  /// Pairs of report indices that are translations of each other: same edition, other language,
  /// parallel structure and the same entities (projects, speakers, numbers).
  static func translations(_ reports: [ParsedReport]) -> [(Int, Int)] {
    // Only reports of one edition can be translations: compare within each edition, first by
    // language and shape.
    var byEdition: [EditionRef: [Int]] = [:]
    for (i, r) in reports.enumerated() { if let e = r.report.edition { byEdition[e, default: []].append(i) } }
    // Every pair of an edition is looked at (3.5 M pairs for 10,000 generated reports): by numbers
    // (each report's language numbered, and its count of sections), not by copies of the reports.
    var languages: [String: Int] = [:]
    let language = reports.map { r in
      if let n = languages[r.report.language] { return n }
      languages[r.report.language] = languages.count
      return languages.count - 1
    }
    let sections = reports.map { Double(max($0.report.sections.count, 1)) }
    @Sendable func mayPair(_ i: Int, _ j: Int) -> Bool {
      language[i] != language[j] && min(sections[i], sections[j]) / max(sections[i], sections[j]) >= 0.7
    }
    // A row: a report of an edition, paired with the edition's reports after it. The pairs that
    // may be translations are scored as they are found, on every core, not listed first (333,000
    // for 10,000 generated reports: a list grown to megabytes of new memory, then read on one core).
    let rows = byEdition.values.flatMap { members in members.indices.map { (members: members, x: $0) } }
    // Then by entities: the fingerprints of the reports that may pair, made on every core, as
    // sorted numbers (each string numbered once), since every pair is compared.
    let needed = rows.filter { row in row.members.contains { mayPair(row.members[row.x], $0) } }.map { $0.members[$0.x] }.sorted()
    var fingerprints: [[Int]] = Array(repeating: [], count: reports.count)
    var numbers: [String: Int] = [:]
    for (i, strings) in zip(needed, parallelMap(needed) { fingerprint(reports[$0]) }) {
      fingerprints[i] = strings.map { s in
        if let n = numbers[s] { return n }
        numbers[s] = numbers.count
        return numbers.count - 1
      }.sorted()
    }
    let prints = fingerprints
    let scored = parallelMap(rows) { row -> [(pair: (Int, Int), score: Double)] in
      let i = row.members[row.x]
      var found: [(pair: (Int, Int), score: Double)] = []
      for j in row.members[(row.x + 1)...] where mayPair(i, j) {
        let score = jaccard(prints[i], prints[j])
        if score >= 0.5 { found.append(((i, j), score)) }
      }
      return found
    }.flatMap { $0 }
    return oneByLanguage(scored, language: { reports[$0].report.language })
  }

  /// The pairs kept when a report has at most one translation in each language: the closest pairs
  /// first (then the first in order), each kept when neither report has one in the other's
  /// language yet. (A post copied several times would otherwise be the translation of every
  /// copy of its translation, and their talks one talk.)
  static func oneByLanguage(_ scored: [(pair: (Int, Int), score: Double)], language: (Int) -> String) -> [(Int, Int)] {
    // The reports' languages, numbered (copies of a post give hundreds of thousands of pairs).
    var numbering: [String: Int] = [:]
    var languageOf: [Int: Int] = [:]
    for (pair, _) in scored {
      for r in [pair.0, pair.1] where languageOf[r] == nil {
        let l = language(r)
        languageOf[r] = numbering[l] ?? numbering.count
        numbering[l] = languageOf[r]
      }
    }
    var taken = Set<Int>()  // report × languages + the language of one of its translations
    var kept: [(Int, Int)] = []
    for ((a, b), _) in scored.sorted(by: { ($1.score, $0.pair.0, $0.pair.1) < ($0.score, $1.pair.0, $1.pair.1) }) {
      let (ab, ba) = (a * numbering.count + languageOf[b]!, b * numbering.count + languageOf[a]!)
      guard !taken.contains(ab), !taken.contains(ba) else { continue }
      taken.formUnion([ab, ba])
      kept.append((a, b))
    }
    return kept.sorted { $0 < $1 }
  }

  /// Projects, speakers and numbers of a report: what a translation keeps.
  static func fingerprint(_ parsed: ParsedReport) -> Set<String> {
    var set = Set(parsed.report.projects.map { "p:" + $0 })
    for t in parsed.talks { for s in t.speakers { set.insert("s:" + Folding.fold(s.name)) } }
    for n in parsed.numbers ?? parsed.report.sections.flatMap({ numbers(inText: $0.text) }) { set.insert("n:" + n) }
    return set
  }

  /// The words that are numbers of two digits or more, in order.
  static func numbers(in words: ArraySlice<Token>) -> [String] {
    var found: [String] = []
    for i in words.indices {
      // (Most words start with an ASCII letter, which their packed start tells: no number.)
      let first = words[i].asciiStart & 0xFF
      if first != 0 && (first < 0x30 || first > 0x39) { continue }
      if isNumber(words[i].text) { found.append(words[i].text) }
    }
    return found
  }

  /// ``numbers(in:)`` of the words of a text, read without making a string of every word.
  static func numbers(inText text: String) -> [String] {
    var text = text
    text.makeContiguousUTF8()
    var found: [String] = []
    _ = text.utf8.withContiguousStorageIfAvailable { bytes in
      Tokenizer.scan(bytes) { start, end, _, _ in
        // (A word that starts with an ASCII letter is no number.)
        let first = bytes[start]
        if first >= 0x80 || (first >= 0x30 && first <= 0x39) {
          let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
          if isNumber(word) { found.append(word) }
        }
        return true
      }
    }
    return found
  }

  /// Whether a word (a run of letters and digits, as the tokenizer reads them) is a number of
  /// two digits or more: what a translation keeps of a text.
  static func isNumber(_ word: String) -> Bool {
    guard let first = word.utf8.first else { return false }
    if first < 0x80 {
      guard first >= 0x30 && first <= 0x39 else { return false }
      if word.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { return word.utf8.count >= 2 }
    }
    return word.allSatisfy(\.isNumber) && word.count >= 2
  }

  // MARK: - Talks

  /// The key two talks share when their titles are the same after folding quotes, case, accents
  /// and punctuation.
  static func titleKey(_ title: String) -> String {
    var folded = Folding.fold(title)
    // ASCII (most titles once folded, which lowers capitals): letters and digits are bytes.
    if let key = folded.withUTF8({ bytes -> String? in
      guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
      return String(decoding: bytes.filter { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) }, as: UTF8.self)
    }) {
      return key
    }
    var key = String.UnicodeScalarView()
    key.append(contentsOf: folded.unicodeScalars.lazy.filter { CharacterSetLike.isAlphanumeric($0) })
    return String(key)
  }

  /// Groups of talks (as `(report index, talk index)`) that are the same talk: the same session
  /// of the program, the same folded title in the same edition, the same speakers in the same edition (unless they gave talks of
  /// several titles there), or the talks in the same place of two translated reports.
  static func sameTalks(_ reports: [ParsedReport], translations: [(Int, Int)]) -> [[(Int, Int)]] {
    var refs: [(Int, Int)] = []
    // Talk t of report r is refs[firstRef[r] + t].
    var firstRef: [Int] = []
    for (r, parsed) in reports.enumerated() {
      firstRef.append(refs.count)
      for t in parsed.talks.indices { refs.append((r, t)) }
    }
    var parent = Array(refs.indices)
    func find(_ x: Int) -> Int {
      var x = x
      while parent[x] != x {
        parent[x] = parent[parent[x]]
        x = parent[x]
      }
      return x
    }
    func union(_ a: Int, _ b: Int) {
      let ra = find(a)
      let rb = find(b)
      if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
    }
    // The keys of each talk, made on every core: its title's (a stated title) and its speakers'.
    // (Each talk read in place, not copied with its text and lists.)
    let keys = parallelMap(refs) { (r, t) -> (title: String?, speakers: String?) in
      let edition = reports[r].talks[t].edition?.id ?? ""
      let speakers = reports[r].talks[t].speakers
      // Talks linked to one session of the program are one talk.
      let title = reports[r].talks[t].session.map { "session|" + $0.id }
        ?? (reports[r].talks[t].titleSource == .stated ? edition + "|" + titleKey(reports[r].talks[t].title) : nil)
      return (
        title,
        speakers.isEmpty ? nil : edition + "|" + speakers.map { Folding.fold($0.name) }.sorted().joined(separator: ","))
    }
    // Speakers who gave talks of several stated titles in an edition tell none of their talks
    // there: joined by speakers, those talks would all be one (and, through their titles, the
    // talks of other speakers too).
    var titlesOf: [String: String] = [:]
    var severalTalks = Set<String>()
    for key in keys {
      guard let sk = key.speakers, let tk = key.title else { continue }
      if let other = titlesOf[sk] { if other != tk { severalTalks.insert(sk) } } else { titlesOf[sk] = tk }
    }
    var byTitle: [String: Int] = [:]
    var bySpeakers: [String: Int] = [:]
    for (n, (r, _)) in refs.enumerated() {
      if let tk = keys[n].title {
        if let other = byTitle[tk] { union(n, other) } else { byTitle[tk] = n }
      }
      if let sk = keys[n].speakers, !severalTalks.contains(sk) {
        if let other = bySpeakers[sk], refs[other].0 != r { union(n, other) } else { bySpeakers[sk] = n }
      }
    }
    // Translations present the same talks in the same order: each talk of one is the same as the
    // most similar of the other's. The pairs are compared on every core (a report may have many
    // translations), then joined.
    var shapes: [[TalkShape]] = Array(repeating: [], count: reports.count)
    var numbers: [String: Int] = [:]
    for r in Set(translations.flatMap { [$0.0, $0.1] }).sorted() {
      shapes[r] = reports[r].talks.map { TalkShape($0, numbering: &numbers) }
    }
    let runs = translations.count < 16 ? 1 : activeCores * 4
    let same = Slots<[(Int, Int)]>(count: runs)
    let (talkShapes, firstRefs) = (shapes, firstRef)
    DispatchQueue.concurrentPerform(iterations: runs) { run in
      var found: [(Int, Int)] = []
      for (a, b) in translations[(translations.count * run / runs)..<(translations.count * (run + 1) / runs)] {
        let (ta, tb) = (talkShapes[a], talkShapes[b])
        for i in ta.indices {
          if let j = bestMatch(i, ta, tb) { found.append((firstRefs[a] + i, firstRefs[b] + j)) }
        }
      }
      same.set(run, found)
    }
    for (x, y) in same.all.joined() { union(x, y) }
    var groups: [Int: [(Int, Int)]] = [:]
    for n in refs.indices { groups[find(n), default: []].append(refs[n]) }
    return groups.keys.sorted().compactMap { groups[$0] }
  }

  /// The talk of `tb` most like talk `i` of `ta` (scoring more than 0.6; the first of equals).
  ///
  /// A pair scores at most 1.6 (the same speakers, projects and kind) less twice its distance: the
  /// talks are tried outwards from the same place, and a side stops where no further talk could
  /// beat the best so far (trying every talk cost a second at 10,000 reports).
  static func bestMatch(_ i: Int, _ ta: [TalkShape], _ tb: [TalkShape]) -> Int? {
    let positionA = Double(i) / Double(max(ta.count, 1))
    func position(_ j: Int) -> Double { Double(j) / Double(max(tb.count, 1)) }
    var best: (j: Int, score: Double)? = nil
    // The last talk placed at or before `positionA`, and the ones after it.
    var left = min(tb.count - 1, i * tb.count / max(ta.count, 1))
    while left + 1 < tb.count && position(left + 1) <= positionA { left += 1 }
    while left >= 0 && position(left) > positionA { left -= 1 }
    var right = left + 1
    while left >= 0 || right < tb.count {
      let toLeft = left >= 0 && (right >= tb.count || positionA - position(left) <= position(right) - positionA)
      let j = toLeft ? left : right
      if 1.7 - 2 * abs(positionA - position(j)) <= (best?.score ?? 0.6) {
        // No talk further on this side can do better.
        if toLeft { left = -1 } else { right = tb.count }
        continue
      }
      let s = similarity(ta[i], tb[j], positionA: positionA, positionB: position(j))
      if s > (best?.score ?? 0.6) || (s == best?.score && j < best!.j) { best = (j, s) }
      if toLeft { left -= 1 } else { right += 1 }
    }
    return best?.j
  }

  /// What a talk is compared by across a translation: its speakers (folded) and projects as
  /// sorted numbers, each string numbered once, since a report with many translations is
  /// compared many times.
  struct TalkShape {
    var speakers: [Int]
    var projects: [Int]
    var kind: TalkKind

    init(_ talk: Talk, numbering: inout [String: Int]) {
      func number(_ s: String) -> Int {
        if let n = numbering[s] { return n }
        numbering[s] = numbering.count
        return numbering.count - 1
      }
      speakers = Set(talk.speakers.map { number(Folding.fold($0.name)) }).sorted()
      projects = Set(talk.projects.map(number)).sorted()
      kind = talk.kind
    }
  }

  /// Jaccard index of two sorted lists without repeats.
  static func jaccard(_ a: [Int], _ b: [Int]) -> Double {
    var i = 0, j = 0, common = 0
    while i < a.count && j < b.count {
      if a[i] == b[j] {
        common += 1
        i += 1
        j += 1
      } else if a[i] < b[j] {
        i += 1
      } else {
        j += 1
      }
    }
    let union = a.count + b.count - common
    return union == 0 ? 0 : Double(common) / Double(union)
  }

  static func similarity(_ a: TalkShape, _ b: TalkShape, positionA: Double, positionB: Double) -> Double {
    var score = 0.0
    if !a.speakers.isEmpty || !b.speakers.isEmpty { score += jaccard(a.speakers, b.speakers) } else { score += 0.3 }
    score += 0.5 * jaccard(a.projects, b.projects)
    score += a.kind == b.kind ? 0.1 : 0
    score -= 2 * abs(positionA - positionB)
    return score
  }
}

/// Unicode letter-or-digit test on scalars without Foundation's CharacterSet.
enum CharacterSetLike {
  static func isAlphanumeric(_ s: Unicode.Scalar) -> Bool {
    s.properties.isAlphabetic || (s.value >= 0x30 && s.value <= 0x39)
  }
}
