/// A part of a report under one heading (or the text before the first heading).
public struct Section: Codable, Hashable, Sendable {
  /// Unique within the report.
  var id: String
  var heading: String?
  var level: Int
  /// 1-based line of the heading (or of the first line of text).
  var line: Int
  var text: String
  /// The talk this section presents, if any.
  var talk: String?

  init(id: String, heading: String?, level: Int, line: Int, text: String, talk: String? = nil) {
    self.id = id
    self.heading = heading
    self.level = level
    self.line = line
    self.text = text
    self.talk = talk
  }
}
