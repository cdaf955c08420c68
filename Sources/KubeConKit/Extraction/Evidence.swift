/// What makes a span of a report a talk: each kind of evidence, its weight, and its words for
/// `kubecon parse --explain`.
///
/// A heading presents a talk when the weights of its evidence add up to
/// ``Evidence/headingThreshold`` or more. The other evidence names the rule that found a talk in
/// the prose, or that linked it to a session of the program; it has no weight (the rule decides).
public enum Evidence: String, Sendable, CaseIterable, Codable {
  // A heading's evidence.
  /// A byline under the heading (`Par X de Y`), or speakers after its title (`Title - X, Acme`).
  case speakers
  /// `Keynote:`, `Lightning talk:`, `Panel:`... before the title.
  case kindPrefix
  /// A parent heading that announces talks (`Talks we liked`, `Les conférences`).
  case underTalkList
  /// A parent heading about keynotes.
  case underKeynotes
  /// Capitalized like a title, or long and worded like one (not `Day 2` or `Conclusion`).
  case titleShape
  /// Subheadings under it: it groups things.
  case subsections
  /// A project named in the heading or its text.
  case project
  /// Words about presenting (`présente`, `the speaker`, `demo`), once per word, at most twice.
  case presentingWords
  /// People named in its first blocks as presenting.
  case speakersInText

  // Rules that find talks in the prose.
  /// `[Title](sched.co/...) by Jane Doe`.
  case linkedTitle
  /// A quoted or bold title next to a word for a talk (`la conférence « Title »`).
  case quotedTitle
  /// Notes closed by a recording link (`Voir la vidéo`).
  case recordingLink
  /// A sentence naming speakers and what they presented, under a heading that is no title.
  case presentingSentence
  /// A session's name as the program writes it (`Title - Speaker, Organization`).
  case copiedSessionName
  /// A link to a session's page on Sched (its slug names the speakers).
  case sessionPageLink

  // Links to the program of the report's edition.
  /// A link to the session's own page (its Sched event).
  case programPage
  /// The talk's title is a session's title (or its part before or after the subtitle).
  case programTitle
  /// A session's title stands inside the talk's title, or a word or two off it.
  case programTitleNearly
  /// The talk's speakers speak at the edition, at this session.
  case programSpeakers
  /// A session's title stands in the first lines of the talk's text.
  case programTitleInText
  /// Speakers of the edition named in the talk's text, at this session.
  case programSpeakersInText
  /// A heading, list item, link, bold or quoted text is a session's title, or a paragraph holds one.
  case programTitleInBlock
  /// A section names a speaker of the edition next to words of their title or about presenting.
  case programSpeakerInSection

  /// The least sum of weights that makes a heading a talk.
  static let headingThreshold = 3

  /// How much the evidence counts for a heading (0 for the rules, which decide alone).
  public var weight: Int {
    switch self {
    case .speakers: 4
    case .kindPrefix, .underTalkList: 3
    case .speakersInText: 2
    case .underKeynotes, .titleShape, .project, .presentingWords: 1
    case .subsections: -4
    default: 0
    }
  }

  /// Words for people.
  public var summary: String {
    switch self {
    case .speakers: "speakers after the title or a byline under it"
    case .kindPrefix: "a kind prefix (Keynote:, Panel:...)"
    case .underTalkList: "under a heading that announces talks"
    case .underKeynotes: "under a heading about keynotes"
    case .titleShape: "worded like a title"
    case .subsections: "has subheadings"
    case .project: "names a project"
    case .presentingWords: "words about presenting"
    case .speakersInText: "people presenting named in its text"
    case .linkedTitle: "a linked title followed by its speakers"
    case .quotedTitle: "a quoted or bold title next to a word for a talk"
    case .recordingLink: "notes closed by a recording link"
    case .presentingSentence: "a sentence naming speakers who present"
    case .copiedSessionName: "a session name as the program writes it (Title - Speaker, Org)"
    case .sessionPageLink: "a link to a session's page (Sched)"
    case .programPage: "a link to this session's page"
    case .programTitle: "the title of a session of the program"
    case .programTitleNearly: "a session's title inside it, or a word or two off"
    case .programSpeakers: "its speakers speak at this session"
    case .programTitleInText: "a session's title in its first lines"
    case .programSpeakersInText: "speakers of this session named in its text"
    case .programTitleInBlock: "a heading, list item, link, bold or quoted text that is a session's title"
    case .programSpeakerInSection: "a speaker of this session named with words of its title or about presenting"
    }
  }

  /// Whether a heading's evidence is only its wording, projects and words about presenting, which
  /// an author's own topic heading has as often as a talk: in a report of an edition with a
  /// program, such a heading is a talk only when it names a session.
  static func isWeak(_ evidence: [Evidence]) -> Bool {
    !evidence.isEmpty && evidence.allSatisfy { [.titleShape, .project, .presentingWords].contains($0) }
  }

  /// Whether a heading's evidence is only what its section says (its wording, projects, words
  /// about presenting, people presenting), with no mark of a talk's title (speakers after it, a
  /// byline, a kind prefix, a parent heading announcing talks): in a report of an edition with a
  /// program, such a heading that names no session is the author's own heading for the talk.
  static func isAuthorsHeading(_ evidence: [Evidence]) -> Bool {
    !evidence.isEmpty && evidence.allSatisfy { [.titleShape, .project, .presentingWords, .speakersInText].contains($0) }
  }

  /// The sum of the weights.
  static func score(_ evidence: [Evidence]) -> Int { evidence.reduce(0) { $0 + $1.weight } }
}

/// One decision about a span that may name a talk, kept for `kubecon parse --explain`.
public struct ExtractionNote: Sendable, Equatable, Codable {
  public var line: Int
  /// The heading or span.
  public var span: String
  public var evidence: [Evidence]
  /// Whether the span became a talk (a rejected one's reason is in `decision`).
  public var isTalk: Bool
  /// What was decided, in words (`talk (score 5)`, `grouping heading`, `linked to eu-2025-1txVP`).
  public var decision: String

  init(line: Int, span: String, evidence: [Evidence], isTalk: Bool, decision: String) {
    self.line = line
    self.span = span
    self.evidence = evidence
    self.isTalk = isTalk
    self.decision = decision
  }
}

/// Where the extraction writes its decisions when asked to explain them (one report at a time).
final class ExtractionLog: @unchecked Sendable {
  private(set) var notes: [ExtractionNote] = []

  init() {}

  func note(_ line: Int, _ span: String, _ evidence: [Evidence], isTalk: Bool, _ decision: String) {
    notes.append(ExtractionNote(line: line, span: span, evidence: evidence, isTalk: isTalk, decision: decision))
  }
}
