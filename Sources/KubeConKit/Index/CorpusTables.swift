/// The corpus tables of the index: every report, talk, speaker, project, theme and edition,
/// with short strings pooled. The long texts (a report's sections and extracted talks, a talk's
/// text and excerpts) are kept apart as details, read for one entry when a command shows it.
///
/// Decoding the tables gives the corpus with those texts left empty; ``CorpusIndex`` fills them
/// back for the entries that need them.
struct CorpusTablesWriter {
  var pool = StringPool()
  var details = ByteWriter()

  private mutating func s(_ value: String, _ w: inout ByteWriter) { w.varint(pool.number(value)) }
  private mutating func s(_ value: String?, _ w: inout ByteWriter) { w.optional(value.map { pool.number($0) }) }
  private mutating func list(_ values: [String], _ w: inout ByteWriter) {
    w.varint(values.count)
    for v in values { s(v, &w) }
  }
  private mutating func counts(_ values: [String: Int], _ w: inout ByteWriter) {
    w.varint(values.count)
    for k in values.keys.sorted() {
      s(k, &w)
      w.varint(values[k] ?? 0)
    }
  }
  private mutating func edition(_ e: EditionRef?, _ w: inout ByteWriter) {
    guard let e else { return w.u8(0) }
    w.u8(1)
    s(e.id, &w)
    w.varint(e.year)
    s(e.city, &w)
    s(e.region, &w)
  }
  private mutating func session(_ x: SessionRef?, _ w: inout ByteWriter) {
    guard let x else { return w.u8(0) }
    w.u8(1)
    s(x.id, &w); s(x.edition, &w); s(x.title, &w); s(x.url, &w); s(x.track, &w); s(x.kind.rawValue, &w)
    w.varint(x.speakers.count)
    for p in x.speakers {
      s(p.name, &w); s(p.organization, &w); s(p.role, &w)
    }
  }
  private mutating func speakers(_ refs: [SpeakerRef], _ w: inout ByteWriter) {
    w.varint(refs.count)
    for r in refs {
      s(r.name, &w)
      s(r.organization, &w)
    }
  }

  /// The table sections, in ``IndexFile/Section`` order from `.reports` to `.editions`.
  mutating func tables(_ c: Corpus) -> [[UInt8]] {
    var reports = ByteWriter()
    reports.varint(c.reports.count)
    for r in c.reports {
      s(r.id, &reports); s(r.file, &reports); s(r.title, &reports); s(r.language, &reports)
      s(r.date, &reports); s(r.author, &reports); s(r.organization, &reports)
      edition(r.edition, &reports)
      list(r.translations, &reports); list(r.talks, &reports); list(r.projects, &reports); list(r.themes, &reports)
      list(r.warnings, &reports)
      s(r.contentHash, &reports)
      list(r.unknownProjects, &reports)
      RecordRef.write(reportDetails(r), into: &details, ref: &reports)
    }
    var talks = ByteWriter()
    talks.varint(c.talks.count)
    for t in c.talks {
      s(t.id, &talks); s(t.title, &talks)
      talks.u8(TitleSource.code(t.titleSource))
      s(t.reportTitle, &talks)
      session(t.session, &talks)
      s(t.kind.rawValue, &talks)
      edition(t.edition, &talks)
      speakers(t.speakers, &talks)
      list(t.projects, &talks); list(t.themes, &talks); list(t.reports, &talks)
      talks.varint(t.mentions.count)
      for m in t.mentions {
        s(m.report, &talks)
        talks.varint(m.line)
      }
      var text = ByteWriter()
      text.string(t.text)
      for m in t.mentions { text.string(m.excerpt) }
      RecordRef.write(text.bytes, into: &details, ref: &talks)
    }
    var people = ByteWriter()
    people.varint(c.speakers.count)
    for p in c.speakers {
      s(p.id, &people); s(p.name, &people)
      list(p.organizations, &people); list(p.talks, &people)
      people.varint(p.years.count)
      for y in p.years { people.varint(y) }
      list(p.reports, &people)
    }
    var projects = ByteWriter()
    projects.varint(c.projects.count)
    for p in c.projects {
      s(p.id, &projects); s(p.name, &projects); list(p.aliases, &projects); s(p.maturity, &projects); s(p.category, &projects)
      counts(p.mentions, &projects)
      list(p.talks, &projects); list(p.reports, &projects)
      projects.u8(p.known ? 1 : 0)
    }
    var themes = ByteWriter()
    themes.varint(c.themes.count)
    for t in c.themes {
      s(t.id, &themes); s(t.labels.en, &themes); s(t.labels.fr, &themes)
      counts(t.talks, &themes)
      list(t.talkIds, &themes); list(t.reports, &themes)
    }
    var editions = ByteWriter()
    editions.varint(c.editions.count)
    for e in c.editions {
      s(e.id, &editions); editions.varint(e.year); s(e.region, &editions); s(e.city, &editions)
      list(e.cityAliases, &editions); s(e.start, &editions); s(e.end, &editions)
      editions.u8(e.virtual ? 1 : 0)
    }
    return [reports.bytes, talks.bytes, people.bytes, projects.bytes, themes.bytes, editions.bytes]
  }

  /// A report's sections and extracted talks, strings inline.
  private func reportDetails(_ r: Report) -> [UInt8] {
    var w = ByteWriter()
    func opt(_ s: String?) {
      w.u8(s == nil ? 0 : 1)
      if let s { w.string(s) }
    }
    w.varint(r.sections.count)
    for x in r.sections {
      w.string(x.id); opt(x.heading); w.varint(x.level); w.varint(x.line); w.string(x.text); opt(x.talk)
    }
    w.varint(r.extracted.count)
    for t in r.extracted {
      w.string(t.id); w.string(t.title); w.u8(TitleSource.code(t.titleSource)); opt(t.reportTitle); w.string(t.kind.rawValue)
      w.u8(t.session == nil ? 0 : 1)
      if let x = t.session {
        w.string(x.id); w.string(x.edition); w.string(x.title); opt(x.url); opt(x.track); w.string(x.kind.rawValue)
        w.varint(x.speakers.count)
        for p in x.speakers {
          w.string(p.name); opt(p.organization); opt(p.role)
        }
      }
      w.varint(t.speakers.count)
      for sp in t.speakers {
        w.string(sp.name)
        opt(sp.organization)
      }
      w.varint(t.projects.count)
      for p in t.projects { w.string(p) }
      w.varint(t.themes.count)
      for p in t.themes { w.string(p) }
      w.varint(t.line); w.varint(t.section); opt(t.text)
    }
    return w.bytes
  }
}

/// Reads the tables ``CorpusTablesWriter`` wrote.
struct CorpusTablesReader {
  let strings: PooledStrings

  private func s(_ r: inout ByteReader) throws -> String { try strings.string(try r.varint()) }
  private func s(optional r: inout ByteReader) throws -> String? { try r.optional().map { try strings.string($0) } }
  private func list(_ r: inout ByteReader) throws -> [String] {
    let n = try r.count()
    var out: [String] = []
    out.reserveCapacity(n)
    for _ in 0..<n { out.append(try s(&r)) }
    return out
  }
  private func counts(_ r: inout ByteReader) throws -> [String: Int] {
    let n = try r.count()
    var out: [String: Int] = [:]
    for _ in 0..<n { out[try s(&r)] = try r.varint() }
    return out
  }
  private func edition(_ r: inout ByteReader) throws -> EditionRef? {
    guard try r.u8() == 1 else { return nil }
    return EditionRef(id: try s(&r), year: try r.varint(), city: try s(&r), region: try s(&r))
  }
  private func speakers(_ r: inout ByteReader) throws -> [SpeakerRef] {
    let n = try r.count()
    var out: [SpeakerRef] = []
    for _ in 0..<n { out.append(SpeakerRef(name: try s(&r), organization: try s(optional: &r))) }
    return out
  }
  private func session(_ r: inout ByteReader) throws -> SessionRef? {
    guard try r.u8() == 1 else { return nil }
    let id = try s(&r), edition = try s(&r), title = try s(&r), url = try s(optional: &r), track = try s(optional: &r)
    guard let kind = SessionKind(rawValue: try s(&r)) else { throw ByteReader.Malformed() }
    var speakers: [SessionSpeaker] = []
    for _ in 0..<(try r.count()) {
      speakers.append(SessionSpeaker(name: try s(&r), organization: try s(optional: &r), role: try s(optional: &r)))
    }
    return SessionRef(id: id, edition: edition, title: title, url: url, track: track, kind: kind, speakers: speakers)
  }
  private func kind(_ r: inout ByteReader) throws -> TalkKind {
    guard let k = TalkKind(rawValue: try s(&r)) else { throw ByteReader.Malformed() }
    return k
  }

  /// The reports without their sections and extracted talks, and where those are.
  func reports(_ bytes: UnsafeRawBufferPointer) throws -> ([Report], [RecordRef]) {
    var r = ByteReader(bytes)
    let n = try r.count()
    var reports: [Report] = []
    var refs: [RecordRef] = []
    reports.reserveCapacity(n)
    for _ in 0..<n {
      reports.append(Report(
        id: try s(&r), file: try s(&r), title: try s(&r), language: try s(&r), date: try s(optional: &r),
        author: try s(optional: &r), organization: try s(optional: &r), edition: try edition(&r),
        translations: try list(&r), talks: try list(&r), projects: try list(&r), themes: try list(&r),
        warnings: try list(&r), contentHash: try s(&r), unknownProjects: try list(&r)))
      refs.append(try RecordRef.read(&r))
    }
    return (reports, refs)
  }

  /// The talks with an empty text and empty excerpts, and where those are.
  func talks(_ bytes: UnsafeRawBufferPointer) throws -> ([Talk], [RecordRef]) {
    var r = ByteReader(bytes)
    let n = try r.count()
    var talks: [Talk] = []
    var refs: [RecordRef] = []
    talks.reserveCapacity(n)
    for _ in 0..<n {
      let id = try s(&r)
      let title = try s(&r)
      let source = try TitleSource.decode(try r.u8())
      let reportTitle = try s(optional: &r)
      let session = try session(&r)
      let kind = try kind(&r)
      let edition = try edition(&r)
      let speakers = try speakers(&r)
      let projects = try list(&r)
      let themes = try list(&r)
      let reports = try list(&r)
      var mentions: [Mention] = []
      for _ in 0..<(try r.count()) { mentions.append(Mention(report: try s(&r), line: try r.varint(), excerpt: "")) }
      talks.append(Talk(
        id: id, title: title, titleSource: source, kind: kind, edition: edition, speakers: speakers, projects: projects,
        themes: themes, reports: reports, mentions: mentions, text: "", reportTitle: reportTitle, session: session))
      refs.append(try RecordRef.read(&r))
    }
    return (talks, refs)
  }

  func speakers(_ bytes: UnsafeRawBufferPointer) throws -> [Speaker] {
    var r = ByteReader(bytes)
    var out: [Speaker] = []
    for _ in 0..<(try r.count()) {
      let id = try s(&r)
      let name = try s(&r)
      let organizations = try list(&r)
      let talks = try list(&r)
      var years: [Int] = []
      for _ in 0..<(try r.count()) { years.append(try r.varint()) }
      out.append(Speaker(id: id, name: name, organizations: organizations, talks: talks, years: years, reports: try list(&r)))
    }
    return out
  }

  func projects(_ bytes: UnsafeRawBufferPointer) throws -> [ProjectEntry] {
    var r = ByteReader(bytes)
    var out: [ProjectEntry] = []
    for _ in 0..<(try r.count()) {
      out.append(ProjectEntry(
        id: try s(&r), name: try s(&r), aliases: try list(&r), maturity: try s(optional: &r), category: try s(&r),
        mentions: try counts(&r), talks: try list(&r), reports: try list(&r), known: try r.u8() != 0))
    }
    return out
  }

  func themes(_ bytes: UnsafeRawBufferPointer) throws -> [ThemeEntry] {
    var r = ByteReader(bytes)
    var out: [ThemeEntry] = []
    for _ in 0..<(try r.count()) {
      out.append(ThemeEntry(
        id: try s(&r), labels: Labels(en: try s(&r), fr: try s(&r)), talks: try counts(&r), talkIds: try list(&r),
        reports: try list(&r)))
    }
    return out
  }

  func editions(_ bytes: UnsafeRawBufferPointer) throws -> [Edition] {
    var r = ByteReader(bytes)
    var out: [Edition] = []
    for _ in 0..<(try r.count()) {
      out.append(Edition(
        id: try s(&r), year: try r.varint(), region: try s(&r), city: try s(&r), cityAliases: try list(&r),
        start: try s(optional: &r), end: try s(optional: &r), virtual: try r.u8() == 1))
    }
    return out
  }

  /// A report's sections and extracted talks, from its details record.
  static func reportDetails(_ bytes: UnsafeRawBufferPointer) throws -> (sections: [Section], extracted: [ExtractedTalk]) {
    var r = ByteReader(bytes)
    func opt() throws -> String? { try r.u8() == 0 ? nil : try r.string() }
    var sections: [Section] = []
    for _ in 0..<(try r.count()) {
      sections.append(Section(
        id: try r.string(), heading: try opt(), level: try r.varint(), line: try r.varint(), text: try r.string(),
        talk: try opt()))
    }
    var extracted: [ExtractedTalk] = []
    for _ in 0..<(try r.count()) {
      let id = try r.string()
      let title = try r.string()
      let source = try TitleSource.decode(try r.u8())
      let reportTitle = try opt()
      guard let kind = TalkKind(rawValue: try r.string()) else { throw ByteReader.Malformed() }
      var session: SessionRef? = nil
      if try r.u8() == 1 {
        let sid = try r.string(), edition = try r.string(), stitle = try r.string(), url = try opt(), track = try opt()
        guard let skind = SessionKind(rawValue: try r.string()) else { throw ByteReader.Malformed() }
        var people: [SessionSpeaker] = []
        for _ in 0..<(try r.count()) { people.append(SessionSpeaker(name: try r.string(), organization: try opt(), role: try opt())) }
        session = SessionRef(id: sid, edition: edition, title: stitle, url: url, track: track, kind: skind, speakers: people)
      }
      var speakers: [SpeakerRef] = []
      for _ in 0..<(try r.count()) { speakers.append(SpeakerRef(name: try r.string(), organization: try opt())) }
      var projects: [String] = []
      for _ in 0..<(try r.count()) { projects.append(try r.string()) }
      var themes: [String] = []
      for _ in 0..<(try r.count()) { themes.append(try r.string()) }
      extracted.append(ExtractedTalk(
        id: id, title: title, titleSource: source, kind: kind, speakers: speakers, projects: projects, themes: themes,
        line: try r.varint(), section: try r.varint(), text: try opt(), reportTitle: reportTitle, session: session))
    }
    return (sections, extracted)
  }

  /// A talk's text and its mentions' excerpts, from its details record.
  static func talkDetails(_ bytes: UnsafeRawBufferPointer, mentions: Int) throws -> (text: String, excerpts: [String]) {
    var r = ByteReader(bytes)
    let text = try r.string()
    var excerpts: [String] = []
    for _ in 0..<mentions { excerpts.append(try r.string()) }
    return (text, excerpts)
  }
}

extension TitleSource {
  /// The byte the index writes for each source.
  static func code(_ source: TitleSource) -> UInt8 {
    switch source {
    case .stated: return 0
    case .derived: return 1
    case .schedule: return 2
    }
  }

  static func decode(_ byte: UInt8) throws -> TitleSource {
    switch byte {
    case 0: return .stated
    case 1: return .derived
    case 2: return .schedule
    default: throw ByteReader.Malformed()
    }
  }
}
