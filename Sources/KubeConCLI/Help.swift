/// Help in the layout Swift users know: OVERVIEW, USAGE, ARGUMENTS, OPTIONS, SUBCOMMANDS.
enum Help {
  static func usageLine(_ spec: CommandSpec) -> String {
    var parts = ["kubecon", spec.name]
    for (i, arg) in spec.arguments.enumerated() {
      let many = spec.maxArguments == nil && i == spec.arguments.count - 1
      let name = "<\(arg.name)>" + (many ? " ..." : "")
      parts.append(i < spec.minArguments ? name : "[\(name)]")
    }
    for o in spec.options {
      parts.append("[\(o.name)\(o.valueName.map { " <\($0)>" } ?? "")]")
    }
    return parts.joined(separator: " ")
  }

  static func text(_ spec: CommandSpec) -> String {
    var s = "OVERVIEW: \(spec.abstract)\n"
    if let d = spec.discussion { s += "\n" + d + "\n" }
    s += "\nUSAGE: \(usageLine(spec))\n"
    if !spec.arguments.isEmpty {
      s += "\nARGUMENTS:\n"
      for a in spec.arguments { s += row("<\(a.name)>", a.help) }
    }
    s += "\nOPTIONS:\n"
    for o in spec.allOptions {
      var left = o.short.map { "\($0), " } ?? ""
      left += o.name + (o.valueName.map { " <\($0)>" } ?? "")
      s += row(left, o.help)
    }
    return s
  }

  static func row(_ left: String, _ right: String) -> String {
    let pad = 26
    if left.count + 2 >= pad { return "  \(left)\n" + String(repeating: " ", count: pad) + right + "\n" }
    return "  " + left + String(repeating: " ", count: pad - 2 - left.count) + right + "\n"
  }

  static func main(_ commands: [CommandSpec]) -> String {
    var s = """
      OVERVIEW: A knowledge base of KubeCon + CloudNativeCon trip reports: talks, speakers, projects and themes, in French and English.

      USAGE: kubecon <subcommand> [options]

      OPTIONS:

      """
    s += row("--corpus <file>", "The corpus to read (also KUBECON_CORPUS).")
    s += row("--no-color", "Never use colour (also when NO_COLOR is set).")
    s += row("--version", "Show the version.")
    s += row("-h, --help", "Show help information.")
    s += "\nSUBCOMMANDS:\n"
    for c in commands { s += row(c.name, c.abstract) }
    s += "\n  See 'kubecon help <subcommand>' for detailed help.\n"
    return s
  }
}
