/// The kind of a session of the official program, as its name, prefix or track tells.
public enum SessionKind: String, Codable, Sendable, CaseIterable, FieldEnum {
  case keynote
  case sponsoredKeynote = "sponsored-keynote"
  case panel
  case lightning
  case tutorial
  case maintainer
  case poster
  case colocated
  /// Registration, badge pick-up, breaks, cloakrooms, receptions: nothing a report presents.
  case logistics
  case session

  /// The talk kind a report's talk linked to such a session has.
  var talkKind: TalkKind {
    switch self {
    case .keynote, .sponsoredKeynote: return .keynote
    case .panel: return .panel
    case .lightning: return .lightning
    case .tutorial: return .tutorial
    case .maintainer, .poster, .colocated, .logistics, .session: return .session
    }
  }
}

/// A speaker as the program lists them: `Name, Role, Organization`.
public struct SessionSpeaker: Codable, Hashable, Sendable {
  public var name = ""
  @Nullable public var organization: String? = nil
  /// `CEO`, `Maintainer`, `Independent`: what stands where an organization or beside it would.
  @Nullable public var role: String? = nil

  init(name: String, organization: String? = nil, role: String? = nil) {
    self.name = name
    self.organization = organization
    self.role = role
  }
}

/// A session of an edition's official program (Sched).
public struct Session: Codable, Hashable, Sendable {
  /// `eu-2025-1txVP`: the edition and Sched's event id (or a slug of the title without one).
  public var id = ""
  /// The edition id of `Data/editions.json`.
  public var edition = ""
  public var title = ""
  public var kind = SessionKind.session
  public var speakers: [SessionSpeaker] = []
  @Nullable public var track: String? = nil
  /// The session's page.
  @Nullable public var url: String? = nil
  /// `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM` (local time; `Z` ends a UTC time).
  @Nullable public var start: String? = nil
  @Nullable public var end: String? = nil
  @Nullable public var location: String? = nil
  /// The name as the program shows it (`Title - Speaker, Organization`), which the rest is read from.
  var name = ""

  init(
    id: String, edition: String, title: String, kind: SessionKind, speakers: [SessionSpeaker], track: String?,
    url: String?, start: String?, end: String?, location: String?, name: String
  ) {
    self.id = id
    self.edition = edition
    self.title = title
    self.kind = kind
    self.speakers = speakers
    self.track = track
    self.url = url
    self.start = start
    self.end = end
    self.location = location
    self.name = name
  }

  /// What a linked talk keeps of its session.
  var ref: SessionRef {
    SessionRef(id: id, edition: edition, title: title, url: url, track: track, kind: kind, speakers: speakers)
  }
}

/// The session a report's talk is linked to, as the talk carries it.
public struct SessionRef: Codable, Hashable, Sendable {
  public var id = ""
  var edition = ""
  var title = ""
  @Nullable public var url: String? = nil
  @Nullable public var track: String? = nil
  var kind = SessionKind.session
  public var speakers: [SessionSpeaker] = []

  init(id: String, edition: String, title: String, url: String?, track: String?, kind: SessionKind, speakers: [SessionSpeaker]) {
    self.id = id
    self.edition = edition
    self.title = title
    self.url = url
    self.track = track
    self.kind = kind
    self.speakers = speakers
  }
}

extension SessionSpeaker: FieldListed {
  init() {}

  mutating func fields<V: FieldVisitor>(_ v: inout V) throws(V.Failure) {
    try v.field("name", &name)
    try v.field("organization", &_organization)
    try v.field("role", &_role)
  }
}

extension Session: FieldListed {
  init() {}

  mutating func fields<V: FieldVisitor>(_ v: inout V) throws(V.Failure) {
    try v.field("edition", &edition, .shared)
    try v.field("end", &_end)
    try v.field("id", &id)
    try v.field("kind", &kind)
    try v.field("location", &_location)
    try v.field("name", &name)
    try v.field("speakers", &speakers)
    try v.field("start", &_start)
    try v.field("title", &title)
    try v.field("track", &_track, .shared)
    try v.field("url", &_url)
  }
}

extension SessionRef: FieldListed {
  init() {}

  mutating func fields<V: FieldVisitor>(_ v: inout V) throws(V.Failure) {
    try v.field("edition", &edition)
    try v.field("id", &id)
    try v.field("kind", &kind)
    try v.field("speakers", &speakers)
    try v.field("title", &title)
    try v.field("track", &_track)
    try v.field("url", &_url)
  }
}
