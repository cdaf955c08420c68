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
  /// The words of `text`, read once for every extractor (set by ``Document`` from the words of
  /// the whole body, so their `text` is part of ``Document/bodyText``). The words of blocks
  /// joined by line breaks are their words one after the other.
  public internal(set) var tokens: ArraySlice<Token> = []
  /// Where `text` starts in ``Document/bodyText`` (a UTF-8 offset, as the tokens' are); set with
  /// ``tokens``.
  public internal(set) var textStart = 0

  public var text: String { inline.text }

  /// The texts of `blocks`, a line each. (Made at its size: `joined(separator:)` grows the string
  /// as it goes, and sections kept a third more memory than their text.)
  public static func text(of blocks: some Collection<Block>) -> String {
    guard let first = blocks.first else { return "" }
    var text = ""
    text.reserveCapacity(blocks.reduce(blocks.count - 1) { $0 + $1.text.utf8.count })
    text += first.text
    for block in blocks.dropFirst() {
      text += "\n"
      text += block.text
    }
    return text
  }

  public var isHeading: Bool {
    if case .heading = kind { return true }
    return false
  }

  public var headingLevel: Int? {
    if case .heading(let level) = kind { return level }
    return nil
  }
}
