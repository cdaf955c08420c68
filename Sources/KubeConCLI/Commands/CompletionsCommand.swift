import KubeConKit

/// `kubecon completions bash|zsh|fish`: a completion script with values from the corpus in use.
enum CompletionsCommand: Command {
  static let spec = CommandSpec(
    name: "completions", abstract: "Print a shell completion script (bash, zsh or fish).",
    discussion: "Completes subcommands, options, theme ids, project names and years from the corpus in use, and the\neditions, years and regions that have an official program.\nExample: source <(kubecon completions bash)",
    arguments: [("shell", "bash, zsh or fish.")], minArguments: 1, maxArguments: 1,
    options: [CommandSpec.corpusOption])

  static func run(_ ctx: Context) throws {
    let shell = ctx.args.positionals[0]
    let corpus = try? ctx.corpus()
    let commands = CLI.commands.map { $0.spec.name }
    let themes = corpus?.themes.map(\.id) ?? []
    let projects = corpus?.projects.map { $0.name.replacingOccurrences(of: " ", with: "-") } ?? []
    // The editions with a program (for `sessions`, `search --type session` and `schedule import --edition`).
    let catalog = try? ctx.catalog()
    let programEditions = Set(catalog?.programs.editions ?? [])
    let withProgram = catalog?.editions.filter { programEditions.contains($0.id) } ?? []
    let editions = withProgram.map(\.id).sorted()
    let regions = Array(Set(withProgram.map(\.region))).sorted()
    let years = Array(Set((corpus?.reports.compactMap { $0.edition?.year } ?? []) + withProgram.map(\.year))).sorted().map(String.init)
    let options = Array(Set(CLI.commands.flatMap { $0.spec.allOptions.map(\.name) })).sorted()
    func words(_ list: [String]) -> String { list.map { $0.replacingOccurrences(of: "'", with: "") }.joined(separator: " ") }
    switch shell {
    case "bash":
      ctx.print("""
        # kubecon bash completion: source <(kubecon completions bash)
        _kubecon() {
          local cur prev
          cur="${COMP_WORDS[COMP_CWORD]}"
          prev="${COMP_WORDS[COMP_CWORD-1]}"
          case "$prev" in
            --theme) COMPREPLY=( $(compgen -W '\(words(themes))' -- "$cur") ); return ;;
            --project) COMPREPLY=( $(compgen -W '\(words(projects))' -- "$cur") ); return ;;
            --year) COMPREPLY=( $(compgen -W '\(words(years))' -- "$cur") ); return ;;
            --kind) COMPREPLY=( $(compgen -W 'keynote session panel lightning demo tutorial' -- "$cur") ); return ;;
            --lang) COMPREPLY=( $(compgen -W 'fr en' -- "$cur") ); return ;;
            --region) COMPREPLY=( $(compgen -W '\(words(regions))' -- "$cur") ); return ;;
            --edition) COMPREPLY=( $(compgen -W '\(words(editions))' -- "$cur") ); return ;;
            --type) COMPREPLY=( $(compgen -W 'talk section session' -- "$cur") ); return ;;
            --corpus|--out|--reports) COMPREPLY=( $(compgen -f -- "$cur") ); return ;;
          esac
          if [ "$COMP_CWORD" -eq 1 ]; then
            COMPREPLY=( $(compgen -W '\(words(commands)) --help --version' -- "$cur") )
          elif [ "${COMP_WORDS[1]}" = diff ]; then
            COMPREPLY=( $(compgen -W '\(words(years))' -- "$cur") )
          else
            COMPREPLY=( $(compgen -W '\(words(options))' -- "$cur") )
          fi
        }
        complete -F _kubecon kubecon
        """)
    case "zsh":
      ctx.print("""
        #compdef kubecon
        # kubecon zsh completion: kubecon completions zsh > "${fpath[1]}/_kubecon"
        _kubecon() {
          local -a commands themes projects years
          commands=(\(words(commands)))
          themes=(\(words(themes)))
          projects=(\(words(projects)))
          years=(\(words(years)))
          case "$words[CURRENT-1]" in
            --theme) compadd -a themes; return ;;
            --project) compadd -a projects; return ;;
            --year) compadd -a years; return ;;
            --kind) compadd keynote session panel lightning demo tutorial; return ;;
            --lang) compadd fr en; return ;;
            --region) compadd \(words(regions)); return ;;
            --edition) compadd \(words(editions)); return ;;
            --type) compadd talk section session; return ;;
            --corpus|--out|--reports) _files; return ;;
          esac
          if (( CURRENT == 2 )); then compadd -a commands; else compadd -- \(words(options)); fi
        }
        compdef _kubecon kubecon
        """)
    case "fish":
      var s = "# kubecon fish completion: kubecon completions fish | source\n"
      s += "complete -c kubecon -f -n '__fish_use_subcommand' -a '\(words(commands))'\n"
      s += "complete -c kubecon -l theme -x -a '\(words(themes))'\n"
      s += "complete -c kubecon -l project -x -a '\(words(projects))'\n"
      s += "complete -c kubecon -l year -x -a '\(words(years))'\n"
      s += "complete -c kubecon -l kind -x -a 'keynote session panel lightning demo tutorial'\n"
      s += "complete -c kubecon -l lang -x -a 'fr en'\n"
      s += "complete -c kubecon -l region -x -a '\(words(regions))'\n"
      s += "complete -c kubecon -l edition -x -a '\(words(editions))'\n"
      s += "complete -c kubecon -l type -x -a 'talk section session'\n"
      for o in options where !["--theme", "--project", "--year", "--kind", "--lang", "--region", "--edition", "--type"].contains(o) {
        s += "complete -c kubecon -l \(o.dropFirst(2))\n"
      }
      ctx.write(s)
    default:
      throw UsageError("unknown shell '\(shell)'; valid: bash, zsh, fish")
    }
  }
}
