/// A talk found in one report, before talks are merged across reports.
public struct TalkCandidate: Sendable, Equatable {
  public var title: String
  public var titleSource: TitleSource
  public var kind: TalkKind
  public var speakers: [SpeakerRef]
  public var line: Int
  /// The text that presents the talk: blocks of the report, one a line.
  public var text: String
  /// The words of `text` (its blocks' words).
  public var tokens: ArraySlice<Token>
  /// Index of the outline section it was found in.
  public var section: Int
  /// The report's wording, when `title` is the program's.
  public var reportTitle: String? = nil
  /// The session of the program it is linked to.
  public var session: SessionRef? = nil
  /// What made it a talk, and what linked it to its session.
  public var evidence: [Evidence] = []
}
