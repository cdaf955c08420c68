/// A unit of a report's body, with the line it starts on.
struct Block: Sendable, Equatable {
  enum Kind: Sendable, Equatable {
    case heading(level: Int)
    case paragraph
    case listItem(depth: Int)
    case quote
    /// A line that closes a session's notes ("Voir la vidéo de cette session", "Watch the recording").
    case marker
  }

  var kind: Kind
  var inline: InlineText
  var line: Int
  /// The words of `text`, read once for every extractor (set by ``Document`` from the words of
  /// the whole body, so their `text` is part of ``Document/bodyText``). The words of blocks
  /// joined by line breaks are their words one after the other.
  var tokens: ArraySlice<Token> = []
  /// Where `text` starts in ``Document/bodyText`` (a UTF-8 offset, as the tokens' are); set with
  /// ``tokens``.
  var textStart = 0

  var text: String { inline.text }

  /// The texts of `blocks`, a line each. (Made at its size, where `joined(separator:)` grows the
  /// string as it goes and left sections a third larger than their text; read by index, where a
  /// block taken out of the list is a copy, its strings and lists retained.)
  static func text<Blocks: RandomAccessCollection<Block>>(of blocks: Blocks) -> String {
    guard !blocks.isEmpty else { return "" }
    var count = blocks.count - 1
    for i in blocks.indices { count += blocks[i].inline.text.utf8.count }
    var text = ""
    text.reserveCapacity(count)
    for i in blocks.indices {
      if i != blocks.startIndex { text += "\n" }
      text += blocks[i].inline.text
    }
    return text
  }

  var isHeading: Bool {
    if case .heading = kind { return true }
    return false
  }

  var headingLevel: Int? {
    if case .heading(let level) = kind { return level }
    return nil
  }
}
