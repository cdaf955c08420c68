// Writes COUNT trip reports made from the bundled ones, deterministically, for Scripts/bench.sh:
//
//   generate-reports SEEDS-DIR OUT-DIR COUNT
//
// Report i is seed i % 5 moved to another edition (its years and city names replaced), with talks
// added under the seed's own heading style: titles, speakers and companies drawn from word lists,
// sentences reworded from a pool, and one rare word per report ("zq" + i in base 36), so the
// vocabulary and the index grow with the corpus instead of repeating five reports.
// Built with Sources/KubeConKit/Text/SeededGenerator.swift (see Scripts/bench.sh).
import Foundation

let editions: [(year: Int, en: String, fr: String)] = [
  (2017, "Berlin", "Berlin"), (2018, "Copenhagen", "Copenhague"), (2019, "Barcelona", "Barcelone"),
  (2022, "Valencia", "Valence"), (2023, "Amsterdam", "Amsterdam"), (2024, "Paris", "Paris"),
  (2025, "London", "Londres"), (2026, "Amsterdam", "Amsterdam"), (2018, "Seattle", "Seattle"),
  (2019, "San Diego", "San Diego"), (2022, "Detroit", "Detroit"), (2023, "Chicago", "Chicago"),
  (2024, "Salt Lake City", "Salt Lake City"), (2025, "Atlanta", "Atlanta"),
]
let cities = ["London", "Londres", "Paris", "Amsterdam", "Valencia", "Valence"]
let first = ["Alex", "Sam", "Jordan", "Camille", "Noor", "Ines", "Mateo", "Yuki", "Priya", "Lena", "Omar", "Chloe",
  "Hugo", "Sofia", "Ravi", "Emma", "Lucas", "Aiko", "Marta", "Tomas", "Nadia", "Felix", "Zoe", "Ken"]
let last = ["Martin", "Bernard", "Dubois", "Novak", "Okafor", "Larsen", "Moreau", "Tanaka", "Silva", "Kowalski",
  "Haddad", "Fischer", "Rossi", "Nguyen", "Petit", "Garcia", "Schmidt", "Laurent", "Costa", "Ivanova"]
let companies = ["Initech", "Globex", "Umbrella Labs", "Hooli", "Stark Cloud", "Acme Systems", "Vandelay", "Soylent Data",
  "Tyrell Compute", "Wayne Infra", "Cyberdyne", "Wonka Ops"]
let subjects = ["Kubernetes", "Cilium", "OpenTelemetry", "Argo CD", "Flux", "Kyverno", "Falco", "Envoy", "Istio",
  "Prometheus", "Backstage", "Crossplane", "KEDA", "Karpenter", "Dapr", "Linkerd", "Harbor", "etcd", "WebAssembly",
  "eBPF", "Gateway API", "Kueue", "DRA", "OpenTofu", "Thanos", "Jaeger", "Keycloak", "Vitess", "Rook", "Longhorn"]
let angles = ["at scale", "in production", "for platform teams", "without the pain", "on the edge", "for AI workloads",
  "the hard way", "in a regulated bank", "across fifty clusters", "from zero to GA", "and the cost of it", "done right"]
let en = ["The speakers walked through their migration and the mistakes they made along the way.",
  "A live demo showed the rollout, the rollback and the dashboards that watched both.",
  "Most of the questions were about multi-tenancy, quotas and who pays for idle nodes.",
  "They measured latency before and after, and the gains were smaller than the marketing said.",
  "Security came up again: signed images, admission policies and least privilege for controllers.",
  "The observability story relied on traces first, then metrics derived from them.",
  "Their platform team treats the cluster as a product with a roadmap and user interviews."]
let fr = ["Les speakers ont raconté leur migration et les erreurs commises en chemin.",
  "Une démo en direct montrait le déploiement, le retour arrière et les tableaux de bord associés.",
  "La plupart des questions portaient sur le multi-tenant, les quotas et le coût des nœuds inactifs.",
  "Ils ont mesuré la latence avant et après, et les gains étaient plus modestes que promis.",
  "La sécurité est revenue : images signées, politiques d’admission et moindre privilège.",
  "L’observabilité reposait d’abord sur les traces, puis sur les métriques qui en découlent.",
  "L’équipe plateforme traite le cluster comme un produit, avec une feuille de route."]

let args = CommandLine.arguments
guard args.count == 4, let count = Int(args[3]) else {
  FileHandle.standardError.write(Data("usage: generate-reports SEEDS-DIR OUT-DIR COUNT\n".utf8))
  exit(64)
}
let seedDir = URL(fileURLWithPath: args[1])
let outDir = URL(fileURLWithPath: args[2])
let seedNames = try FileManager.default.contentsOfDirectory(atPath: seedDir.path)
  .filter { ($0.hasSuffix(".md") || $0.hasSuffix(".txt")) && !$0.lowercased().hasPrefix("readme") }.sorted()
let seeds = try seedNames.map { try String(contentsOf: seedDir.appendingPathComponent($0), encoding: .utf8) }
try FileManager.default.createDirectory(at: outDir, withIntermediateDirectories: true)

for i in 0..<count {
  var rng = SeededGenerator(seed: UInt64(i) &* 0x2545_F491_4F6C_DD1D &+ 1)
  let s = i % seeds.count
  var text = seeds[s]
  let edition = editions[(i / seeds.count) % editions.count]
  for y in ["2024", "2025"] { text = text.replacingOccurrences(of: y, with: String(edition.year)) }
  let french = seedNames[s].hasPrefix("fr")
  for c in cities { text = text.replacingOccurrences(of: c, with: french ? edition.fr : edition.en) }
  // The seed's heading style: markdown, "Title#", or a bare line.
  let style = text.contains("\n## ") ? 0 : text.contains("#\n") ? 1 : 2
  var added = ""
  for _ in 0..<(2 + rng.below(4)) {
    let title = "\(rng.pick(subjects)) \(rng.pick(angles))"
    let speaker = "\(rng.pick(first)) \(rng.pick(last))"
    let company = rng.pick(companies)
    let heading = style == 0 ? "## \(title)" : style == 1 ? "\(title)#" : title
    let byline = french ? "Par \(speaker) de \(company)." : "By \(speaker) from \(company)."
    let pool = french ? fr : en
    let body = (0..<3).map { _ in rng.pick(pool) }.joined(separator: " ")
    added += "\n\(heading)\n\n\(byline)\n\n\(body) \(rng.pick(subjects)) \(french ? "et" : "and") \(rng.pick(subjects)).\n"
  }
  added += "\n\(french ? "Mot rare" : "Rare word"): zq\(String(i, radix: 36)).\n"
  let name = String(format: "r%05d-", i) + seedNames[s]
  try Data((text + added).utf8).write(to: outDir.appendingPathComponent(name))
}
