import Testing
@testable import KubeConKit

/// Slugs and the ids made from them (`Text/Slug.swift`).
@Suite struct SlugTests {
  @Test func slugsAreReadableAndBounded() {
    #expect(Slug.make("More Nodes, More Problems: GPU/TPU") == "more-nodes-more-problems-gpu-tpu")
    #expect(Slug.make("Été à Londres") == "ete-a-londres")
    #expect(Slug.make(String(repeating: "word ", count: 40)).count <= 60)
    #expect(Slug.make("!!!") == "untitled")
  }

  /// Ids are claimed in order: a base, then its first free number from 2, around ids taken
  /// beforehand or claimed as bases of their own.
  @Test func uniqueIdsTakeTheFirstFreeNumber() {
    var ids = UniqueIds(taken: ["a", "a-3"])
    #expect(["a", "a", "a", "a-5", "a", "b", "b", "a-2"].map { ids.claim($0) } == ["a-2", "a-4", "a-5", "a-5-2", "a-6", "b", "b-2", "a-2-2"])
    // The same ids as counting from 2 at every claim.
    var fast = UniqueIds()
    var used = Set<String>()
    for k in 0..<300 {
      let base = ["x", "x-2", "y", "x-4"][k % 4]
      var id = base
      var n = 2
      while used.contains(id) { id = "\(base)-\(n)"; n += 1 }
      used.insert(id)
      #expect(fast.claim(base) == id)
    }
  }
}
