/// A unit of a report's body, with the line it starts on.
public struct Block: Sendable, Equatable {
  public enum Kind: Sendable, Equatable {
    case heading(level: Int)
    case paragraph
    case listItem(depth: Int)
    case quote
    /// A line that closes a session's notes ("Voir la vidéo de cette session", "Watch the recording").
    case marker
  }

  public var kind: Kind
  public var inline: InlineText
  public var line: Int

  public var text: String { inline.text }

  public var isHeading: Bool {
    if case .heading = kind { return true }
    return false
  }

  public var headingLevel: Int? {
    if case .heading(let level) = kind { return level }
    return nil
  }
}
