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

  /// A name that is also a common word counts every mention once one of them is not at the start
  /// of a sentence.
  @Test func aCaseSensitiveNameSeenMidSentenceCountsAllItsMentions() {
    #expect(matcher.mentions(in: "Flux est gradué. Le projet Flux aussi, et Flux. Score est là.") == ["Flux": 3])
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
