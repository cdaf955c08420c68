/// A warning about one place in a report: printed as `file:line: warning: message`.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
  public var file: String
  public var line: Int
  public var message: String

  public init(file: String, line: Int, message: String) {
    self.file = file
    self.line = line
    self.message = message
  }

  public var description: String { "\(file):\(line): warning: \(message)" }
}
