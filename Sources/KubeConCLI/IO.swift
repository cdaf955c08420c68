import Foundation

/// Where a command writes and what it knows of its environment. Tests build their own.
public struct IO: Sendable {
  public var out: @Sendable (String) -> Void
  public var err: @Sendable (String) -> Void
  public var environment: [String: String]
  public var stdoutIsTerminal: Bool
  public var terminalWidth: Int?
  public var currentDirectory: String
  public var executablePath: String
  /// The process ends when the command does: what the command read is not freed object by object
  /// (like clang's `-disable-free`; a listing of 1,000 reports holds ~100,000 objects).
  public var exitsAfterRun = false

  /// The width output fits: `COLUMNS` when set, else the terminal's when stdout is one (80 if
  /// it does not say); nil when piped without `COLUMNS`, which keeps whole lines.
  var width: Int? {
    if let columns = environment["COLUMNS"].flatMap(Int.init), columns > 0 { return max(columns, 20) }
    return terminalWidth ?? (stdoutIsTerminal ? 80 : nil)
  }

  /// Text printed as it fits ``width``: each line cut by ``Terminal/fit(_:to:)``.
  func fitted(_ text: String) -> String {
    guard let width else { return text }
    return text.split(separator: "\n", omittingEmptySubsequences: false)
      .flatMap { Terminal.fit(String($0), to: width) }.joined(separator: "\n")
  }

  public init(
    out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void,
    environment: [String: String], stdoutIsTerminal: Bool = false, terminalWidth: Int? = nil,
    currentDirectory: String = FileManager.default.currentDirectoryPath,
    executablePath: String = CommandLine.arguments.first ?? "kubecon"
  ) {
    self.out = out
    self.err = err
    self.environment = environment
    self.stdoutIsTerminal = stdoutIsTerminal
    self.terminalWidth = terminalWidth
    self.currentDirectory = currentDirectory
    self.executablePath = executablePath
  }

  /// The process's standard output and error.
  public static var standard: IO {
    var size = winsize()
    let tty = isatty(STDOUT_FILENO) == 1
    let width: Int? = (tty && ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0) ? Int(size.ws_col) : nil
    var io = IO(
      out: { FileHandle.standardOutput.write(Data($0.utf8)) },
      err: { FileHandle.standardError.write(Data($0.utf8)) },
      environment: ProcessInfo.processInfo.environment, stdoutIsTerminal: tty, terminalWidth: width)
    io.exitsAfterRun = true
    return io
  }
}
