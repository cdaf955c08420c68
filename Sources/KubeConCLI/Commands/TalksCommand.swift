import KubeConKit

enum TalksCommand {
  /// "Jane Doe (Acme), John Roe".
  static func speakerList(_ speakers: [SpeakerRef]) -> String {
    speakers.map { s in s.organization.map { "\(s.name) (\($0))" } ?? s.name }.joined(separator: ", ")
  }
}
