import Foundation
import KubeConKit

/// A subcommand: its spec (for parsing and help) and what it does.
protocol Command: Sendable {
  static var spec: CommandSpec { get }
  static func run(_ ctx: Context) throws
}

/// The `kubecon` command line as a function: arguments in, exit code out.
///
/// `main.swift` only calls `exit(CLI.run(arguments, io: .standard))`; tests call `run` with
/// their own ``IO``.
public enum CLI {
  public static let version = "0.1.0"

  static let commands: [any Command.Type] = [
    SearchCommand.self, TalksCommand.self, SessionsCommand.self, SpeakersCommand.self, ProjectsCommand.self, ThemesCommand.self,
    ReportsCommand.self, ShowCommand.self, DiffCommand.self, AddCommand.self, RemoveCommand.self, ParseCommand.self,
    BuildCommand.self, ScheduleCommand.self, CatalogCommand.self, CompletionsCommand.self,
  ]

  public static func run(_ arguments: [String], io: IO) -> Int32 {
    var args = arguments
    // Global --corpus before the subcommand.
    var global: [String] = []
    while let first = args.first, first == "--corpus" || first.hasPrefix("--corpus=") || first == "--no-color" {
      global.append(args.removeFirst())
      if first == "--corpus", let value = args.first {
        global.append(value)
        args.removeFirst()
      }
    }
    guard let name = args.first else {
      io.out(io.fitted(Help.main(commands.map { $0.spec })))
      return 0
    }
    switch name {
    case "--help", "-h":
      io.out(io.fitted(Help.main(commands.map { $0.spec })))
      return 0
    case "--version":
      io.out("kubecon \(version)\n")
      return 0
    case "help":
      guard args.count > 1 else {
        io.out(io.fitted(Help.main(commands.map { $0.spec })))
        return 0
      }
      guard let command = commands.first(where: { $0.spec.name == args[1] }) else { return unknownCommand(args[1], io: io, json: false) }
      io.out(io.fitted(Help.text(command.spec)))
      return 0
    default:
      break
    }
    // `--json` asks for JSON on stdout, errors included, wherever it stands.
    let json = args.contains("--json")
    guard let command = commands.first(where: { $0.spec.name == name }) else { return unknownCommand(name, io: io, json: json) }
    let spec = command.spec
    let parsed: ParsedArguments
    do {
      parsed = try ArgumentParser.parse(global + Array(args.dropFirst()), spec: spec)
    } catch let e as UsageError {
      if json { printError(ErrorOut(error: "usage", message: e.message), io: io) }
      io.err("Error: \(Terminal.sanitize(e.message))\nUsage: \(Help.usageLine(spec))\n  See 'kubecon \(spec.name) --help'.\n")
      return 64
    } catch {
      io.err("Error: \(error)\n")
      return 1
    }
    if parsed.has(CommandSpec.helpOption) {
      io.out(io.fitted(Help.text(spec)))
      return 0
    }
    // A damaged index is reported, removed and rebuilt from the corpus, then the command runs again.
    // (Each run has its own context: what a failed run printed is not kept.)
    var ctx: Context!
    do {
      try CorpusIndex.repairing(warn: { io.err("warning: " + Terminal.sanitize($0) + "\n") }) {
        ctx = Context(io: io, args: parsed)
        if io.exitsAfterRun { _ = Unmanaged.passRetained(ctx!) }
        try command.run(ctx)
      }
      io.out(ctx.output)
      return 0
    } catch {
      return fail(error, ctx: ctx, spec: spec, io: io)
    }
  }

  private static func fail(_ error: Error, ctx: Context, spec: CommandSpec, io: IO) -> Int32 {
    // Under --json, what the command printed before failing is dropped: stdout holds the error.
    let out: ErrorOut
    let code: Int32
    switch error {
    case let e as UsageError:
      io.err("Error: \(Terminal.sanitize(e.message))\nUsage: \(Help.usageLine(spec))\n  See 'kubecon \(spec.name) --help'.\n")
      (out, code) = (ErrorOut(error: "usage", message: e.message), 64)
    case let e as PartialFailure:
      io.out(ctx.output)
      io.err("Error: \(Terminal.sanitizeLines(e.message))\n")
      return 1
    case let e as Failure:
      io.err("Error: \(Terminal.sanitizeLines(e.message))\n")
      (out, code) = (ErrorOut(error: e.kind, message: e.message, candidates: e.candidates), 1)
    case let e as KubeConError:
      io.err("Error: \(Terminal.sanitizeLines(e.description))\n")
      (out, code) = (ErrorOut(error: "failed", message: e.description), 1)
    default:
      io.err("Error: \(Terminal.sanitize(String(describing: error)))\n")
      (out, code) = (ErrorOut(error: "failed", message: String(describing: error)), 1)
    }
    if ctx.json { printError(out, io: io) } else { io.out(ctx.output) }
    return code
  }

  private static func printError(_ error: ErrorOut, io: IO) {
    if let data = try? JSONOutput.encode(error) { io.out(String(decoding: data, as: UTF8.self) + "\n") }
  }

  /// `kubecon bogus`, `kubecon help bogus`: a usage error with the closest command.
  private static func unknownCommand(_ name: String, io: IO, json: Bool) -> Int32 {
    var message = "unknown subcommand '\(name)'"
    if let guess = Suggest.closest(to: name, in: commands.map { $0.spec.name }) { message += "; did you mean '\(guess)'?" }
    if json { printError(ErrorOut(error: "usage", message: message), io: io) }
    io.err("Error: " + Terminal.sanitize(message) + "\nUsage: kubecon <subcommand> [options]\n  See 'kubecon --help'.\n")
    return 64
  }
}
