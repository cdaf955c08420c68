/// One searchable unit: a talk, or a report section that presents no talk.
public struct SearchDocument: Sendable {
  public enum Kind: String, Sendable, Codable { case talk, section }
  public var kind: Kind
  public var id: String
  public var report: String
  public var year: Int?
  /// Languages of the reports presenting it.
  var languages: [String]
  public var title: String
  /// In a ``SearchHit``, empty unless the search was asked to include it (`includeText`).
  var text: String
  var themes: [String]
  /// Other reports presenting the same talk or the same section (translations).
  public var alsoIn: [String]
  /// The languages of those reports, in the same order (for display).
  public var alsoInLanguages: [String]
  /// "EU 2025 London": the edition of `report`, when known.
  public var edition: String?
}

/// A search document with what ranks it whatever the query.
struct RankedDocument {
  var document: SearchDocument
  /// Stated titles weigh 3 against body text; a title derived from a report's section 1.5.
  var titleWeight: Double
  /// How sure we are that this is a talk someone gave, whatever the query: a stated title and
  /// named speakers each add 10%, so a named talk about a subject ranks above an author's summary
  /// of a keynote segment that is just as dense in the query's words.
  var prior: Double

  static let titleWeight = 3.0

  /// The documents of a corpus: every talk (its text is every section presenting it, in every
  /// report, a translation's too), then every section that presents no talk (a section and its
  /// translation, at the same place in a translated report, are one document).
  static func all(in corpus: Corpus) -> [RankedDocument] {
    var docs: [RankedDocument] = []
    let reports = Dictionary(corpus.reports.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    var talkTexts: [String: [String]] = [:]
    for report in corpus.reports {
      for section in report.sections {
        if let t = section.talk { talkTexts[t, default: []].append([section.heading ?? "", section.text].joined(separator: "\n")) }
      }
    }
    for talk in corpus.talks {
      let texts = talkTexts[talk.id] ?? []
      let text = texts.contains(talk.text) ? texts.joined(separator: "\n") : ([talk.text] + texts).joined(separator: "\n")
      let document = SearchDocument(
        kind: .talk, id: talk.id, report: talk.reports.first ?? "", year: talk.edition?.year,
        languages: Array(Set(talk.reports.compactMap { reports[$0]?.language })).sorted(),
        title: talk.title, text: text, themes: talk.themes, alsoIn: Array(talk.reports.dropFirst()),
        alsoInLanguages: talk.reports.dropFirst().compactMap { reports[$0]?.language },
        edition: reports[talk.reports.first ?? ""]?.edition?.label)
      docs.append(RankedDocument(
        document: document, titleWeight: talk.titleSource == .stated ? titleWeight : titleWeight / 2,
        prior: 1 + (talk.titleSource == .stated ? 0.1 : 0) + (talk.speakers.isEmpty ? 0 : 0.1)))
    }
    var seenTranslated = Set<String>()
    for report in corpus.reports {
      for (index, section) in report.sections.enumerated() where section.talk == nil && !section.text.isEmpty {
        var alsoIn: [String] = []
        for t in report.translations {
          guard let other = reports[t], other.sections.count == report.sections.count else { continue }
          let key = [report.id, t].sorted().joined(separator: "|") + "#\(index)"
          if seenTranslated.contains(key) { alsoIn = ["skip"]; break }
          seenTranslated.insert(key)
          alsoIn.append(t)
        }
        if alsoIn == ["skip"] { continue }
        let document = SearchDocument(
          kind: .section, id: report.id + "#" + section.id, report: report.id, year: report.edition?.year,
          languages: Array(Set([report.language] + alsoIn.compactMap { reports[$0]?.language })).sorted(),
          title: section.heading ?? report.title, text: section.text, themes: report.themes, alsoIn: alsoIn,
          alsoInLanguages: alsoIn.compactMap { reports[$0]?.language }, edition: report.edition?.label)
        docs.append(RankedDocument(document: document, titleWeight: section.heading == nil ? titleWeight / 2 : titleWeight, prior: 1))
      }
    }
    return docs
  }
}
