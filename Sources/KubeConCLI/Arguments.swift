/// One option of a command: its table serves both parsing and help.
struct OptionSpec: Sendable {
  var name: String
  var short: String? = nil
  /// nil for a flag.
  var valueName: String? = nil
  var help: String
  var repeatable = false
}

/// A command's arguments and options.
struct CommandSpec: Sendable {
  var name: String
  var abstract: String
  var discussion: String? = nil
  var arguments: [(name: String, help: String)] = []
  var minArguments = 0
  var maxArguments: Int? = 0
  var options: [OptionSpec] = []

  static let corpusOption = OptionSpec(name: "--corpus", valueName: "file", help: "The corpus to read (default: $KUBECON_CORPUS, the user's corpus, else the bundled one).")
  static let writableCorpusOption = OptionSpec(name: "--corpus", valueName: "file", help: "The corpus to change (default: $KUBECON_CORPUS, else your corpus).")
  static let jsonOption = OptionSpec(name: "--json", help: "Print JSON for scripts instead of a table.")
  static let colorOption = OptionSpec(name: "--no-color", help: "Never use colour (also when NO_COLOR is set).")
  static let helpOption = OptionSpec(name: "--help", short: "-h", help: "Show help information.")

  /// `--no-color` and `--help` are accepted by every command, before or after its name.
  var allOptions: [OptionSpec] { options + [CommandSpec.colorOption, CommandSpec.helpOption] }
}

/// Arguments parsed against a ``CommandSpec``.
struct ParsedArguments: Sendable {
  var positionals: [String] = []
  var values: [String: [String]] = [:]
  var flags: Set<String> = []

  /// An option's last value (options are read by their ``OptionSpec``, declared once per command:
  /// a misspelt option is a compile error, not a silent nil).
  func value(_ option: OptionSpec) -> String? { values[option.name]?.last }
  func has(_ flag: OptionSpec) -> Bool { flags.contains(flag.name) }

  /// A count option such as `--limit`: a whole number of 1 or more (0 would show nothing; a
  /// number too large for the machine means "all"), with a usage error for anything else.
  func count(_ option: OptionSpec) throws -> Int? {
    let name = option.name
    guard let raw = value(option) else { return nil }
    guard !raw.isEmpty, raw.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
      throw UsageError("\(name) takes a whole number of 1 or more, not '\(raw)'")
    }
    let n = Int(raw) ?? Int.max
    guard n >= 1 else { throw UsageError("\(name) takes a whole number of 1 or more, not '\(raw)'") }
    return n
  }
}

struct UsageError: Error {
  var message: String
  init(_ message: String) { self.message = message }
}

enum ArgumentParser {
  static func parse(_ args: [String], spec: CommandSpec) throws -> ParsedArguments {
    var result = ParsedArguments()
    var i = 0
    var onlyPositionals = false
    while i < args.count {
      let arg = args[i]
      i += 1
      if onlyPositionals || !arg.hasPrefix("-") || arg == "-" {
        result.positionals.append(arg)
        continue
      }
      if arg == "--" {
        onlyPositionals = true
        continue
      }
      var name = arg
      var inline: String? = nil
      if let eq = arg.firstIndex(of: "="), arg.hasPrefix("--") {
        name = String(arg[..<eq])
        inline = String(arg[arg.index(after: eq)...])
      }
      guard let option = spec.allOptions.first(where: { $0.name == name || $0.short == name }) else {
        let names = spec.allOptions.map(\.name)
        var message = "unknown option '\(name)'"
        if let guess = Suggest.closest(to: name, in: names) { message += "; did you mean '\(guess)'?" }
        throw UsageError(message)
      }
      if let valueName = option.valueName {
        let value: String
        if let inline {
          value = inline
        } else {
          guard i < args.count else { throw UsageError("\(option.name) needs a value <\(valueName)>") }
          value = args[i]
          i += 1
        }
        if !option.repeatable, result.values[option.name] != nil {
          throw UsageError("\(option.name) is given twice")
        }
        result.values[option.name, default: []].append(value)
      } else {
        if inline != nil { throw UsageError("\(option.name) takes no value") }
        result.flags.insert(option.name)
      }
    }
    if result.flags.contains("--help") { return result }
    if result.positionals.count < spec.minArguments {
      let missing = spec.arguments.dropFirst(result.positionals.count).first?.name ?? "argument"
      throw UsageError("missing \(missing)")
    }
    if let max = spec.maxArguments, result.positionals.count > max {
      throw UsageError("unexpected argument '\(result.positionals[max])'")
    }
    return result
  }
}

/// "Did you mean" by edit distance.
enum Suggest {
  static func closest(to word: String, in candidates: [String], maxDistance: Int? = nil) -> String? {
    let w = Array(word.lowercased())
    let limit = maxDistance ?? max(2, w.count / 3)
    var best: (String, Int)? = nil
    for c in candidates {
      let d = distance(w, Array(c.lowercased()))
      if d <= limit, d < (best?.1 ?? Int.max) { best = (c, d) }
    }
    if best == nil {
      // A prefix or a part: "observ" for "observability".
      let lower = word.lowercased()
      if lower.count >= 3, let c = candidates.first(where: { $0.lowercased().hasPrefix(lower) || $0.lowercased().contains(lower) }) {
        return c
      }
    }
    return best?.0
  }

  static func distance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }
}
