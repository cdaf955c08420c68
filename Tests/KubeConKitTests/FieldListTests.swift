import Foundation
import Testing
@testable import KubeConKit

/// Each model's field list (``FieldListed``) is its one description: it names every stored
/// property once, in the order JSON writes keys, and drives the JSON and the index tables.
@Suite struct FieldListTests {
  /// The keys a model lists, in its order.
  struct Keys: FieldVisitor {
    typealias Failure = Never
    var keys: [String] = []
    mutating func field<T: FieldValue>(_ key: String, _ value: inout T, _ options: FieldOptions) { keys.append(key) }
  }

  static let models: [any FieldListed.Type] = [
    Corpus.self, Report.self, Section.self, ExtractedTalk.self, Talk.self, Mention.self, SpeakerRef.self, EditionRef.self,
    Edition.self, Speaker.self, ProjectEntry.self, ThemeEntry.self, Labels.self, Session.self, SessionRef.self,
    SessionSpeaker.self, CorpusJournal.Entry.self, ThemeInfo.self, ThemeInfo.Keywords.self,
  ]

  @Test func everyStoredPropertyIsListedOnceInKeyOrder() {
    func check<T: FieldListed>(_ type: T.Type) {
      var blank = T()
      var listed = Keys()
      blank.fields(&listed)
      let keys = listed.keys
      // A property wrapper's storage is `_name`.
      let stored = Mirror(reflecting: blank).children.compactMap { $0.label.map { $0.hasPrefix("_") ? String($0.dropFirst()) : $0 } }
      #expect(keys == keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }, "\(type): keys out of order")
      #expect(Set(keys).count == keys.count, "\(type): a key listed twice")
      #expect(Set(keys) == Set(stored), "\(type): listed \(keys.sorted()), stored \(stored.sorted())")
    }
    for model in Self.models { check(model) }
  }

  /// Another field, option or type gives another shape, and so another index version.
  @Test func theShapeFollowsTheList() {
    struct One: FieldListed {
      var a = ""
      mutating func fields<V: FieldVisitor>(_ v: inout V) throws(V.Failure) { try v.field("a", &a) }
    }
    struct Two: FieldListed {
      var a = "", b: Int?
      mutating func fields<V: FieldVisitor>(_ v: inout V) throws(V.Failure) {
        try v.field("a", &a)
        try v.field("b", &b)
      }
    }
    struct Detail: FieldListed {
      var a = ""
      mutating func fields<V: FieldVisitor>(_ v: inout V) throws(V.Failure) { try v.field("a", &a, .detail) }
    }
    struct Outer<Inner: FieldListed>: FieldListed {
      var inner: [Inner] = []
      mutating func fields<V: FieldVisitor>(_ v: inout V) throws(V.Failure) { try v.field("inner", &inner) }
    }
    let shapes = [
      FieldShape.of(One.self), FieldShape.of(Two.self), FieldShape.of(Detail.self), FieldShape.of(Outer<One>.self),
      FieldShape.of(Outer<Two>.self),
    ]
    // (A model inside another counts: Outer<One> and Outer<Two> differ.)
    #expect(Set(shapes).count == shapes.count)
    #expect(FieldShape.of(One.self) == FieldShape.of(One.self))
  }

  /// The tables and details records give back every field of a corpus that uses them all.
  @Test func theTablesGiveBackEveryField() throws {
    let sample = CorpusJSONTests.sample
    let key = IndexFile.Key(size: 1, seconds: 2, nanoseconds: 3, inode: 4)
    let index = CorpusIndex(file: try IndexFile(bytes: CorpusIndex.build(sample, key: key), expecting: key), path: nil, rebuiltBecause: nil)
    let tables = try index.corpus()
    #expect(tables.speakers == sample.speakers)
    #expect(tables.projects == sample.projects)
    #expect(tables.themes == sample.themes)
    #expect(tables.editions == sample.editions)
    #expect(tables.talks.allSatisfy { $0.text.isEmpty && $0.mentions.allSatisfy(\.excerpt.isEmpty) })
    #expect(tables.reports.allSatisfy { $0.sections.isEmpty && $0.extracted.isEmpty })
    #expect(try tables.reports.map { try index.details(of: $0) } == sample.reports)
    #expect(try tables.talks.map { try index.details(of: $0) } == sample.talks)
  }

  /// JSON read back gives the same corpus, whatever the order of its keys.
  @Test func keysInAnyOrderReadTheSame() throws {
    let bytes = CorpusStore.bytes(CorpusJSONTests.sample)
    let object = try JSONSerialization.jsonObject(with: Data(bytes))
    // JSONSerialization writes keys in the order of its dictionaries, not sorted.
    let shuffled = try JSONSerialization.data(withJSONObject: object)
    #expect(shuffled != (try JSONSerialization.data(withJSONObject: object, options: .sortedKeys)))
    #expect(try CorpusStore.decode(shuffled, path: "c.json") == CorpusJSONTests.sample)
    #expect(try CorpusStore.decode(Data(bytes), path: "c.json") == CorpusJSONTests.sample)
  }
}
