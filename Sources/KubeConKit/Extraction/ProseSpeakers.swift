/// Finds speakers named in running prose: `X de Y a présenté`, `X and Y from Z shared`,
/// `la keynote de X (CTO, Y)`, `présentée par X et Y`, `Acme's X explained`.
///
/// A name counts only next to a verb or noun of presenting; people the author met, thanked or
/// lists as friends are left out.
struct ProseSpeakers: Sendable {
  var parser: SpeakerParser

  init(parser: SpeakerParser) {
    self.parser = parser
  }

  /// Presenting verbs that follow the speakers (`X a présenté`, `X shared`).
  static let verbsAfter: [[String]] = [
    "a presente", "ont presente", "nous a presente", "nous ont presente", "presente", "presentent", "a aborde",
    "ont aborde", "a mis en avant", "ont mis en avant", "a explique", "ont explique", "nous a explique",
    "a partage", "ont partage", "nous a partage", "a montre", "ont montre", "nous a montre", "a demontre",
    "ont demontre", "a parle", "ont parle", "nous a parle", "a detaille", "ont detaille", "a insiste",
    "a expose", "ont expose", "a annonce", "ont annonce", "a raconte", "ont raconte", "a evoque", "ont evoque",
    "a decrit", "ont decrit", "a propose", "ont propose", "a anime", "ont anime", "a introduit",
    "ont introduit", "a dresse", "ont dresse", "a ouvert", "est monte", "est montee", "a commence", "a conclu",
    "a fait une", "ont fait une", "a donne", "ont donne", "a rappele", "a souligne", "ont souligne",
    "presented", "presents", "shared", "shares", "discussed", "discusses", "introduced", "introduces",
    "explained", "explains", "showed", "shows", "showcased", "demonstrated", "demoed", "talked", "talks about",
    "spoke", "gave", "highlighted", "walked", "covered", "announced", "described", "detailed", "took the stage",
    "delivered", "kicked off", "opened", "closed", "argued", "outlined", "emphasized", "emphasised", "unveiled",
    "took us", "led", "hosted",
  ].map { $0.split(separator: " ").map(String.init) }

  /// Words after which the speakers are named (`présentée par X`, `keynote by X`, `la keynote de X`).
  static let cuesBefore: [[String]] = [
    "presente par", "presentee par", "presentes par", "presentees par", "animee par", "anime par",
    "donnee par", "donne par", "proposee par", "propose par", "presented by", "given by", "delivered by",
    "hosted by", "led by", "talk by", "keynote by", "session by", "panel by", "presentation by", "keynote de",
    "keynote of", "talk de", "conference de", "presentation de", "session de", "intervention de", "speakers",
    "speaker", "intervenants", "intervenant", "par",
  ].map { $0.split(separator: " ").map(String.init) }

  /// Sentences about people met, thanked or friends.
  static let socialCues: Set<String> = [
    "merci", "remercie", "remercier", "remerciements", "thanks", "thank", "grateful", "rencontre", "rencontrer",
    "retrouve", "retrouver", "croise", "met", "meet", "meeting", "meetings", "reunion", "reunions", "friends", "friend", "amis", "ami", "copains",
    "copain", "colleagues", "collegues", "dinner", "diner", "selfie", "photo", "beer", "biere", "team",
  ]

  static let fillers: Set<String> = [
    "nous", "vous", "lui", "leur", "ils", "elles", "il", "elle", "they", "he", "she", "also", "aussi", "then", "ensuite", "have",
    "has", "had", "just", "both", "tous", "deux", "who", "qui",
  ]

  /// Auxiliaries that make a name the subject of what follows, inside a section about one talk.
  static let auxiliaries: [[String]] = ["a", "ont", "sont", "est", "was", "were", "had", "did", "made", "ran", "began", "started"].map { [$0] }

  /// The phrases above by their first word, in their order, so that a word is looked up once
  /// instead of being compared with every phrase (that was a quarter of parsing a report).
  static let verbsByFirstWord = byFirstWord(verbsAfter)
  static let verbsInTalkByFirstWord = byFirstWord(verbsAfter + auxiliaries)
  static let cuesByFirstWord = byFirstWord(cuesBefore)
  static let socialTable = WordTable(words: socialCues)

  /// (Looked up by the words' hashes, which most words' rule them out by.)
  static func byFirstWord(_ phrases: [[String]]) -> WordTable<[Phrase]> {
    var out = WordTable<[Phrase]>()
    for p in phrases { out.modify(p[0], default: []) { $0.append(Phrase(p)) } }
    return out
  }

  /// A phrase's words, with their hashes (``Token/hash(folded:)``): a word is compared with a
  /// phrase's word by hash first. (Most phrases start with "a", which is also "à" folded.)
  struct Phrase: Sendable {
    let words: [String]
    let hashes: [UInt16]
    init(_ words: [String]) {
      self.words = words
      hashes = words.map(Token.hash(folded:))
    }
  }

  /// The speakers a sentence names as presenting.
  /// - Parameter inTalk: the sentence is about one talk, so a name followed by any verb ("X et Y
  ///   ont fait tourner") is one of its speakers.
  func speakers(inSentence sentence: String, inTalk: Bool = false) -> [SpeakerRef] {
    // Every speaker found below is read by `SpeakerParser.leadingList`, which needs a name.
    guard SpeakerParser.mayHoldName(sentence) else { return [] }
    let ws = SpeakerParser.words(sentence)
    guard ws.count >= 3 else { return [] }
    // Words are looked up in the sets and dictionaries below only when their hash's bit is set.
    let hashes = ws.map(\.hash)
    let social = ProseSpeakers.socialTable
    if ws.indices.contains(where: { social.contains(ws[$0].folded, hash: hashes[$0]) }) {
      return []
    }
    var found: [SpeakerRef] = []
    // Names followed by a presenting verb.
    let verbs = inTalk ? ProseSpeakers.verbsInTalkByFirstWord : ProseSpeakers.verbsByFirstWord
    for k in ws.indices where verbs.mayContain(hash: hashes[k]) {
      guard let candidates = verbs[ws[k].folded, hash: hashes[k]], candidates.contains(where: { matches($0, ws, at: k) })
      else {
        continue
      }
      var start = max(0, k - 16)
      while start < k {
        // (A list starts with a name, whose first word has no opening mark but `*` and starts with
        // a capital or a letter past ASCII: most words are tried no further.)
        if SpeakerParser.mayStartName(ws[start]), let (list, end) = parser.leadingList(ws, from: start, allowCommaOrg: false),
          reaches(ws, from: end, to: k)
        {
          var list = list
          if start > 0, list[0].organization == nil, let possessor = possessive(ws[start - 1]) {
            for i in list.indices where list[i].organization == nil { list[i].organization = possessor }
          }
          found += list
          break
        }
        start += 1
      }
    }
    // Names after "présenté par", "keynote by", "la keynote de".
    let cues = ProseSpeakers.cuesByFirstWord
    for k in ws.indices where cues.mayContain(hash: hashes[k]) {
      for cue in cues[ws[k].folded, hash: hashes[k]] ?? [] where matches(cue, ws, at: k) {
        let after = k + cue.words.count
        // "par" alone names speakers only at the start of a byline.
        if cue.words == ["par"] && k != 0 { continue }
        // "led by Acme's Jane Doe"
        if after < ws.count, let org = possessive(ws[after]),
          let (list, _) = parser.leadingList(ws, from: after + 1, allowCommaOrg: false)
        {
          found += list.map { SpeakerRef(name: $0.name, organization: $0.organization ?? org) }
        } else if let (list, _) = parser.leadingList(ws, from: after, allowCommaOrg: cue.words.count == 1) {
          found += list
        }
      }
    }
    // A name in the possessive before a word for a talk, a word or two between: "Jane Doe's
    // keynote", "Jane Doe's live demo".
    for k in ws.indices.dropFirst() where ProseSpeakers.possessedTalkNounTable.contains(ws[k].folded, hash: hashes[k]) {
      for j in stride(from: k - 1, through: max(0, k - 3), by: -1) {
        if let name = possessor(ws, at: j) { found.append(SpeakerRef(name: name)) }
        // (Only the nearest possessive, and nothing but words between it and the noun.)
        if possessiveStem(ws[j]) != nil || !ws[j].trail.isEmpty { break }
      }
    }
    var seen = Set<String>()
    return found.filter { seen.insert(Folding.fold($0.name)).inserted }
  }

  /// Words for a talk that a speaker's name may stand before in the possessive.
  static let possessedTalkNounTable = WordTable(words: ["talk", "keynote", "demo", "presentation", "session", "panel", "workshop", "tutorial"])

  /// Whether a sentence (bytes `bounds` of `text`, with its words) may hold a name in the
  /// possessive before a word for a talk (see ``speakers(inSentence:inTalk:)``): one of those
  /// words, and an apostrophe.
  static func mayNamePossessor(_ tokens: ArraySlice<Token>, in text: String, _ bounds: Range<Int>) -> Bool {
    let nouns = possessedTalkNounTable
    guard tokens.contains(where: { nouns.contains($0.folded, hash: $0.foldedHash) }) else { return false }
    var text = text
    return text.withUTF8 { b in
      bounds.contains { b[$0] == 0x27 || (b[$0] == 0xE2 && $0 + 2 < b.count && b[$0 + 1] == 0x80 && b[$0 + 2] == 0x99) }
    }
  }

  /// `Jane Doe's` (or `Jane Doe’s`, `Jane Does'`): the person's name ending at word `j`.
  func possessor(_ ws: [SpeakerParser.Word], at j: Int) -> String? {
    guard let stem = possessiveStem(ws[j]) else { return nil }
    var words = Array(ws[max(0, j - 3)...j])
    words[words.count - 1] = SpeakerParser.Word(text: stem, folded: Folding.fold(stem), lead: ws[j].lead, trail: "")
    for start in words.indices where SpeakerParser.mayStartName(words[start]) {
      if let (name, end) = parser.readName(words, from: start), end == words.count { return name }
    }
    return nil
  }

  /// `Doe` of `Doe's`, `Doe’s`, `Does'` and `Does’` (the closing ’ set aside as a mark).
  func possessiveStem(_ w: SpeakerParser.Word) -> String? {
    for suffix in ["'s", "’s", "'"] where w.text.hasSuffix(suffix) && w.text.count > suffix.count {
      return String(w.text.dropLast(suffix.count))
    }
    if w.trail == "’", w.text.hasSuffix("s") { return w.text }
    return nil
  }

  /// Whether a sentence, given by its words as the tokenizer read them, may name speakers: it
  /// holds one of the presenting phrases or cues by which ``speakers(inSentence:inTalk:)`` finds
  /// names ("par" only as its first word). Most sentences hold none, and are then not split into
  /// words again.
  ///
  /// (A word of ``SpeakerParser/words(_:)`` that folds to a phrase's word, all letters, is a token
  /// that folds the same: the marks it sets aside are not letters, and no scalar folds to nothing.
  /// So the phrases found in its words are found in its tokens.)
  func mayName(_ tokens: ArraySlice<Token>, inTalk: Bool) -> Bool {
    let verbs = inTalk ? ProseSpeakers.verbsInTalkByFirstWord : ProseSpeakers.verbsByFirstWord
    let cues = ProseSpeakers.cuesByFirstWord
    let firstWords = ProseSpeakers.firstWordBits
    // (The first word is the one looked up.)
    func holds(_ phrase: Phrase, at i: Int) -> Bool {
      guard i + phrase.words.count <= tokens.endIndex else { return false }
      for k in phrase.words.indices.dropFirst()
      where tokens[i + k].foldedHash != phrase.hashes[k] || tokens[i + k].folded != phrase.words[k] {
        return false
      }
      return true
    }
    for i in tokens.indices where firstWords.mayContain(tokens[i].foldedHash) {
      let (folded, hash) = (tokens[i].folded, tokens[i].foldedHash)
      if let phrases = verbs[folded, hash: hash], phrases.contains(where: { holds($0, at: i) }) { return true }
      if let phrases = cues[folded, hash: hash],
        phrases.contains(where: { ($0.words != ["par"] || i == tokens.startIndex) && holds($0, at: i) })
      {
        return true
      }
    }
    return false
  }

  /// The first words of every phrase and cue above, which most words are not (one bit to test).
  static let firstWordBits = WordBits((verbsAfter + auxiliaries + cuesBefore).map { $0[0] })

  func matches(_ phrase: Phrase, _ ws: [SpeakerParser.Word], at k: Int) -> Bool {
    guard k + phrase.words.count <= ws.count else { return false }
    for offset in phrase.words.indices {
      if ws[k + offset].hash != phrase.hashes[offset] || ws[k + offset].folded != phrase.words[offset] { return false }
      if offset < phrase.words.count - 1, !ws[k + offset].trail.isEmpty { return false }
    }
    return true
  }

  /// Only commas, pronouns ("nous", "also", "who") and a remark in brackets ("(part of Acme)")
  /// stand between the names and the verb.
  func reaches(_ ws: [SpeakerParser.Word], from end: Int, to verb: Int) -> Bool {
    guard end <= verb else { return false }
    var inBrackets = false
    for i in end..<verb {
      if ws[i].lead.hasPrefix("(") { inBrackets = true }
      if inBrackets {
        if ws[i].trail.contains(")") { inBrackets = false }
        continue
      }
      if !ProseSpeakers.fillers.contains(ws[i].folded) { return false }
    }
    return !inBrackets
  }

  /// `Google's` gives `Google`.
  func possessive(_ w: SpeakerParser.Word) -> String? {
    for suffix in ["'s", "’s"] where w.text.hasSuffix(suffix) {
      let org = w.text.dropLast(2)
      if let f = org.first, f.isUppercase { return String(org) }
    }
    return nil
  }
}
