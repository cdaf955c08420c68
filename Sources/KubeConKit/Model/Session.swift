/// The kind of a session of the official program, as its name, prefix or track tells.
public enum SessionKind: String, Codable, Sendable, CaseIterable {
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
  public var name: String
  @Nullable public var organization: String?
  /// `CEO`, `Maintainer`, `Independent`: what stands where an organization or beside it would.
  @Nullable public var role: String?

  init(name: String, organization: String? = nil, role: String? = nil) {
    self.name = name
    self.organization = organization
    self.role = role
  }
}

/// A session of an edition's official program (Sched).
public struct Session: Codable, Hashable, Sendable {
  /// `eu-2025-1txVP`: the edition and Sched's event id (or a slug of the title without one).
  public var id: String
  /// The edition id of `Data/editions.json`.
  public var edition: String
  public var title: String
  public var kind: SessionKind
  public var speakers: [SessionSpeaker]
  @Nullable public var track: String?
  /// The session's page.
  @Nullable public var url: String?
  /// `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM` (local time; `Z` ends a UTC time).
  @Nullable public var start: String?
  @Nullable public var end: String?
  @Nullable public var location: String?
  /// The name as the program shows it (`Title - Speaker, Organization`), which the rest is read from.
  var name: String

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
  public var id: String
  var edition: String
  var title: String
  @Nullable public var url: String?
  @Nullable public var track: String?
  var kind: SessionKind
  public var speakers: [SessionSpeaker]

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
