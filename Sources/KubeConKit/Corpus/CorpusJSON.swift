/// The corpus's types as JSON, read by ``JSONReader`` and written by ``JSONWriter``: the same
/// bytes as their `Codable` conformances with ``JSONOutput``, at a fraction of the cost (a test
/// checks both). Keys are written in sorted (byte) order; optionals are left out when nil, except
/// a speaker's organization and a project's maturity, written as null.

extension Corpus: JSONReadable, JSONWritable {
  public init(json r: inout JSONReader) throws {
    var version: Int?, reports: [Report]?, talks: [Talk]?, speakers: [Speaker]?
    var projects: [ProjectEntry]?, themes: [ThemeEntry]?, editions: [Edition]?
    try r.object { r, key in
      switch key {
      case "schemaVersion": version = try r.int()
      case "reports": reports = try r.list()
      case "talks": talks = try r.list()
      case "speakers": speakers = try r.list()
      case "projects": projects = try r.list()
      case "themes": themes = try r.list()
      case "editions": editions = try r.list()
      default: try r.skip()
      }
    }
    self.init(
      schemaVersion: try required(version, "schemaVersion"), reports: try required(reports, "reports"),
      talks: try required(talks, "talks"), speakers: try required(speakers, "speakers"),
      projects: try required(projects, "projects"), themes: try required(themes, "themes"),
      editions: try required(editions, "editions"))
  }

  func write(json w: inout JSONWriter) {
    w.object { w in
      w.key("editions"); w.list(editions)
      w.key("projects"); w.parallelList(projects)
      w.key("reports"); w.parallelList(reports)
      w.key("schemaVersion"); w.int(schemaVersion)
      w.key("speakers"); w.parallelList(speakers)
      w.key("talks"); w.parallelList(talks)
      w.key("themes"); w.parallelList(themes)
    }
  }
}

extension Edition: JSONReadable, JSONWritable {
  init(json r: inout JSONReader) throws {
    var id: String?, year: Int?, region: String?, city: String?, aliases: [String]?, start: String?, end: String?
    var virtual: Bool?
    try r.object { r, key in
      switch key {
      case "id": id = try r.string()
      case "year": year = try r.int()
      case "region": region = try r.string()
      case "city": city = try r.string()
      case "cityAliases": aliases = try r.null() ? nil : try r.strings()
      case "start": start = try r.optionalString()
      case "end": end = try r.optionalString()
      case "virtual": virtual = try r.null() ? nil : try r.bool()
      default: try r.skip()
      }
    }
    self.init(
      id: try required(id, "id"), year: try required(year, "year"), region: try required(region, "region"),
      city: try required(city, "city"), cityAliases: aliases ?? [], start: start, end: end, virtual: virtual ?? false)
  }

  func write(json w: inout JSONWriter) {
    w.object { w in
      w.key("city"); w.string(city)
      w.key("cityAliases"); w.strings(cityAliases)
      if let end { w.key("end"); w.string(end) }
      w.key("id"); w.string(id)
      w.key("region"); w.string(region)
      if let start { w.key("start"); w.string(start) }
      w.key("virtual"); w.bool(virtual)
      w.key("year"); w.int(year)
    }
  }
}

extension EditionRef: JSONReadable, JSONWritable {
  init(json r: inout JSONReader) throws {
    var id: String?, year: Int?, city: String?, region: String?
    try r.object { r, key in
      switch key {
      case "id": id = try r.string()
      case "year": year = try r.int()
      case "city": city = try r.string()
      case "region": region = try r.string()
      default: try r.skip()
      }
    }
    self.init(id: try required(id, "id"), year: try required(year, "year"), city: try required(city, "city"), region: try required(region, "region"))
  }

  func write(json w: inout JSONWriter) {
    w.object { w in
      w.key("city"); w.string(city)
      w.key("id"); w.string(id)
      w.key("region"); w.string(region)
      w.key("year"); w.int(year)
    }
  }
}

extension Report: JSONReadable, JSONWritable {
  init(json r: inout JSONReader) throws {
    var id: String?, file: String?, title: String?, language: String?, date: String?, author: String?
    var organization: String?, edition: EditionRef?, translations: [String]?, talks: [String]?, projects: [String]?
    var themes: [String]?, sections: [Section]?, warnings: [String]?, contentHash: String?, extracted: [ExtractedTalk]?
    var unknownProjects: [String] = []  // (absent from corpora written before it)
    try r.object { r, key in
      switch key {
      case "id": id = try r.string()
      case "file": file = try r.string()
      case "title": title = try r.string()
      case "language": language = try r.string()
      case "date": date = try r.optionalString()
      case "author": author = try r.optionalString()
      case "organization": organization = try r.optionalString()
      case "edition": edition = try r.null() ? nil : try EditionRef(json: &r)
      case "translations": translations = try r.strings()
      case "talks": talks = try r.strings()
      case "projects": projects = try r.strings()
      case "themes": themes = try r.strings()
      case "sections": sections = try r.list()
      case "warnings": warnings = try r.strings()
      case "contentHash": contentHash = try r.string()
      case "extracted": extracted = try r.list()
      case "unknownProjects": unknownProjects = try r.strings()
      default: try r.skip()
      }
    }
    self.init(
      id: try required(id, "id"), file: try required(file, "file"), title: try required(title, "title"),
      language: try required(language, "language"), date: date, author: author, organization: organization, edition: edition,
      translations: try required(translations, "translations"), talks: try required(talks, "talks"),
      projects: try required(projects, "projects"), themes: try required(themes, "themes"),
      sections: try required(sections, "sections"), warnings: try required(warnings, "warnings"),
      contentHash: try required(contentHash, "contentHash"), extracted: try required(extracted, "extracted"),
      unknownProjects: unknownProjects)
  }

  func write(json w: inout JSONWriter) {
    w.object { w in
      if let author { w.key("author"); w.string(author) }
      w.key("contentHash"); w.string(contentHash)
      if let date { w.key("date"); w.string(date) }
      if let edition { w.key("edition"); edition.write(json: &w) }
      w.key("extracted"); w.list(extracted)
      w.key("file"); w.string(file)
      w.key("id"); w.string(id)
      w.key("language"); w.string(language)
      if let organization { w.key("organization"); w.string(organization) }
      w.key("projects"); w.strings(projects)
      w.key("sections"); w.list(sections)
      w.key("talks"); w.strings(talks)
      w.key("themes"); w.strings(themes)
      w.key("title"); w.string(title)
      w.key("translations"); w.strings(translations)
      w.key("unknownProjects"); w.strings(unknownProjects)
      w.key("warnings"); w.strings(warnings)
    }
  }
}

extension Section: JSONReadable, JSONWritable {
  init(json r: inout JSONReader) throws {
    var id: String?, heading: String?, level: Int?, line: Int?, text: String?, talk: String?
    try r.object { r, key in
      switch key {
      case "id": id = try r.string()
      case "heading": heading = try r.optionalString()
      case "level": level = try r.int()
      case "line": line = try r.int()
      case "text": text = try r.string()
      case "talk": talk = try r.optionalString()
      default: try r.skip()
      }
    }
    self.init(
      id: try required(id, "id"), heading: heading, level: try required(level, "level"), line: try required(line, "line"),
      text: try required(text, "text"), talk: talk)
  }

  func write(json w: inout JSONWriter) {
    w.object { w in
      if let heading { w.key("heading"); w.string(heading) }
      w.key("id"); w.string(id)
      w.key("level"); w.int(level)
      w.key("line"); w.int(line)
      if let talk { w.key("talk"); w.string(talk) }
      w.key("text"); w.string(text)
    }
  }
}

extension ExtractedTalk: JSONReadable, JSONWritable {
  init(json r: inout JSONReader) throws {
    var id: String?, title: String?, titleSource: TitleSource?, kind: TalkKind?, speakers: [SpeakerRef]?
    var projects: [String]?, themes: [String]?, line: Int?, section: Int?, text: String?
    var reportTitle: String?, session: SessionRef?
    try r.object { r, key in
      switch key {
      case "reportTitle": reportTitle = try r.optionalString()
      case "session": session = try r.null() ? nil : try SessionRef(json: &r)
      case "id": id = try r.string()
      case "title": title = try r.string()
      case "titleSource": titleSource = try r.value(of: TitleSource.self)
      case "kind": kind = try r.value(of: TalkKind.self)
      case "speakers": speakers = try r.list()
      case "projects": projects = try r.strings()
      case "themes": themes = try r.strings()
      case "line": line = try r.int()
      case "section": section = try r.int()
      case "text": text = try r.optionalString()
      default: try r.skip()
      }
    }
    self.init(
      id: try required(id, "id"), title: try required(title, "title"), titleSource: try required(titleSource, "titleSource"),
      kind: try required(kind, "kind"), speakers: try required(speakers, "speakers"), projects: try required(projects, "projects"),
      themes: try required(themes, "themes"), line: try required(line, "line"), section: try required(section, "section"), text: text,
      reportTitle: reportTitle, session: session)
  }

  func write(json w: inout JSONWriter) {
    w.object { w in
      w.key("id"); w.string(id)
      w.key("kind"); w.string(kind.rawValue)
      w.key("line"); w.int(line)
      w.key("projects"); w.strings(projects)
      if let reportTitle { w.key("reportTitle"); w.string(reportTitle) }
      w.key("section"); w.int(section)
      if let session { w.key("session"); session.write(json: &w) }
      w.key("speakers"); w.list(speakers)
      if let text { w.key("text"); w.string(text) }
      w.key("themes"); w.strings(themes)
      w.key("title"); w.string(title)
      w.key("titleSource"); w.string(titleSource.rawValue)
    }
  }
}

extension SpeakerRef: JSONReadable, JSONWritable {
  public init(json r: inout JSONReader) throws {
    var name: String?, organization: String?
    try r.object { r, key in
      switch key {
      case "name": name = try r.string()
      case "organization": organization = try r.optionalString()
      default: try r.skip()
      }
    }
    self.init(name: try required(name, "name"), organization: organization)
  }

  func write(json w: inout JSONWriter) {
    w.object { w in
      w.key("name"); w.string(name)
      w.key("organization")
      if let organization { w.string(organization) } else { w.null() }
    }
  }
}

extension Talk: JSONReadable, JSONWritable {
  init(json r: inout JSONReader) throws {
    var id: String?, title: String?, titleSource: TitleSource?, kind: TalkKind?, edition: EditionRef?
    var speakers: [SpeakerRef]?, projects: [String]?, themes: [String]?, reports: [String]?, mentions: [Mention]?, text: String?
    var reportTitle: String?, session: SessionRef?
    try r.object { r, key in
      switch key {
      case "reportTitle": reportTitle = try r.optionalString()
      case "session": session = try r.null() ? nil : try SessionRef(json: &r)
      case "id": id = try r.string()
      case "title": title = try r.string()
      case "titleSource": titleSource = try r.value(of: TitleSource.self)
      case "kind": kind = try r.value(of: TalkKind.self)
      case "edition": edition = try r.null() ? nil : try EditionRef(json: &r)
      case "speakers": speakers = try r.list()
      case "projects": projects = try r.strings()
      case "themes": themes = try r.strings()
      case "reports": reports = try r.strings()
      case "mentions": mentions = try r.list()
      case "text": text = try r.string()
      default: try r.skip()
      }
    }
    self.init(
      id: try required(id, "id"), title: try required(title, "title"), titleSource: try required(titleSource, "titleSource"),
      kind: try required(kind, "kind"), edition: edition, speakers: try required(speakers, "speakers"),
      projects: try required(projects, "projects"), themes: try required(themes, "themes"), reports: try required(reports, "reports"),
      mentions: try required(mentions, "mentions"), text: try required(text, "text"), reportTitle: reportTitle, session: session)
  }

  func write(json w: inout JSONWriter) {
    w.object { w in
      if let edition { w.key("edition"); edition.write(json: &w) }
      w.key("id"); w.string(id)
      w.key("kind"); w.string(kind.rawValue)
      w.key("mentions"); w.list(mentions)
      w.key("projects"); w.strings(projects)
      if let reportTitle { w.key("reportTitle"); w.string(reportTitle) }
      w.key("reports"); w.strings(reports)
      if let session { w.key("session"); session.write(json: &w) }
      w.key("speakers"); w.list(speakers)
      w.key("text"); w.string(text)
      w.key("themes"); w.strings(themes)
      w.key("title"); w.string(title)
      w.key("titleSource"); w.string(titleSource.rawValue)
    }
  }
}

extension Mention: JSONReadable, JSONWritable {
  init(json r: inout JSONReader) throws {
    var report: String?, line: Int?, excerpt: String?
    try r.object { r, key in
      switch key {
      case "report": report = try r.sharedString()
      case "line": line = try r.int()
      case "excerpt": excerpt = try r.string()
      default: try r.skip()
      }
    }
    self.init(report: try required(report, "report"), line: try required(line, "line"), excerpt: try required(excerpt, "excerpt"))
  }

  func write(json w: inout JSONWriter) {
    w.object { w in
      w.key("excerpt"); w.string(excerpt)
      w.key("line"); w.int(line)
      w.key("report"); w.string(report)
    }
  }
}

extension Speaker: JSONReadable, JSONWritable {
  init(json r: inout JSONReader) throws {
    var id: String?, name: String?, organizations: [String]?, talks: [String]?, years: [Int]?, reports: [String]?
    try r.object { r, key in
      switch key {
      case "id": id = try r.string()
      case "name": name = try r.string()
      case "organizations": organizations = try r.strings()
      case "talks": talks = try r.strings()
      case "years": years = try r.ints()
      case "reports": reports = try r.strings()
      default: try r.skip()
      }
    }
    self.init(
      id: try required(id, "id"), name: try required(name, "name"), organizations: try required(organizations, "organizations"),
      talks: try required(talks, "talks"), years: try required(years, "years"), reports: try required(reports, "reports"))
  }

  func write(json w: inout JSONWriter) {
    w.object { w in
      w.key("id"); w.string(id)
      w.key("name"); w.string(name)
      w.key("organizations"); w.strings(organizations)
      w.key("reports"); w.strings(reports)
      w.key("talks"); w.strings(talks)
      w.key("years"); w.ints(years)
    }
  }
}

extension ProjectEntry: JSONReadable, JSONWritable {
  init(json r: inout JSONReader) throws {
    var id: String?, name: String?, aliases: [String]?, maturity: String?, category: String?
    var mentions: [String: Int]?, talks: [String]?, reports: [String]?
    var known = true  // (absent from corpora written before it)
    try r.object { r, key in
      switch key {
      case "known": known = try r.bool()
      case "id": id = try r.string()
      case "name": name = try r.string()
      case "aliases": aliases = try r.strings()
      case "maturity": maturity = try r.optionalString()
      case "category": category = try r.string()
      case "mentions": mentions = try r.counts()
      case "talks": talks = try r.strings()
      case "reports": reports = try r.strings()
      default: try r.skip()
      }
    }
    self.init(
      id: try required(id, "id"), name: try required(name, "name"), aliases: try required(aliases, "aliases"), maturity: maturity,
      category: try required(category, "category"), mentions: try required(mentions, "mentions"),
      talks: try required(talks, "talks"), reports: try required(reports, "reports"), known: known)
  }

  func write(json w: inout JSONWriter) {
    w.object { w in
      w.key("aliases"); w.strings(aliases)
      w.key("category"); w.string(category)
      w.key("id"); w.string(id)
      w.key("known"); w.bool(known)
      w.key("maturity")
      if let maturity { w.string(maturity) } else { w.null() }
      w.key("mentions"); w.counts(mentions)
      w.key("name"); w.string(name)
      w.key("reports"); w.strings(reports)
      w.key("talks"); w.strings(talks)
    }
  }
}

extension ThemeEntry: JSONReadable, JSONWritable {
  init(json r: inout JSONReader) throws {
    var id: String?, labels: Labels?, talks: [String: Int]?, talkIds: [String]?, reports: [String]?
    try r.object { r, key in
      switch key {
      case "id": id = try r.string()
      case "labels": labels = try Labels(json: &r)
      case "talks": talks = try r.counts()
      case "talkIds": talkIds = try r.strings()
      case "reports": reports = try r.strings()
      default: try r.skip()
      }
    }
    self.init(
      id: try required(id, "id"), labels: try required(labels, "labels"), talks: try required(talks, "talks"),
      talkIds: try required(talkIds, "talkIds"), reports: try required(reports, "reports"))
  }

  func write(json w: inout JSONWriter) {
    w.object { w in
      w.key("id"); w.string(id)
      w.key("labels"); labels.write(json: &w)
      w.key("reports"); w.strings(reports)
      w.key("talkIds"); w.strings(talkIds)
      w.key("talks"); w.counts(talks)
    }
  }
}

extension Labels: JSONReadable, JSONWritable {
  init(json r: inout JSONReader) throws {
    var en: String?, fr: String?
    try r.object { r, key in
      switch key {
      case "en": en = try r.string()
      case "fr": fr = try r.string()
      default: try r.skip()
      }
    }
    self.init(en: try required(en, "en"), fr: try required(fr, "fr"))
  }

  func write(json w: inout JSONWriter) {
    w.object { w in
      w.key("en"); w.string(en)
      w.key("fr"); w.string(fr)
    }
  }
}

extension SessionRef: JSONReadable, JSONWritable {
  init(json r: inout JSONReader) throws {
    var id: String?, edition: String?, title: String?, url: String?, track: String?, kind: SessionKind?
    var speakers: [SessionSpeaker]?
    try r.object { r, key in
      switch key {
      case "id": id = try r.string()
      case "edition": edition = try r.string()
      case "title": title = try r.string()
      case "url": url = try r.optionalString()
      case "track": track = try r.optionalString()
      case "kind": kind = try r.value(of: SessionKind.self)
      case "speakers": speakers = try r.list()
      default: try r.skip()
      }
    }
    self.init(
      id: try required(id, "id"), edition: try required(edition, "edition"), title: try required(title, "title"), url: url,
      track: track, kind: try required(kind, "kind"), speakers: try required(speakers, "speakers"))
  }

  func write(json w: inout JSONWriter) {
    w.object { w in
      w.key("edition"); w.string(edition)
      w.key("id"); w.string(id)
      w.key("kind"); w.string(kind.rawValue)
      w.key("speakers"); w.list(speakers)
      w.key("title"); w.string(title)
      w.key("track")
      if let track { w.string(track) } else { w.null() }
      w.key("url")
      if let url { w.string(url) } else { w.null() }
    }
  }
}

extension SessionSpeaker: JSONReadable, JSONWritable {
  init(json r: inout JSONReader) throws {
    var name: String?, organization: String?, role: String?
    try r.object { r, key in
      switch key {
      case "name": name = try r.string()
      case "organization": organization = try r.optionalString()
      case "role": role = try r.optionalString()
      default: try r.skip()
      }
    }
    self.init(name: try required(name, "name"), organization: organization, role: role)
  }

  func write(json w: inout JSONWriter) {
    w.object { w in
      w.key("name"); w.string(name)
      w.key("organization")
      if let organization { w.string(organization) } else { w.null() }
      w.key("role")
      if let role { w.string(role) } else { w.null() }
    }
  }
}
