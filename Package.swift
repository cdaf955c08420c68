// swift-tools-version:6.0
import PackageDescription

// One core library, a thin CLI library that tests can call, and a one-line executable.
// No package dependencies: Foundation, the standard library and the toolchain's test libraries only.
let package = Package(
  name: "kubecon",
  platforms: [.macOS(.v13)],
  products: [
    .library(name: "KubeConKit", targets: ["KubeConKit"]),
    .executable(name: "kubecon", targets: ["kubecon"]),
  ],
  targets: [
    .target(name: "KubeConKit"),
    .target(name: "KubeConCLI", dependencies: ["KubeConKit"]),
    .executableTarget(name: "kubecon", dependencies: ["KubeConCLI"]),
    .testTarget(name: "KubeConKitTests", dependencies: ["KubeConKit"]),
    .testTarget(name: "kubeconTests", dependencies: ["KubeConCLI", "KubeConKit"], exclude: ["Snapshots"]),
  ]
)
