/// A talk found in one report, before talks are merged across reports.
struct TalkCandidate: Sendable, Equatable {
  var title: String
  var titleSource: TitleSource
  var kind: TalkKind
  var speakers: [SpeakerRef]
  var line: Int
  /// The text that presents the talk: blocks of the report, one a line.
  var text: String
  /// The words of `text` (its blocks' words).
  var tokens: ArraySlice<Token>
  /// Index of the outline section it was found in.
  var section: Int
  /// The report's wording, when `title` is the program's.
  var reportTitle: String? = nil
  /// The session of the program it is linked to.
  var session: SessionRef? = nil
  /// What made it a talk, and what linked it to its session.
  var evidence: [Evidence] = []
  /// Its title is a heading the program does not have, with no mark of a talk's title: the
  /// author's own wording, kept as a derived title (``Evidence/isAuthorsHeading(_:)``).
  var titleIsAuthorsHeading = false
}
