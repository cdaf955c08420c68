/// One speaker however reports write their name: the same key (case, accents and punctuation
/// aside), their organizations, talks, years and reports gathered.
public enum SpeakerIdentity {
  /// The key that makes one speaker of the ways reports write a name (case and accents aside).
  public static func key(_ name: String) -> String { Slug.make(name, maxLength: 80) }

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
        let key = keys[s.name] ?? key(s.name)
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
}
