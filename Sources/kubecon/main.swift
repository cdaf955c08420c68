import Foundation
import KubeConCLI

exit(CLI.run(Array(CommandLine.arguments.dropFirst()), io: .standard))
