import Foundation
import Testing
@testable import KubeConKit

/// The index is derived from the JSON corpus: written beside it, reused while the corpus is
/// unchanged, rebuilt when stale or damaged, and it gives back exactly what the JSON holds.
@Suite struct CorpusIndexTests {
  static let bundled = Fixtures.data.appendingPathComponent("corpus.json").path

  /// A copy of the bundled corpus in a folder of its own.
  static func copy() throws -> (folder: String, corpus: String) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kubecon-index-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let corpus = folder + "/corpus.json"
    try FileManager.default.copyItem(atPath: bundled, toPath: corpus)
    return (folder, corpus)
  }

  /// Flips one byte of the index at `offset`.
  static func damage(_ path: String, at offset: Int) throws {
    var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    bytes[offset] ^= 0x5A
    try bytes.write(to: URL(fileURLWithPath: path))
  }

  @Test func anIndexIsWrittenBesideTheCorpusAndReused() throws {
    let (folder, corpus) = try Self.copy()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let first = try CorpusIndex.open(corpusAt: corpus, catalog: { Fixtures.catalog })
    #expect(first.rebuiltBecause == "missing")
    #expect(first.path == corpus + ".idx")
    #expect(FileManager.default.fileExists(atPath: corpus + ".idx"))
    let second = try CorpusIndex.open(corpusAt: corpus, catalog: { Fixtures.catalog })
    #expect(second.rebuiltBecause == nil)
    #expect(try second.reports().count == first.reports().count)
  }

  @Test func aChangedCorpusMakesTheIndexStale() throws {
    let (folder, corpus) = try Self.copy()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let before = try CorpusIndex.open(corpusAt: corpus, catalog: { Fixtures.catalog }).reports().count
    var smaller = try CorpusStore.load(corpus) { Fixtures.catalog }
    smaller = try CorpusEditor.remove([smaller.reports[0].id], from: smaller, catalog: Fixtures.catalog)
    try CorpusStore.save(smaller, to: corpus)
    let after = try CorpusIndex.open(corpusAt: corpus, catalog: { Fixtures.catalog })
    #expect(after.rebuiltBecause == "stale")
    #expect(try after.reports().count == before - 1)
  }

  @Test func theTablesGiveBackTheCorpus() throws {
    let (folder, corpus) = try Self.copy()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let json = try CorpusStore.load(corpus) { Fixtures.catalog }
    let index = try CorpusIndex.open(corpusAt: corpus, catalog: { Fixtures.catalog })
    let tables = try index.corpus()
    // Everything but the long texts, which are read for one entry at a time.
    var light = json
    for i in light.reports.indices {
      light.reports[i].sections = []
      light.reports[i].extracted = []
    }
    for i in light.talks.indices {
      light.talks[i].text = ""
      for k in light.talks[i].mentions.indices { light.talks[i].mentions[k].excerpt = "" }
    }
    #expect(tables == light)
    #expect(try tables.reports.map { try index.details(of: $0) } == json.reports)
    #expect(try tables.talks.map { try index.details(of: $0) } == json.talks)
  }

  @Test func aDamagedHeaderIsReportedAndRebuilt() throws {
    let (folder, corpus) = try Self.copy()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    _ = try CorpusIndex.open(corpusAt: corpus, catalog: { Fixtures.catalog })
    try Self.damage(corpus + ".idx", at: 20)
    var warnings: [String] = []
    let index = try CorpusIndex.open(corpusAt: corpus, catalog: { Fixtures.catalog }) { warnings.append($0) }
    #expect(index.rebuiltBecause == "damaged")
    #expect(warnings.count == 1 && warnings[0].contains("damaged index (header checksum)"))
    #expect(try CorpusIndex.open(corpusAt: corpus, catalog: { Fixtures.catalog }).rebuiltBecause == nil)
  }

  @Test func aTruncatedIndexIsRebuilt() throws {
    let (folder, corpus) = try Self.copy()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    _ = try CorpusIndex.open(corpusAt: corpus, catalog: { Fixtures.catalog })
    let bytes = try Data(contentsOf: URL(fileURLWithPath: corpus + ".idx"))
    try bytes.prefix(100).write(to: URL(fileURLWithPath: corpus + ".idx"))
    let index = try CorpusIndex.open(corpusAt: corpus, catalog: { Fixtures.catalog })
    #expect(index.rebuiltBecause == "damaged")
    #expect(try index.talks().count == CorpusStore.load(corpus) { Fixtures.catalog }.talks.count)
  }

  @Test(arguments: [IndexFile.Section.talks, .postings, .texts, .details, .terms, .strings, .documents, .documentStats])
  func aDamagedSectionIsReportedWhenRead(section: IndexFile.Section) throws {
    let (folder, corpus) = try Self.copy()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let file = try CorpusIndex.open(corpusAt: corpus, catalog: { Fixtures.catalog }).file
    let range = file.range(of: section)
    // The first term of the dictionary owns the first postings.
    var terms = ByteReader(try file.section(.terms))
    let count = Int(try terms.u32())
    let termOffset = Int(try terms.u32())
    let termLength = Int(try terms.u32())
    terms.offset = 4 + count * SearchIndex.termEntrySize + termOffset
    let firstTerm = String(decoding: try terms.bytes(termLength), as: UTF8.self)
    try Self.damage(corpus + ".idx", at: section == .postings ? range.lowerBound : range.lowerBound + range.count / 2)
    let index = try CorpusIndex.open(corpusAt: corpus, catalog: { Fixtures.catalog })
    #expect(index.rebuiltBecause == nil)
    // Every part is read: the tables, every entry's details, searches and their snippets.
    #expect(throws: KubeConError.self) {
      let talks = try index.talks()
      for t in talks { _ = try index.details(of: t) }
      for r in try index.reports() { _ = try index.details(of: r) }
      let search = try index.searchIndex(synonyms: Synonyms(groups: []))
      for q in ["\"\(firstTerm)\"", "kubernetes", "cluster", "platform", "dra"] { _ = try search.search(q) }
      try index.file.reading { for d in 0..<search.count { _ = try search.documentWithText(d) } }
    }
  }

  /// The checksums of a section's pages are themselves checked before they are trusted.
  @Test(arguments: [IndexFile.Section.texts, .postings]) func aDamagedPageTableIsReportedWhenRead(section: IndexFile.Section) throws {
    let (folder, corpus) = try Self.copy()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let range = try CorpusIndex.open(corpusAt: corpus, catalog: { Fixtures.catalog }).file.range(of: section)
    try Self.damage(corpus + ".idx", at: range.upperBound)  // the first page's checksum
    let index = try CorpusIndex.open(corpusAt: corpus, catalog: { Fixtures.catalog })
    #expect(throws: KubeConError.self) {
      let search = try index.searchIndex(synonyms: Synonyms(groups: []))
      for q in ["kubernetes", "cluster", "platform", "dra"] { _ = try search.search(q) }
      try index.file.reading { for d in 0..<search.count { _ = try search.documentWithText(d) } }
    }
  }

  @Test func anUnwritableFolderPutsTheIndexInTheCacheThenInMemory() throws {
    let (folder, corpus) = try Self.copy()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    // A folder where the index file would go: it cannot be replaced (this works as root too).
    try FileManager.default.createDirectory(atPath: corpus + ".idx", withIntermediateDirectories: false)
    let cache = folder + "/cache"
    let cached = try CorpusIndex.open(corpusAt: corpus, catalog: { Fixtures.catalog }, cacheFolder: cache)
    #expect(cached.path?.hasPrefix(cache + "/") == true)
    #expect(try CorpusIndex.open(corpusAt: corpus, catalog: { Fixtures.catalog }, cacheFolder: cache).rebuiltBecause == nil)
    // A cache folder under a regular file cannot be made: the index lives in memory for this run.
    let memory = try CorpusIndex.open(corpusAt: corpus, catalog: { Fixtures.catalog }, cacheFolder: corpus + "/cache")
    #expect(memory.path == nil)
    #expect(try memory.talks().count == CorpusStore.load(corpus) { Fixtures.catalog }.talks.count)
  }
}

extension SearchIndex {
  /// The document numbered `doc` with its whole text, checked: every page of it is read.
  func documentWithText(_ doc: Int) throws -> SearchDocument {
    var (d, stored) = try document(doc, withText: true)
    guard let text = stored else { return d }
    try text.check(0..<text.bytes.count)
    d.text = ByteReader.text(UnsafeRawBufferPointer(text.bytes))
    return d
  }
}
