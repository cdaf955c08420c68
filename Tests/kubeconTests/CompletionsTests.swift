import Foundation
import Testing

/// The completion scripts: the bash one run through bash's own `compgen`, the zsh and fish ones
/// read for the same cases.
@Suite struct CompletionsTests {
  static func script(_ shell: String) -> String {
    // (A narrow terminal does not wrap a script.)
    let run = Run.kubecon(["completions", shell], environment: ["HOME": "/nonexistent-home-for-tests", "COLUMNS": "40"])
    return run.out
  }

  /// What bash offers after `words` (the last one being typed).
  static func bash(_ words: [String], in dir: URL) throws -> [String] {
    let file = dir.appendingPathComponent("kubecon.bash")
    try script("bash").write(to: file, atomically: true, encoding: .utf8)
    let quoted = words.map { "'" + $0 + "'" }.joined(separator: " ")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.currentDirectoryURL = dir
    process.arguments = ["-c", "source \(file.path); COMP_WORDS=(\(quoted)); COMP_CWORD=\(words.count - 1); _kubecon; printf '%s\\n' \"${COMPREPLY[@]}\""]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
  }

  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/bin/bash")))
  func bashCompletesFromTheCorpusAndTheCommandsOwnOptions() throws {
    let dir = try TempDir.make()
    _ = FileManager.default.createFile(atPath: dir.appendingPathComponent("notes.md").path, contents: Data("x".utf8))
    #expect(try Self.bash(["kubecon", "ta"], in: dir) == ["talks"])
    #expect(try Self.bash(["kubecon", "talks", "--theme", "obs"], in: dir) == ["observability"])
    #expect(try Self.bash(["kubecon", "projects", "--maturity", "in"], in: dir) == ["incubating"])
    #expect(try Self.bash(["kubecon", "talks", "--lang", ""], in: dir) == ["fr", "en"])
    #expect(try Self.bash(["kubecon", "talks", "--kind", "key"], in: dir) == ["keynote"])
    #expect(try Self.bash(["kubecon", "talks", "--speaker", "john"], in: dir) == ["john-belamaric"])
    #expect(try Self.bash(["kubecon", "talks", "--report", "en-"], in: dir) == ["en-sokube-kubecon-eu-2025-london"])
    #expect(try Self.bash(["kubecon", "completions", ""], in: dir) == ["bash", "zsh", "fish"])
    #expect(try Self.bash(["kubecon", "diff", "eu"], in: dir) == ["eu-2024", "eu-2025"])
    #expect(try Self.bash(["kubecon", "add", "no"], in: dir) == ["notes.md"])
    #expect(try Self.bash(["kubecon", "parse", "no"], in: dir) == ["notes.md"])
    // Options offered are only the command's own.
    let talks = try Self.bash(["kubecon", "talks", "--"], in: dir)
    #expect(talks.contains("--theme") && talks.contains("--kind"))
    #expect(!talks.contains("--maturity") && !talks.contains("--explain") && !talks.contains("--strict"))
    #expect(try Self.bash(["kubecon", "add", "--s"], in: dir) == ["--strict"])
  }

  @Test func zshAndFishCompleteTheSameCases() {
    let zsh = Self.script("zsh")
    #expect(zsh.contains("    --theme) compadd -- ") && zsh.contains("observability"))
    #expect(zsh.contains("    --maturity) compadd -- graduated incubating sandbox archived none; return ;;"))
    #expect(zsh.contains("    --speaker) compadd -- ") && zsh.contains(" john-belamaric "))
    #expect(zsh.contains("    add) if [[ \"$words[CURRENT]\" == -* ]]; then compadd -- --corpus --strict --force --json --no-color --help; else _files; fi ;;"))
    #expect(zsh.contains("    completions) if [[ \"$words[CURRENT]\" == -* ]]; then compadd -- --corpus --no-color --help; else compadd -- bash zsh fish; fi ;;"))
    #expect(zsh.contains("    diff) ") && zsh.contains("compadd -- eu-2024 eu-2025 2024 2025"))
    let fish = Self.script("fish")
    #expect(fish.contains("complete -c kubecon -n '__fish_seen_subcommand_from talks' -l theme -x -a '") && fish.contains("observability"))
    #expect(fish.contains("complete -c kubecon -n '__fish_seen_subcommand_from projects' -l maturity -x -a 'graduated incubating sandbox archived none'"))
    #expect(fish.contains("complete -c kubecon -n '__fish_seen_subcommand_from add' -F"))
    #expect(fish.contains("complete -c kubecon -n '__fish_seen_subcommand_from parse' -F"))
    #expect(fish.contains("complete -c kubecon -n '__fish_seen_subcommand_from completions' -x -a 'bash zsh fish'"))
    #expect(fish.contains("complete -c kubecon -n '__fish_seen_subcommand_from diff' -x -a 'eu-2024 eu-2025 2024 2025'"))
    // Only the command's own options.
    #expect(!fish.contains("__fish_seen_subcommand_from talks' -l maturity"))
    #expect(fish.contains("__fish_seen_subcommand_from projects' -l maturity"))
  }

  @Test func anUnknownShellIsAUsageError() {
    #expect(Run.kubecon(["completions", "tcsh"]).code == 64)
  }
}
