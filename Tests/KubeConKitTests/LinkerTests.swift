import Testing
@testable import KubeConKit

@Suite struct LinkerTests {
  /// Talks compared across a translation by numbered speakers and projects score what comparing
  /// the sets of names scores.
  @Test func numberedShapesScoreAsSetsOfNames() {
    var random = SeededGenerator(seed: 11)
    let names = ["Ann Lee", "ann lee", "Ánn Lée", "Bob", "Chloé Martin", "Dan", "Eve", "Zoë"]
    let projects = ["Argo", "Cilium", "Kubernetes", "OpenTelemetry", "Prometheus"]
    func talk() -> Talk {
      Talk(
        id: "t", title: "T", titleSource: .stated, kind: [.session, .keynote][Int(random.next() % 2)], edition: nil,
        speakers: (0..<Int(random.next() % 4)).map { _ in SpeakerRef(name: names[Int(random.next() % UInt64(names.count))]) },
        projects: (0..<Int(random.next() % 4)).map { _ in projects[Int(random.next() % UInt64(projects.count))] },
        themes: [], reports: [], mentions: [], text: "")
    }
    var numbering: [String: Int] = [:]
    for _ in 0..<500 {
      let a = talk()
      let b = talk()
      let (sa, sb) = (Linker.TalkShape(a, numbering: &numbering), Linker.TalkShape(b, numbering: &numbering))
      let names = (Set(a.speakers.map { Folding.fold($0.name) }), Set(b.speakers.map { Folding.fold($0.name) }))
      #expect(Linker.jaccard(sa.speakers, sb.speakers) == Linker.jaccard(names.0, names.1))
      #expect(Linker.jaccard(sa.projects, sb.projects) == Linker.jaccard(Set(a.projects), Set(b.projects)))
      let position = (Double(random.next() % 10) / 10, Double(random.next() % 10) / 10)
      // The former computation, in its order.
      var expected = 0.0
      expected += names.0.isEmpty && names.1.isEmpty ? 0.3 : Linker.jaccard(names.0, names.1)
      expected += 0.5 * Linker.jaccard(Set(a.projects), Set(b.projects))
      expected += a.kind == b.kind ? 0.1 : 0
      expected -= 2 * abs(position.0 - position.1)
      #expect(Linker.similarity(sa, sb, positionA: position.0, positionB: position.1) == expected)
    }
  }
}
