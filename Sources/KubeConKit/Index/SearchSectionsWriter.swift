import Foundation

/// Analyzes every search document once and writes the search sections of the index: documents,
/// their ranking stats, the sorted term dictionary, postings with positions, texts, the
/// vocabulary for "did you mean" and the analysis settings.
///
/// Documents: per document a fixed 52-byte entry of ranking stats (title and body norms, title
/// weight, prior: four doubles; the rank of its id; where its record is, how long, its checksum),
/// and a record with its ids, filters and where its text record is.
///
/// Postings of a term: its counts, in document order (`docDelta`, `titleCount`, `bodyCount`, the
/// byte length of its positions), then all its positions (per document, the title positions and
/// the body positions, each delta-coded); the term's 28-byte dictionary entry says where both are.
/// A one-word query reads only the counts; phrases and snippets read positions.
///
/// Text record: the title, the text's length, a checkpoint every ``checkpointSpacing`` words of
/// the text (where that word starts, and whether it starts a sentence, as the snippet's scan sees
/// it), then the text. A snippet of a long text starts scanning at the checkpoint before its
/// matches instead of at the start.
struct SearchSectionsWriter {
  /// BM25F length normalization: body b 0.75; titles are short, so a long, descriptive talk title
  /// is barely penalized (b 0.3).
  static let b = 0.75
  static let titleB = 0.3
  static let checkpointSpacing = 256

  /// A checkpoint: the UTF-8 offset of word k × spacing (k ≥ 1), its top bit set when that word
  /// starts a sentence (line breaks read as spaces, as in snippets).
  static func checkpoints(_ text: String) -> [UInt32] {
    var text = text
    text.makeContiguousUTF8()
    precondition(text.utf8.count < 1 << 31, "text too long for the index")
    var out: [UInt32] = []
    var n = 0
    _ = text.utf8.withContiguousStorageIfAvailable { bytes in
      Tokenizer.scan(bytes, lineBreaksStartSentences: false) { start, _, _, sentence in
        if n > 0 && n % checkpointSpacing == 0 { out.append(UInt32(start) | (sentence ? 1 << 31 : 0)) }
        n += 1
        return true
      }
    }
    return out
  }

  /// The sections from `.documents` to `.searchInfo`, in ``IndexFile/Section`` order.
  static func sections(for corpus: Corpus) -> [[UInt8]] {
    var protected = Set<String>()
    for p in corpus.projects { for n in [p.name] + p.aliases { protected.formUnion(Tokenizer.tokens(n).map(\.folded)) } }
    let analyzer = Analyzer(protectedWords: protected)
    let docs = RankedDocument.all(in: corpus)

    var terms = Terms(analyzer: analyzer)
    var titleLengths: [Int] = []
    var bodyLengths: [Int] = []
    for (d, doc) in docs.enumerated() {
      titleLengths.append(terms.read(doc.document.title, title: true))
      bodyLengths.append(terms.read(doc.document.text, title: false))
      terms.post(document: d)
    }
    let (termList, postings, positions, docCounts, vocabulary) = (terms.list, terms.postings, terms.positions, terms.docCounts, terms.vocabulary)

    // Lengths normalized against the averages, exactly as the ranking reads them.
    let count = Double(max(docs.count, 1))
    let averageTitle = max(1, titleLengths.reduce(0.0) { $0 + Double($1) } / count)
    let averageBody = max(1, bodyLengths.reduce(0.0) { $0 + Double($1) } / count)
    let order = docs.indices.sorted { docs[$0].document.id < docs[$1].document.id }
    var rank = [Int](repeating: 0, count: docs.count)
    for (r, d) in order.enumerated() { rank[d] = r }

    var records = ByteWriter()
    var texts = ByteWriter()
    // Room for every text record at once (a title and text, three numbers, a checkpoint at most
    // every 512 bytes): grown by doubling, the texts and their copy were the index build's peak.
    texts.bytes.reserveCapacity(docs.reduce(0) { $0 + $1.document.title.utf8.count + $1.document.text.utf8.count * 65 / 64 + 30 })
    var stats = ByteWriter()
    for (d, doc) in docs.enumerated() {
      let x = doc.document
      stats.u64((1 - titleB + titleB * Double(titleLengths[d]) / averageTitle).bitPattern)
      stats.u64((1 - b + b * Double(bodyLengths[d]) / averageBody).bitPattern)
      stats.u64(doc.titleWeight.bitPattern)
      stats.u64(doc.prior.bitPattern)
      stats.u32(UInt32(rank[d]))
      var record = ByteWriter()
      record.u8(x.kind == .talk ? 0 : 1)
      record.string(x.id)
      record.string(x.report)
      record.optional(x.year)
      for list in [x.languages, x.themes, x.alsoIn, x.alsoInLanguages, x.edition.map { [$0] } ?? []] {
        record.varint(list.count)
        for s in list { record.string(s) }
      }
      // The text record, checked per page of the texts section as it is read.
      let start = texts.count
      texts.string(x.title)
      let checkpoints = SearchSectionsWriter.checkpoints(x.text)
      texts.varint(x.text.utf8.count)
      texts.varint(checkpoints.count)
      for c in checkpoints { texts.u32(c) }
      texts.bytes.append(contentsOf: x.text.utf8)
      record.varint(start)
      record.varint(texts.count - start)
      // Where the document's record is, and its checksum: it is checked when read.
      stats.u32(UInt32(records.count))
      stats.u32(UInt32(record.count))
      stats.u64(Checksum.of(record.bytes))
      records.append(record.bytes)
    }

    // The dictionary: fixed-size entries sorted by the terms' UTF-8 bytes, then the terms' bytes.
    let sortedTerms = termList.indices.map { (Array(termList[$0].utf8), $0) }.sorted { $0.0.lexicographicallyPrecedes($1.0) }
    var dictionary = ByteWriter()
    var termBytes = ByteWriter()
    var postingBytes = ByteWriter()
    // (Room for all at once, as for the texts.)
    postingBytes.bytes.reserveCapacity(postings.reduce(0) { $0 + $1.count } + positions.reduce(0) { $0 + $1.count })
    dictionary.u32(UInt32(sortedTerms.count))
    for (utf8, n) in sortedTerms {
      dictionary.u32(UInt32(termBytes.count))
      dictionary.u32(UInt32(utf8.count))
      termBytes.append(utf8)
      dictionary.u64(UInt64(postingBytes.count))
      dictionary.u32(UInt32(postings[n].count))
      dictionary.u32(UInt32(positions[n].count))
      dictionary.u32(UInt32(docCounts[n]))
      postingBytes.append(postings[n].bytes)
      postingBytes.append(positions[n].bytes)
    }
    dictionary.append(termBytes.bytes)

    var words = ByteWriter()
    let sortedWords = vocabulary.sorted()
    words.varint(sortedWords.count)
    for w in sortedWords { words.string(w) }

    var info = ByteWriter()
    let protectedSorted = protected.sorted()
    info.varint(protectedSorted.count)
    for w in protectedSorted { info.string(w) }
    let years = Set(corpus.reports.compactMap { $0.edition?.year }).sorted()
    info.varint(years.count)
    for y in years { info.varint(y) }
    // The program's sessions the corpus's talks are linked to: `search` lists the others.
    let covered = Set(corpus.talks.compactMap { $0.session?.id }).sorted()
    info.varint(covered.count)
    for id in covered { info.string(id) }

    return [records.bytes, stats.bytes, dictionary.bytes, postingBytes.bytes, texts.bytes, words.bytes, info.bytes]
  }
}

extension SearchSectionsWriter {
  /// The terms of the documents, read one document after the other, and their postings.
  ///
  /// A word's term and whether it joins the vocabulary depend on its spelling alone: each spelling
  /// is analyzed once (analyzing every word was half of building the index), and words are read
  /// from the texts' bytes without making a token of each.
  struct Terms {
    let analyzer: Analyzer
    private var spellings = SpellingNumbers()
    private var numberOfTerm: [String: Int] = [:]
    private(set) var list: [String] = []
    private(set) var postings: [ByteWriter] = []
    private(set) var positions: [ByteWriter] = []
    private(set) var docCounts: [Int] = []
    private(set) var vocabulary = Set<String>()
    private var lastDoc: [Int] = []
    /// The places of each term in the document being read (title, body), and the terms it has.
    private var titlePlaces: [[Int]] = []
    private var bodyPlaces: [[Int]] = []
    private var inDocument: [Int] = []

    init(analyzer: Analyzer) { self.analyzer = analyzer }

    /// The number of a spelling not seen before: of its term, made a term if it is new.
    private mutating func number(ofNew spelling: String) -> Int {
      // The word alone is one token, as it was in its text (its sentence start is not read).
      let t = Tokenizer.tokens(spelling)[0]
      if t.folded.count >= 3 && !Analyzer.stopWords.contains(t.folded) { vocabulary.insert(t.folded) }
      // Every token is a term when stop words are kept, so a term's place is its token's.
      let term = analyzer.term(for: t, keepStopWords: true) ?? t.folded
      let n: Int
      if let known = numberOfTerm[term] {
        n = known
      } else {
        n = list.count
        numberOfTerm[term] = n
        list.append(term)
        postings.append(ByteWriter())
        positions.append(ByteWriter())
        lastDoc.append(0)
        docCounts.append(0)
        titlePlaces.append([])
        bodyPlaces.append([])
      }
      return n
    }

    /// Notes the places of the words of `text` in the document being read; gives their number.
    mutating func read(_ text: String, title: Bool) -> Int {
      var text = text
      var count = 0
      text.withUTF8 { bytes in
        Tokenizer.scan(bytes) { start, end, _, _ in
          let word = UnsafeBufferPointer(rebasing: bytes[start..<end])
          let hash = SpellingNumbers.hash(word)
          let n: Int
          if let known = spellings.number(of: word, hash: hash) {
            n = known
          } else {
            n = number(ofNew: String(decoding: word, as: UTF8.self))
            spellings.add(word, hash: hash, number: n)
          }
          if titlePlaces[n].isEmpty && bodyPlaces[n].isEmpty { inDocument.append(n) }
          if title { titlePlaces[n].append(count) } else { bodyPlaces[n].append(count) }
          count += 1
          return true
        }
      }
      return count
    }

    /// Writes the postings of the document read, document `d`, and starts the next one.
    mutating func post(document d: Int) {
      for n in inDocument {
        postings[n].varint(d - lastDoc[n])
        lastDoc[n] = d
        docCounts[n] += 1
        postings[n].varint(titlePlaces[n].count)
        postings[n].varint(bodyPlaces[n].count)
        let before = positions[n].count
        for list in [titlePlaces[n], bodyPlaces[n]] {
          var previous = 0
          for p in list {
            positions[n].varint(p - previous)
            previous = p
          }
        }
        postings[n].varint(positions[n].count - before)
        titlePlaces[n].removeAll(keepingCapacity: true)
        bodyPlaces[n].removeAll(keepingCapacity: true)
      }
      inDocument.removeAll(keepingCapacity: true)
    }
  }
}

/// The numbers of the spellings of words seen, found by their bytes: a word of a text is looked up
/// without making a string of it (a dictionary of strings checked the UTF-8 of every word, hashed
/// it and compared it again). Open addressing, FNV-1a hashes, the
/// spellings' bytes one after another.
///
/// Spellings are told apart by their bytes, where the dictionary told canonically equivalent
/// ones alike: the texts are composed (``TextDecoding/composed(_:)``), and what equivalent
/// spellings are left (the Kelvin sign for `K`) are each analyzed on their own, as search's
/// reference analyzes them.
struct SpellingNumbers {
  /// An entry's index for each slot, by the hash's low bits; -1 for none.
  private var slots = [Int32](repeating: -1, count: 1 << 12)
  private var entries: [(start: Int, count: Int, hash: UInt32, number: Int)] = []
  private var bytes: [UInt8] = []

  /// FNV-1a, as ``Token/hash(folded:)``, all 32 bits.
  static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt32 {
    var h = Token.fnvBasis
    for b in word { h = (h ^ UInt32(b)) &* Token.fnvPrime }
    return h
  }

  /// - Parameter hash: ``hash(_:)`` of `word`.
  func number(of word: UnsafeBufferPointer<UInt8>, hash: UInt32) -> Int? {
    let mask = slots.count - 1
    var slot = Int(hash) & mask
    return bytes.withUnsafeBufferPointer { stored in
      while slots[slot] >= 0 {
        let e = entries[Int(slots[slot])]
        if e.hash == hash && e.count == word.count
          && (word.isEmpty || memcmp(stored.baseAddress! + e.start, word.baseAddress!, word.count) == 0)
        {
          return e.number
        }
        slot = (slot + 1) & mask
      }
      return nil
    }
  }

  /// Adds a spelling that ``number(of:hash:)`` did not find.
  mutating func add(_ word: UnsafeBufferPointer<UInt8>, hash: UInt32, number: Int) {
    entries.append((bytes.count, word.count, hash, number))
    bytes.append(contentsOf: word)
    if entries.count * 2 > slots.count {
      // Half full at most: twice the slots, every entry placed again.
      slots = [Int32](repeating: -1, count: slots.count * 2)
      for e in entries.indices { place(e) }
    } else {
      place(entries.count - 1)
    }
  }

  private mutating func place(_ e: Int) {
    let mask = slots.count - 1
    var slot = Int(entries[e].hash) & mask
    while slots[slot] >= 0 { slot = (slot + 1) & mask }
    slots[slot] = Int32(e)
  }
}
