/// A warning about one place in a report: printed as `file:line: warning: message`.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
  public var file: String
  public var line: Int
  public var message: String
  /// The report's declared structure is broken (front matter never closed, a field of the wrong
  /// type): every command reads around it; `add --strict` refuses the report.
  public var invalid: Bool
  /// What `parse` and `build` do instead ("ignored", "read as text"), shown after the message.
  var fallback: String?

  init(file: String, line: Int, message: String, invalid: Bool = false, fallback: String? = nil) {
    self.file = file
    self.line = line
    self.message = message
    self.invalid = invalid
    self.fallback = fallback
  }

  public var description: String { "\(file):\(line): warning: \(message)" + (fallback.map { "; " + $0 } ?? "") }
}
