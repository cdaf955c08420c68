import Foundation
import Testing
@testable import KubeConKit

@Suite struct ProjectMatcherTests {
  let matcher = ProjectMatcher(projects: Fixtures.catalog.projects)

  @Test func matchesNamesAndAliases() {
    let found = matcher.mentions(in: "On utilise OTel, ArgoCD et Argo CD avec OPA et Gatekeeper sur K8s.")
    #expect(found["OpenTelemetry"] == 1)
    #expect(found["Argo CD"] == 2)
    #expect(found["Open Policy Agent"] == 1)
    #expect(found["Gatekeeper"] == 1)
    #expect(found["Kubernetes"] == 1)
  }

  @Test(arguments: [
    "sécuriser les flux de communications entre les pods",
    "le score SCI aidera à calculer l'intensité carbone",
    "la Porte de Versailles et le port 443",
    "Flux de données : une introduction.",
  ])
  func commonWordsAreNotProjects(text: String) {
    let found = matcher.mentions(in: text)
    #expect(found["Flux"] == nil && found["Score"] == nil && found["Port"] == nil)
  }

  @Test func caseSensitiveNamesMatchTheirSpelling() {
    let found = matcher.mentions(in: "Le projet Flux est gradué, et Score comme Port sont des outils de plateforme.")
    #expect(found["Flux"] == 1 && found["Score"] == 1 && found["Port"] == 1)
  }

  /// Ordinary names (Flux, Port, Score, Backstage, Harbor) count with evidence around them, and
  /// not without; a name that is no ordinary word counts wherever it stands.
  @Test(arguments: [
    ("Harbor is the CNCF registry we use.", "Harbor", true),
    ("Harbor was crowded on the last evening.", "Harbor", false),
    ("Backstage and Port for developer portals.", "Port", true),
    ("We met near the Port of Barcelona and ate.", "Port", false),
    ("Nous déployons avec Flux et Kustomize.", "Flux", true),
    ("Le Flux de la journée était tendu.", "Flux", false),
    ("Helm 3 drops Tiller.", "Helm", true),
    ("At the Helm of the company, she spoke.", "Helm", false),
    ("Take a Peek Under the Hood of Cloud Native AI at Scale", "Scale", false),
    ("Falco rocks.", "Falco", true),
    ("Headlamp will become the official interface.", "Headlamp", true),
    ("Istio's Ambient mode replaces the sidecars.", "Ambient", false),
  ])
  func ordinaryNamesNeedEvidence(text: String, project: String, counts: Bool) {
    #expect((matcher.mentions(in: text)[project] != nil) == counts, "\(text)")
  }

  /// Nothing counts inside a URL, a file path or a code identifier.
  @Test(arguments: [
    "Voir https://github.com/fluxcd/flux2 pour les sources.",
    "Le fichier flux.yaml décrit le déploiement.",
    "Le dépôt fluxcd/flux est archivé.",
  ])
  func noNameInsideAURLOrAPath(text: String) {
    #expect(matcher.mentions(in: text)["Flux"] == nil, "\(text)")
  }

  @Test func capitalizedNamesAroundASlashAreProse() {
    #expect(matcher.mentions(in: "On utilise Open Policy Agent/Gatekeeper pour l'admission.").keys.sorted() == ["Gatekeeper", "Open Policy Agent"])
  }

  /// Bold, a code span, a link's text or a link to its repository are evidence for the whole report.
  @Test func marksAndRepositoryLinksAreEvidence() throws {
    let bold = try Fixtures.parse("# KubeCon Europe 2025 London\n\n**Backstage** was everywhere; Backstage again.\n")
    #expect(bold.report.projects.contains("Backstage"))
    let code = try Fixtures.parse("# KubeCon Europe 2025 London\n\nWe ran `Score` before lunch.\n")
    #expect(code.report.projects.contains("Score"))
    let link = try Fixtures.parse("# KubeCon Europe 2025 London\n\nThe [Port](https://github.com/port-labs/port) demo was good.\n")
    #expect(link.report.projects.contains("Port") == Fixtures.catalog.projects.contains { $0.name == "Port" && $0.landscape?.repo != nil } || link.report.projects.contains("Port"))
    let none = try Fixtures.parse("# KubeCon Europe 2025 London\n\nThe Score was tied at half time, they said.\n")
    #expect(!none.report.projects.contains("Score"))
  }

  /// A company's product (outside the CNCF, no public repository) named as the company is the company.
  @Test func aCompanysNameIsNotItsProduct() throws {
    let products = Fixtures.catalog.projects.filter(\.organization)
    #expect(products.count > 100)
    let name = try #require(products.first { $0.name == "Dynatrace" }?.name)
    #expect(matcher.mentions(in: "Jane from \(name) showed the Prometheus dashboards.")[name] == nil)
  }
}

/// The catalog made from the CNCF landscape.
@Suite struct LandscapeImportTests {
  static let tsv = """
    name\tcategory\tsubcategory\tmaturity\taccepted\tincubating\tgraduated\tarchived\trepo_url\thomepage_url
    Widgetd\tRuntime\tCloud Native Network\tincubating\t2021-03-01\t2023-06-01\t\t\thttps://github.com/widget/widgetd\thttps://widgetd.io/
    Harbor\tProvisioning\tContainer Registry\tgraduated\t2018-07-31\t2018-11-13\t2020-06-23\t\thttps://github.com/goharbor/harbor\thttps://goharbor.io/
    Acme Kubernetes Service (AKS2)\tPlatform\tCertified Kubernetes - Hosted\t\t\t\t\t\t\thttps://acme.example/
    Gizmo (member)\tWasm\tTooling\t\t\t\t\t\t\t
    C++\tWasm\tLanguages\t\t\t\t\t\t\t
    a broken line
    """

  @Test func itemsAreReadAndBadLinesWarned() throws {
    let (items, warnings) = try LandscapeImport.items(tsv: Self.tsv, file: "items.tsv")
    #expect(items.map(\.name) == ["Widgetd", "Harbor", "Acme Kubernetes Service (AKS2)", "Gizmo (member)", "C++"])
    #expect(warnings.map(\.line) == [7])
    #expect(warnings.first?.description.hasPrefix("items.tsv:7: warning:") == true)
    #expect(throws: KubeConError.self) { try LandscapeImport.items(tsv: "just text", file: "x.tsv") }
  }

  @Test func mergedWithTheCatalogAsItIs() throws {
    let (items, _) = try LandscapeImport.items(tsv: Self.tsv, file: "items.tsv")
    let current = [ProjectInfo(name: "Harbor", aliases: ["goharbor"], maturity: "incubating", category: "registry")]
    let merged = LandscapeImport.merge(current, with: items, ordinaryWords: ["harbor", "gizmo"], categories: ["Cloud Native Network": "networking"])
    let harbor = try #require(merged.first { $0.name == "Harbor" })
    #expect(harbor.aliases == ["goharbor"] && harbor.category == "registry" && harbor.maturity == "graduated")
    #expect(harbor.ordinary && harbor.caseSensitive && harbor.landscape?.graduated == "2020-06-23")
    let widgetd = try #require(merged.first { $0.name == "Widgetd" })
    #expect(widgetd.category == "networking" && !widgetd.ordinary && !widgetd.organization)
    // A bracketed acronym is an alias, a bracketed word is not; a product with no repository is a company's.
    let acme = try #require(merged.first { $0.name == "Acme Kubernetes Service" })
    #expect(acme.aliases == ["AKS2"] && acme.organization)
    #expect(merged.first { $0.name == "Gizmo" }?.aliases == [])
    #expect(!merged.contains { $0.name == "C++" })
    // Importing again changes nothing.
    let again = LandscapeImport.merge(merged, with: items, ordinaryWords: ["harbor", "gizmo"], categories: ["Cloud Native Network": "networking"])
    #expect(try LandscapeImport.encode(again, about: "a") == LandscapeImport.encode(merged, about: "a"))
  }

  @Test func maturityOnADay() throws {
    let (items, _) = try LandscapeImport.items(tsv: Self.tsv, file: "items.tsv")
    let widgetd = try #require(LandscapeImport.merge([], with: items, ordinaryWords: [], categories: [:]).first { $0.name == "Widgetd" })
    #expect(widgetd.maturity(on: "2020-05-01") == nil)
    #expect(widgetd.maturity(on: "2022-05-17") == "sandbox")
    #expect(widgetd.maturity(on: "2024-03-19") == "incubating")
    #expect(ProjectInfo(name: "X", maturity: "sandbox", category: "ai").maturity(on: "2022-01-01") == "sandbox")
  }

  /// `Data/projects.json` is what `kubecon catalog import` makes of the landscape.
  @Test(.enabled(if: FileManager.default.fileExists(atPath: Fixtures.landscape.path)))
  func theBundledCatalogIsCurrent() throws {
    let (items, _) = try LandscapeImport.items(tsv: try String(contentsOf: Fixtures.landscape, encoding: .utf8), file: "items.tsv")
    let made = try LandscapeImport.catalog(dataDirectory: Fixtures.data, items: items)
    #expect(made == (try Data(contentsOf: Fixtures.data.appendingPathComponent("projects.json"))), "Data/projects.json is not current: run `swift run kubecon catalog import ../shared/landscape/items.tsv --data Data`")
  }
}

@Suite struct ThemeClassifierTests {
  let classifier = ThemeClassifier(themes: Fixtures.catalog.themes)

  @Test(arguments: [
    ("L'observabilité avec OpenTelemetry", "Les métriques, traces et logs sont unifiés.", ["OpenTelemetry"], "observability"),
    ("Observability at scale", "Metrics and traces with dashboards.", [], "observability"),
    ("Allocation dynamique de ressources", "Les GPU sont partagés grâce à DRA.", [], "scheduling"),
    ("Securing the supply chain", "SBOM and provenance with SLSA.", [], "supply-chain"),
    ("Souveraineté numérique", "Un cloud souverain pour l'Europe.", [], "sovereignty"),
  ])
  func findsThemesFromEvidenceInBothLanguages(title: String, text: String, projects: [String], theme: String) {
    let categories = projects.compactMap { p in Fixtures.catalog.projects.first { $0.name == p }?.category }
    #expect(classifier.themes(title: title, text: text, projectCategories: categories).contains(theme))
  }

  @Test func noThemeByDefault() {
    #expect(classifier.themes(title: "Un retour", text: "J'ai bien mangé et bien dormi.", projectCategories: []).isEmpty)
  }

  @Test func frenchVerbIsNotAI() {
    #expect(!classifier.themes(title: "J'ai aimé", text: "j'ai vu, j'ai lu, j'ai appris, j'ai ri", projectCategories: []).contains("ai"))
  }
}

/// Projects no catalog knows, from how reports name a project.
@Suite struct UnknownProjectsTests {
  @Test func aRepositoryLinkNamingItOrACodeSpanByACueWord() throws {
    let parsed = try Fixtures.parse("""
      # KubeCon Europe 2025 London

      The [Widgetron project](https://github.com/widget-labs/widgetron) looked promising.
      Nous avons testé l'outil `gizmoctl` en atelier.
      A [great read](https://github.com/someone/notes) and `values-file` were shared.
      And [Flux](https://github.com/fluxcd/flux2) of course.
      """)
    #expect(parsed.report.unknownProjects == ["gizmoctl", "Widgetron"])
    #expect(parsed.report.projects.contains("Flux"))
  }

  @Test func countedAcrossReportsOnceTwoNameOne() throws {
    let text = { (city: String) in "# KubeCon Europe 2025 \(city)\n\nThe [Widgetron](https://github.com/widget-labs/widgetron) tool.\n" }
    let one = try Fixtures.parser.parse(data: Data(text("London").utf8), file: "a.md", id: "a")
    let two = try Fixtures.parser.parse(data: Data(text("Londres").utf8), file: "b.md", id: "b")
    let alone = CorpusBuilder.build([one], catalog: Fixtures.catalog)
    #expect(!alone.projects.contains { $0.name == "Widgetron" })
    let both = CorpusBuilder.build([one, two], catalog: Fixtures.catalog)
    let entry = try #require(both.projects.first { $0.name == "Widgetron" })
    #expect(!entry.known && entry.reports == ["a", "b"])
    // Kept through the corpus file.
    let decoded = try CorpusStore.decode(CorpusStore.encode(both), path: "c.json")
    #expect(decoded.projects.first { $0.name == "Widgetron" }?.known == false)
    #expect(decoded.reports.first?.unknownProjects == ["Widgetron"])
  }
}
