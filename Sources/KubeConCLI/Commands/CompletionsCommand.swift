import KubeConKit

/// `kubecon completions bash|zsh|fish`: a completion script made from the commands' own option
/// tables, with values from the corpus and programs in use.
enum CompletionsCommand: Command {
  static let spec = CommandSpec(
    name: "completions", abstract: "Print a shell completion script (bash, zsh or fish).",
    discussion: """
      Completes subcommands; each command's own options; theme, project, speaker and report ids, kinds,
      languages, maturities and years from the corpus in use; the editions, years and regions that have
      an official program; files for add, parse and schedule import; editions and years for diff.
      Example: source <(kubecon completions bash)
      """,
    arguments: [("shell", "bash, zsh or fish.")], minArguments: 1, maxArguments: 1,
    options: [CommandSpec.corpusOption])

  /// What a shell completes: each command's options, what follows an option, and what a command's
  /// arguments are.
  struct Words {
    enum Argument: Equatable { case files, words([String]), none }
    var commands: [String]
    var options: [String: [String]]
    /// Words after an option; nil for an option that takes no value, [] for a value with no list.
    var values: [String: [String]]
    var fileOptions: Set<String> = ["--corpus", "--out", "--reports"]
    var arguments: [String: Argument]
  }

  static func words(_ ctx: Context) -> Words {
    let corpus = try? ctx.corpus()
    let catalog = try? ctx.catalog()
    let programEditions = Set(catalog?.programs.editions ?? [])
    let withProgram = catalog?.editions.filter { programEditions.contains($0.id) } ?? []
    let years = Array(Set((corpus?.reports.compactMap { $0.edition?.year } ?? []) + withProgram.map(\.year))).sorted().map(String.init)
    let corpusEditions = Array(Set(corpus?.reports.compactMap { $0.edition?.id } ?? [])).sorted()
    var values: [String: [String]] = [
      "--theme": corpus?.themes.map(\.id) ?? [],
      "--project": corpus?.projects.map(\.id) ?? [],
      "--speaker": corpus?.speakers.map(\.id) ?? [],
      "--report": corpus?.reports.map(\.id) ?? [],
      "--year": years,
      "--kind": TalkKind.allCases.map(\.rawValue),
      "--lang": ["fr", "en"],
      "--maturity": ["graduated", "incubating", "sandbox", "archived", "none"],
      "--region": Array(Set(withProgram.map(\.region))).sorted(),
      "--edition": withProgram.map(\.id).sorted(),
      "--type": ["talk", "section", "session"],
    ]
    var options: [String: [String]] = [:]
    var arguments: [String: Words.Argument] = [:]
    for command in CLI.commands {
      let spec = command.spec
      options[spec.name] = spec.allOptions.map(\.name)
      for o in spec.allOptions where o.valueName != nil && values[o.name] == nil { values[o.name] = [] }
    }
    arguments["add"] = .files
    arguments["parse"] = .files
    arguments["schedule"] = .words(["import"])
    arguments["completions"] = .words(["bash", "zsh", "fish"])
    arguments["diff"] = .words(corpusEditions + Array(Set(corpusEditions.compactMap { Edition.year(ofId: $0) }.map(String.init))).sorted())
    arguments["remove"] = .words(corpus?.reports.map(\.id) ?? [])
    arguments["show"] = .words((corpus?.projects.map(\.id) ?? []) + (corpus?.speakers.map(\.id) ?? []) + (corpus?.themes.map(\.id) ?? []) + (corpus?.reports.map(\.id) ?? []))
    // (Only words a shell takes as they are.)
    func safe(_ list: [String]) -> [String] {
      list.filter { !$0.isEmpty && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-+@:".contains($0)) } }
    }
    return Words(
      commands: CLI.commands.map { $0.spec.name }, options: options, values: values.mapValues(safe),
      arguments: arguments.mapValues { if case .words(let w) = $0 { return .words(safe(w)) } else { return $0 } })
  }

  static func run(_ ctx: Context) throws {
    let w = words(ctx)
    // (Written as is: a script is not wrapped to the terminal.)
    switch ctx.args.positionals[0] {
    case "bash": ctx.write(bash(w))
    case "zsh": ctx.write(zsh(w))
    case "fish": ctx.write(fish(w))
    default: throw UsageError("unknown shell '\(ctx.args.positionals[0])'; valid: bash, zsh, fish")
    }
  }

  static func list(_ words: [String]) -> String { words.joined(separator: " ") }

  static func bash(_ w: Words) -> String {
    var s = """
      # kubecon bash completion: source <(kubecon completions bash)
      _kubecon() {
        local cur prev cmd
        cur="${COMP_WORDS[COMP_CWORD]}"
        prev="${COMP_WORDS[COMP_CWORD-1]}"
        cmd="${COMP_WORDS[1]}"
        if [ "$COMP_CWORD" -eq 1 ]; then
          COMPREPLY=( $(compgen -W '\(list(w.commands)) --help --version' -- "$cur") ); return
        fi
        case "$prev" in

      """
    s += "    \(w.fileOptions.sorted().joined(separator: "|"))) COMPREPLY=( $(compgen -f -- \"$cur\") ); return ;;\n"
    for (option, values) in w.values.sorted(by: { $0.key < $1.key }) where !w.fileOptions.contains(option) {
      s += "    \(option)) COMPREPLY=( $(compgen -W '\(list(values))' -- \"$cur\") ); return ;;\n"
    }
    s += "  esac\n  case \"$cmd\" in\n"
    for command in w.commands {
      let options = list(w.options[command] ?? [])
      let argument: String
      switch w.arguments[command] ?? .none {
      case .files: argument = "compgen -f -- \"$cur\""
      case .words(let words): argument = "compgen -W '\(list(words))' -- \"$cur\""
      case .none: argument = "compgen -W '\(options)' -- \"$cur\""
      }
      s += "    \(command)) if [[ \"$cur\" == -* ]]; then COMPREPLY=( $(compgen -W '\(options)' -- \"$cur\") ); else COMPREPLY=( $(\(argument)) ); fi ;;\n"
    }
    s += "  esac\n}\ncomplete -o filenames -F _kubecon kubecon\n"
    return s
  }

  static func zsh(_ w: Words) -> String {
    var s = """
      #compdef kubecon
      # kubecon zsh completion: kubecon completions zsh > "${fpath[1]}/_kubecon"
      _kubecon() {
        local cmd=$words[2]
        if (( CURRENT == 2 )); then compadd -- \(list(w.commands)) --help --version; return; fi
        case "$words[CURRENT-1]" in

      """
    s += "    \(w.fileOptions.sorted().joined(separator: "|"))) _files; return ;;\n"
    for (option, values) in w.values.sorted(by: { $0.key < $1.key }) where !w.fileOptions.contains(option) {
      s += "    \(option)) compadd -- \(list(values)); return ;;\n"
    }
    s += "  esac\n  case \"$cmd\" in\n"
    for command in w.commands {
      let options = list(w.options[command] ?? [])
      let argument: String
      switch w.arguments[command] ?? .none {
      case .files: argument = "_files"
      case .words(let words): argument = "compadd -- \(list(words))"
      case .none: argument = "compadd -- \(options)"
      }
      s += "    \(command)) if [[ \"$words[CURRENT]\" == -* ]]; then compadd -- \(options); else \(argument); fi ;;\n"
    }
    s += "  esac\n}\ncompdef _kubecon kubecon\n"
    return s
  }

  static func fish(_ w: Words) -> String {
    var s = "# kubecon fish completion: kubecon completions fish | source\n"
    s += "complete -c kubecon -f -n '__fish_use_subcommand' -a '\(list(w.commands))'\n"
    for command in w.commands {
      let when = "-n '__fish_seen_subcommand_from \(command)'"
      for option in w.options[command] ?? [] {
        let name = option.dropFirst(2)
        if w.fileOptions.contains(option) {
          s += "complete -c kubecon \(when) -l \(name) -r -F\n"
        } else if let values = w.values[option] {
          s += "complete -c kubecon \(when) -l \(name) -x" + (values.isEmpty ? "" : " -a '\(list(values))'") + "\n"
        } else {
          s += "complete -c kubecon \(when) -l \(name)\n"
        }
      }
      switch w.arguments[command] ?? .none {
      case .files: s += "complete -c kubecon \(when) -F\n"
      case .words(let words): s += "complete -c kubecon \(when) -x -a '\(list(words))'\n"
      case .none: break
      }
    }
    return s
  }
}
