/// A part of a report under one heading (or the text before the first heading).
public struct Section: Codable, Hashable, Sendable {
  /// Unique within the report.
  var id = ""
  var heading: String?
  var level = 0
  /// 1-based line of the heading (or of the first line of text).
  var line = 0
  var text = ""
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

extension Section: FieldListed {
  init() {}

  mutating func fields<V: FieldVisitor>(_ v: inout V) throws(V.Failure) {
    try v.field("heading", &heading)
    try v.field("id", &id)
    try v.field("level", &level)
    try v.field("line", &line)
    try v.field("talk", &talk)
    try v.field("text", &text)
  }
}
