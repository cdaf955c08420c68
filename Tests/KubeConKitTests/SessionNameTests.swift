import Testing
@testable import KubeConKit

/// Session names as Sched writes them, read into title, kind and speakers (rows taken from the
/// programs of `../shared/schedules/sessions.tsv`).
@Suite struct SessionNameTests {
  struct Row: Sendable, CustomStringConvertible {
    var name: String
    var track: String?
    var title: String
    var kind: SessionKind
    /// `Name|Organization|Role`, empty parts for none.
    var speakers: [String]
    var description: String { name }
  }

  static let organizations: Set<String> = ["Red Hat", "Google", "Solo.io", "Ant Group", "Alibaba Cloud", "IBM"]

  static let rows: [Row] = [
    Row(name: "Advancing Observability With Compile-Time Auto-Instrumentation in Golang - Liu Ziming, Alibaba Cloud & Przemek Delewski, Quesma",
        track: "Observability", title: "Advancing Observability With Compile-Time Auto-Instrumentation in Golang", kind: .session,
        speakers: ["Liu Ziming|Alibaba Cloud|", "Przemek Delewski|Quesma|"]),
    Row(name: "AI Model Distribution Challenges and Best Practices - Wenbo Qi, Xiaoya Xia & Peng Tao, Ant Group; Wenpeng Li, Alibaba Cloud; Han Jiang, Kuaishou",
        track: "AI + ML", title: "AI Model Distribution Challenges and Best Practices", kind: .session,
        speakers: ["Wenbo Qi|Ant Group|", "Xiaoya Xia|Ant Group|", "Peng Tao|Ant Group|", "Wenpeng Li|Alibaba Cloud|", "Han Jiang|Kuaishou|"]),
    Row(name: "Keynote: A 10-year Detour: The Future of Application Delivery in a Containerized World - Solomon Hykes, CEO, Dagger.io",
        track: "Keynote Sessions", title: "A 10-year Detour: The Future of Application Delivery in a Containerized World", kind: .keynote,
        speakers: ["Solomon Hykes|Dagger.io|CEO"]),
    Row(name: "Keynote: Success Not Guaranteed - Bob Wise, CEO, Heroku", track: "Keynote Sessions", title: "Success Not Guaranteed",
        kind: .keynote, speakers: ["Bob Wise|Heroku|CEO"]),
    Row(name: "Keynote: Introductory Remarks - Jim Zemlin, Executive Director, The Linux Foundation", track: "Keynote Sessions",
        title: "Introductory Remarks", kind: .keynote, speakers: ["Jim Zemlin|The Linux Foundation|Executive Director"]),
    Row(name: "Keynote: 221B Cloud Native Street - Ricardo Rocha, Computing Engineer, CERN & Katie Gamanji, Senior Field Engineer, Apple",
        track: "Keynote Sessions", title: "221B Cloud Native Street", kind: .keynote,
        speakers: ["Ricardo Rocha|CERN|Computing Engineer", "Katie Gamanji|Apple|Senior Field Engineer"]),
    Row(name: "Keynote: AI Enabled Observability Explainers - We Actually Did Something With AI! - Vijay Samuel, Principal MTS, Architect, eBay",
        track: "Keynote Sessions", title: "AI Enabled Observability Explainers - We Actually Did Something With AI!", kind: .keynote,
        speakers: ["Vijay Samuel|eBay|Principal MTS, Architect"]),
    Row(name: "Keynote: The Future of AI in Hong Kong: From Local Innovation to Global Influence - Roby Chen, CEO and Founder, DaoCloud & Aaron Xu, Assistant to Director, Head of Technology, HKGAI",
        track: "Keynote Sessions", title: "The Future of AI in Hong Kong: From Local Innovation to Global Influence", kind: .keynote,
        speakers: ["Roby Chen|DaoCloud|CEO and Founder", "Aaron Xu|HKGAI|Assistant to Director, Head of Technology"]),
    Row(name: "Keynote: Closing Remarks", track: "Keynote Sessions", title: "Closing Remarks", kind: .keynote, speakers: []),
    Row(name: "Sponsored Keynote: A Mesh has Immense Psychological Value - Vijoy Pandey, Vice President, Engineering for Emerging Technologies and Incubation, Cisco",
        track: "Keynote Sessions", title: "A Mesh has Immense Psychological Value", kind: .sponsoredKeynote,
        speakers: ["Vijoy Pandey|Cisco|Vice President, Engineering for Emerging Technologies and Incubation"]),
    Row(name: "Panel Discussion: Cloud Native Networking State of the Union - Raghavan Srinivas, InfoQ; Lin Sun & Christian Posta, Solo.io; Alyssa Wilk & Tim Hockin, Google",
        track: "Networking", title: "Cloud Native Networking State of the Union", kind: .panel,
        speakers: ["Raghavan Srinivas|InfoQ|", "Lin Sun|Solo.io|", "Christian Posta|Solo.io|", "Alyssa Wilk|Google|", "Tim Hockin|Google|"]),
    Row(name: "Keynote Panel Discussion: Optimizing Performance and Sustainability for AI - Lu Qiu, Alluxio; Susan Wu & Clayton Coleman, Google; Peter Pouliout, Ampere Computing; Ricardo Rocha, CERN",
        track: "Keynote Sessions", title: "Keynote Panel Discussion: Optimizing Performance and Sustainability for AI", kind: .keynote,
        speakers: ["Lu Qiu|Alluxio|", "Susan Wu|Google|", "Clayton Coleman|Google|", "Peter Pouliout|Ampere Computing|", "Ricardo Rocha|CERN|"]),
    Row(name: "Daily Wrap Up on CloudNative.tv - Moderated by Anaïs Urlichs, Civo & Leonardo Murillo, Qwinix Technologies", track: "Daily Wrap Up",
        title: "Daily Wrap Up on CloudNative.tv", kind: .panel, speakers: ["Anaïs Urlichs|Civo|Moderator", "Leonardo Murillo|Qwinix Technologies|"]),
    Row(name: "Daily Wrap Up on CloudNative.tv - Moderated by Dan \"POP\" Papandrea, Sysdig and Michael Foster, StackRox", track: "Daily Wrap Up",
        title: "Daily Wrap Up on CloudNative.tv", kind: .panel, speakers: ["Dan \"POP\" Papandrea|Sysdig|Moderator", "Michael Foster|StackRox|"]),
    Row(name: "Project Lightning Talk: Build Secure, Build Easy, with Buildpacks - Ram Iyengar, Maintainer", track: "Project Opportunities",
        title: "Build Secure, Build Easy, with Buildpacks", kind: .lightning, speakers: ["Ram Iyengar||Maintainer"]),
    Row(name: "⚡ Lightning Talk: WASM Vs Docker: Partners, Not Rivals - Pradumna V Saraf, Independent", track: "⚡ Lightning Talks",
        title: "WASM Vs Docker: Partners, Not Rivals", kind: .lightning, speakers: ["Pradumna V Saraf||Independent"]),
    Row(name: "Project Lightning Talk: Closing - Jorge Castro, CNCF", track: "Project Opportunities", title: "Closing", kind: .lightning,
        speakers: ["Jorge Castro|CNCF|"]),
    Row(name: "Kubernetes New Contributor Orientation - Paco Xu, DaoCloud; ZhenYu Jiang & Mengjiao Liu, Independent", track: "Maintainer Track",
        title: "Kubernetes New Contributor Orientation", kind: .maintainer,
        speakers: ["Paco Xu|DaoCloud|", "ZhenYu Jiang||Independent", "Mengjiao Liu||Independent"]),
    Row(name: "SIG-Multicluster Intro and Deep Dive - Stephen Kitt, Red Hat; Jeremy Olmsted-Thompson & Laura Lorenz, Google", track: "Maintainer Track",
        title: "SIG-Multicluster Intro and Deep Dive", kind: .maintainer,
        speakers: ["Stephen Kitt|Red Hat|", "Jeremy Olmsted-Thompson|Google|", "Laura Lorenz|Google|"]),
    Row(name: "Argo Workflows: Intro, Update and Deep Dive - Shuangkun Tian & Yashi Su, Alibaba Cloud", track: "Maintainer Track",
        title: "Argo Workflows: Intro, Update and Deep Dive", kind: .maintainer, speakers: ["Shuangkun Tian|Alibaba Cloud|", "Yashi Su|Alibaba Cloud|"]),
    Row(name: "Building Custom GPU Clusters at Scale: Using Kubespray To Create High-Performance AI Infrastructure - Kay Yan, DaoCloud & Rong Zhang, vivo",
        track: "Maintainer Track", title: "Building Custom GPU Clusters at Scale: Using Kubespray To Create High-Performance AI Infrastructure",
        kind: .maintainer, speakers: ["Kay Yan|DaoCloud|", "Rong Zhang|vivo|"]),
    Row(name: "Story of Correlation: Integrating Thanos Metrics with Observability Signals - Bartłomiej Płotka, Red Hat & Kemal Akkoyun, Polar Signals",
        track: "Maintainer Track", title: "Story of Correlation: Integrating Thanos Metrics with Observability Signals", kind: .maintainer,
        speakers: ["Bartłomiej Płotka|Red Hat|", "Kemal Akkoyun|Polar Signals|"]),
    Row(name: "Kube-Oddities - The Quirks That Keep Kubernetes Interesting - Marcus Noble, Monzo & Márk Sági-Kazár, Independent", track: "Cloud Native Novice",
        title: "Kube-Oddities - The Quirks That Keep Kubernetes Interesting", kind: .session, speakers: ["Marcus Noble|Monzo|", "Márk Sági-Kazár||Independent"]),
    Row(name: "Highly Available Routing with Multi Cluster Gateways - Rob Scott, Google & Liwen Wu, AWS", track: "Reliability + Operational Continuity",
        title: "Highly Available Routing with Multi Cluster Gateways", kind: .session, speakers: ["Rob Scott|Google|", "Liwen Wu|AWS|"]),
    Row(name: "Tutorial: \"Working Code Wins\": Win Big With a Cloud Native Hackathon Starter Pack - Phill Morton, The Access Group & Abby Bangser, Syntasso",
        track: "Tutorials", title: "\"Working Code Wins\": Win Big With a Cloud Native Hackathon Starter Pack", kind: .tutorial,
        speakers: ["Phill Morton|The Access Group|", "Abby Bangser|Syntasso|"]),
    Row(name: "Tutorial: Building an Open Source Observability Stack - Hannah Troisi, Vihang Mehta & Michelle Nguyen, New Relic; Clemens Kolbitsch, VMware",
        track: "Tutorials", title: "Building an Open Source Observability Stack", kind: .tutorial,
        speakers: ["Hannah Troisi|New Relic|", "Vihang Mehta|New Relic|", "Michelle Nguyen|New Relic|", "Clemens Kolbitsch|VMware|"]),
    Row(name: "🪧 Poster Session: Cloud-Native Dataspaces: Experiences from the German Research Data Ecosystem - Sebastian Beyvers, Justus Liebig University Giessen",
        track: "🪧 Poster Sessions", title: "Cloud-Native Dataspaces: Experiences from the German Research Data Ecosystem", kind: .poster,
        speakers: ["Sebastian Beyvers|Justus Liebig University Giessen|"]),
    Row(name: "🪧 Poster Session (PS8): The Handoff Pipeline: Using Pull Requests to Manage Integration Points - Prajakta Kashalkar-Joshi & Socheat Sou, IBM",
        track: "🪧 Poster Sessions", title: "The Handoff Pipeline: Using Pull Requests to Manage Integration Points", kind: .poster,
        speakers: ["Prajakta Kashalkar-Joshi|IBM|", "Socheat Sou|IBM|"]),
    Row(name: "Choose Wisely: Understanding Kubernetes Selectors - Christopher Hanson, RX-M,llc.", track: "101 Track",
        title: "Choose Wisely: Understanding Kubernetes Selectors", kind: .session, speakers: ["Christopher Hanson|RX-M,llc.|"]),
    Row(name: "Minimizing Energy Consumption in Bare Metal K8s Clusters - Marco Schröder & David Meder-Marouelli, 1&1 Mail & Media",
        track: "Environmental Sustainability", title: "Minimizing Energy Consumption in Bare Metal K8s Clusters", kind: .session,
        speakers: ["Marco Schröder|1&1 Mail & Media|", "David Meder-Marouelli|1&1 Mail & Media|"]),
    Row(name: "Emissary-ingress: Intro and Deep Dive - Flynn, Luke Shumaker & Alice Wasko, Ambassador Labs", track: "Maintainer Track",
        title: "Emissary-ingress: Intro and Deep Dive", kind: .maintainer,
        speakers: ["Flynn|Ambassador Labs|", "Luke Shumaker|Ambassador Labs|", "Alice Wasko|Ambassador Labs|"]),
    Row(name: "The Future Of Reproducible Research: Powered By Kubeflow - Trevor Grant", track: "Research + Academia",
        title: "The Future Of Reproducible Research: Powered By Kubeflow", kind: .session, speakers: ["Trevor Grant||"]),
    Row(name: "Sponsored Session: VMware - Automatically Turn Your Source Code into Scalable Microservices on Kubernetes", track: "Sponsor Theater",
        title: "VMware - Automatically Turn Your Source Code into Scalable Microservices on Kubernetes", kind: .session, speakers: []),
    Row(name: "Sponsored Demo: NODE SCALING OPTIMIZATION - Bertram Hass, Mercedes-Benz.io", track: "Solutions Showcase",
        title: "NODE SCALING OPTIMIZATION", kind: .session, speakers: ["Bertram Hass|Mercedes-Benz.io|"]),
    Row(name: "🚨 ContribFest: Thanos - Hands-on Development and Contribution Workshop (Limited Availability; First-Come, First-Served)",
        track: "🚨 Contribfest", title: "Thanos - Hands-on Development and Contribution Workshop (Limited Availability; First-Come, First-Served)",
        kind: .tutorial, speakers: []),
    Row(name: "🚨 Contribfest: The PRs Must Flow - A KubeVirt Contributor Workshop", track: "🚨 Contribfest",
        title: "The PRs Must Flow - A KubeVirt Contributor Workshop", kind: .tutorial, speakers: []),
    Row(name: "Istio Day Hosted by CNCF - Full Day Event | ALL ACCESS PASS REQUIRED", track: "CNCF-hosted Co-located Events",
        title: "Istio Day Hosted by CNCF - Full Day Event | ALL ACCESS PASS REQUIRED", kind: .colocated, speakers: []),
    Row(name: "Badge Pick-Up", track: "Registration", title: "Badge Pick-Up", kind: .logistics, speakers: []),
    Row(name: "Coat + Bag Check", track: "Registration", title: "Coat + Bag Check", kind: .logistics, speakers: []),
    Row(name: "Cloakroom", track: "Registration", title: "Cloakroom", kind: .logistics, speakers: []),
    Row(name: "Badge Pick-Up + Vaccine or Negative COVID-19 Test Verification", track: "Badge Pick-Up",
        title: "Badge Pick-Up + Vaccine or Negative COVID-19 Test Verification", kind: .logistics, speakers: []),
    Row(name: "Relaxation Station", track: "Unclassified", title: "Relaxation Station", kind: .logistics, speakers: []),
    Row(name: "Project Office Hours: Flux", track: "Project Office Hours", title: "Project Office Hours: Flux", kind: .session, speakers: []),
    Row(name: "Standardizing CI/CD Observability With OpenTelemetry: Insights From the CI/CD Observability SIG - Dotan Horovits, OpenObservability Talks & Adriel Perkins, Liatrio",
        track: "Observability", title: "Standardizing CI/CD Observability With OpenTelemetry: Insights From the CI/CD Observability SIG",
        kind: .session, speakers: ["Dotan Horovits|OpenObservability Talks|", "Adriel Perkins|Liatrio|"]),
    Row(name: "Connected Observability Pipelines in the OpenTelemetry Collector - Dan Jaglowski, observIQ", track: "Observability",
        title: "Connected Observability Pipelines in the OpenTelemetry Collector", kind: .session, speakers: ["Dan Jaglowski|observIQ|"]),
  ]

  @Test(arguments: rows)
  func readsTitleKindAndSpeakers(row: Row) {
    let parsed = SessionNameParser(organizations: SessionNameTests.organizations).parse(row.name, track: row.track)
    #expect(parsed.title == row.title)
    #expect(parsed.kind == row.kind)
    let speakers = parsed.speakers.map { "\($0.name)|\($0.organization ?? "")|\($0.role ?? "")" }
    #expect(speakers == row.speakers)
  }

  @Test func theTableCoversEveryForm() {
    #expect(SessionNameTests.rows.count >= 40)
    let kinds = Set(SessionNameTests.rows.map(\.kind))
    for kind in SessionKind.allCases { #expect(kinds.contains(kind), "no row of kind \(kind)") }
  }

  /// Placeholders stand where an organization would and are none; roles are told from organizations.
  @Test func placeholdersAndRolesAreNoOrganizations() {
    let parser = SessionNameParser()
    #expect(parser.speakers("Jane Doe, Maintainer") == [SessionSpeaker(name: "Jane Doe", organization: nil, role: "Maintainer")])
    #expect(parser.speakers("Jane Doe, CEO, Acme") == [SessionSpeaker(name: "Jane Doe", organization: "Acme", role: "CEO")])
    #expect(parser.speakers("a lowercase phrase, not people") == nil)
  }
}
