import Foundation

/// Reads speakers and their organizations from the ways reports write them.
///
/// Lists: `Clément Dupont de Acme`, `Jane Doe and John Roe from Acme`, `Jane Doe, Acme & John Roe, Initech`,
/// `Jane Doe (CTO, Acme)`, `Jane Doe, ingénieure chez Acme`, `Jane Doe d'Acme`. A `de` inside a name
/// (`Jean de La Fontaine`) is a particle: `de` starts an organization only after a full name.
struct SpeakerParser: Sendable {
  var names: PersonNames

  init(names: PersonNames) {
    self.names = names
  }

  static let orgMarkers: Set<String> = ["de", "d'", "from", "chez", "at", "@"]
  static let connectors: Set<String> = ["et", "and", "&"]
  static let articles: Set<String> = ["la", "l'", "the", "le"]

  // MARK: - Whole lists

  /// Parses text that is nothing but a list of speakers (a byline, a heading's suffix).
  /// - Returns: nil when some of the text is not a speaker or an organization.
  func parseList(_ text: String) -> [SpeakerRef]? {
    guard SpeakerParser.mayHoldName(text) else { return nil }
    let ws = SpeakerParser.words(text)
    guard let (speakers, end) = leadingList(ws, from: 0, allowCommaOrg: true), end == ws.count else { return nil }
    return speakers
  }

  // MARK: - Greedy scan

  /// Reads as many `name [organization]` entries as follow `start`, joined by `,`, `et`, `and`, `&`.
  /// - Returns: the speakers and the index after the last word read, or nil when no name starts at `start`.
  func leadingList(_ ws: [Word], from start: Int, allowCommaOrg: Bool) -> ([SpeakerRef], Int)? {
    var speakers: [SpeakerRef] = []
    var i = start
    var pendingWithoutOrg = 0
    // Once a list writes "Name, Company", what follows a name's comma is a company ("Red Hat").
    var commaStyle = false
    while i < ws.count {
      guard let (name, afterName) = readName(ws, from: i) else { break }
      // A known organization read as a name (`Marc Petit, Deutsche Telekom`) is the last
      // speaker's organization, and no one's name.
      if names.isOrganization(name) {
        if let last = speakers.indices.last, speakers[last].organization == nil {
          speakers[last].organization = name
          i = afterName
        }
        break
      }
      var org: String? = nil
      var j = afterName
      if let (o, next) = readOrganization(ws, afterNameAt: j, allowComma: allowCommaOrg, preferComma: commaStyle) {
        org = o
        if ws[j - 1].trail == "," { commaStyle = true }
        j = next
      }
      speakers.append(SpeakerRef(name: name, organization: org))
      if org == nil {
        pendingWithoutOrg += 1
      } else {
        // "X and Y from Z": Z is everyone's organization since the last one given.
        for k in (speakers.count - 1 - pendingWithoutOrg)..<(speakers.count - 1) { speakers[k].organization = org }
        pendingWithoutOrg = 0
      }
      i = j
      // Connector to the next entry.
      guard i <= ws.count else { break }
      let trail = ws[i - 1].trail
      if i < ws.count, SpeakerParser.connectors.contains(ws[i].folded), i + 1 < ws.count, readName(ws, from: i + 1) != nil {
        i += 1
        continue
      }
      if trail.hasSuffix(","), i < ws.count {
        if readName(ws, from: i) != nil { continue }
        if SpeakerParser.connectors.contains(ws[i].folded), i + 1 < ws.count, readName(ws, from: i + 1) != nil {
          i += 1
          continue
        }
      }
      break
    }
    return speakers.isEmpty ? nil : (speakers, i)
  }

  /// False when a word cannot start a name for ``readName(_:from:)``: it has an opening mark but
  /// `*`, or starts with an ASCII byte that is not a capital (``PersonNames/isNameWord(_:)``).
  static func mayStartName(_ w: Word) -> Bool {
    guard w.lead.isEmpty || w.lead == "*", let first = w.text.utf8.first else { return false }
    return first >= 0x80 || (first >= 0x41 && first <= 0x5A)
  }

  /// Reads a full name starting at `start`; stops before `de` + capital once the name has two words.
  func readName(_ ws: [Word], from start: Int) -> (String, Int)? {
    guard start < ws.count, ws[start].lead.isEmpty || ws[start].lead == "*", names.isNameWord(Substring(ws[start].text)) else {
      return nil
    }
    var parts: [Substring] = [Substring(ws[start].text)]
    var i = start + 1
    var best: (String, Int)? = nil
    while i < ws.count, parts.count < 5 {
      if !ws[i - 1].trail.isEmpty && ws[i - 1].trail != "*" { break }
      if !ws[i].lead.isEmpty && ws[i].lead != "*" { break }
      let w = Substring(ws[i].text)
      if names.isNameWord(w) {
        parts.append(w)
        if names.isName(parts) { best = (parts.joined(separator: " "), i + 1) }
        i += 1
        continue
      }
      // "de", and "La" in "Jean de La Fontaine" (but a name never ends on one).
      if PersonNames.particles.contains(String(w)) || (PersonNames.particles.contains(w.lowercased()) && parts.count >= 2) {
        // "de" after a full name starts an organization.
        if (w == "de" || w == "du") && names.isName(parts) { break }
        parts.append(w)
        i += 1
        continue
      }
      break
    }
    return best
  }

  /// Reads an organization after a name: `de X`, `d'X`, `from X`, `chez X`, `at X`, `(Role, X)`,
  /// `, Role chez X`, or (in lists) `, X`.
  func readOrganization(_ ws: [Word], afterNameAt i: Int, allowComma: Bool, preferComma: Bool = false) -> (String, Int)? {
    guard i > 0 else { return nil }
    let before = ws[i - 1]
    // Parenthesis: (CTO, Acme) / (Acme) / (CTO de la Acme Foundation)
    if before.trail.isEmpty, i < ws.count, ws[i].lead.hasPrefix("(") {
      var j = i
      var inside: [Word] = []
      while j < ws.count {
        inside.append(ws[j])
        j += 1
        if ws[j - 1].trail.contains(")") { break }
      }
      guard inside.last?.trail.contains(")") == true else { return nil }
      if let org = organizationInParentheses(inside) { return (org, j) }
      return nil
    }
    if before.trail.isEmpty, i < ws.count, SpeakerParser.orgMarkers.contains(ws[i].folded), ws[i].folded != "of" {
      var j = i + 1
      if j < ws.count, SpeakerParser.articles.contains(ws[j].folded) { j += 1 }
      if let (org, end) = readOrgWords(ws, from: j) { return (org, end) }
      return nil
    }
    if before.trail == ",", i < ws.count {
      // ", ingénieur chez X" / ", Staff Engineer at X"
      var j = i
      while j < ws.count, j - i < 5, ws[j].lead.isEmpty {
        if ["chez", "at", "@"].contains(ws[j].folded) || (ws[j].folded == "de" && j > i) {
          var k = j + 1
          if k < ws.count, SpeakerParser.articles.contains(ws[k].folded) { k += 1 }
          if let (org, end) = readOrgWords(ws, from: k) { return (org, end) }
          break
        }
        if !ws[j].trail.isEmpty { break }
        j += 1
      }
      if allowComma, preferComma || readName(ws, from: i) == nil, let (org, end) = readOrgWords(ws, from: i) {
        return (org, end)
      }
    }
    return nil
  }

  func organizationInParentheses(_ inside: [Word]) -> String? {
    // The last comma-separated part, or what follows "de la"/"of"/"at"/"chez".
    var parts: [[Word]] = [[]]
    for w in inside {
      parts[parts.count - 1].append(w)
      if w.trail.contains(",") { parts.append([]) }
    }
    let last = parts.last(where: { !$0.isEmpty }) ?? []
    var cleaned = last.map { w -> Word in
      var w = w
      w.lead = w.lead.replacingOccurrences(ofBytes: "(", with: "")
      w.trail = w.trail.replacingOccurrences(ofBytes: ")", with: "").replacingOccurrences(ofBytes: ",", with: "")
      return w
    }
    if let m = cleaned.lastIndex(where: { ["de", "d'", "of", "at", "chez", "@"].contains($0.folded) }) {
      cleaned = Array(cleaned[(m + 1)...])
      if let f = cleaned.first, SpeakerParser.articles.contains(f.folded) { cleaned.removeFirst() }
    }
    guard let (org, end) = readOrgWords(cleaned, from: 0), end == cleaned.count else { return nil }
    return org
  }

  /// Capitalized words (or words with an inner capital, a dot or a digit: iFood, Acme.io, Web3Co), six at most.
  func readOrgWords(_ ws: [Word], from start: Int) -> (String, Int)? {
    var parts: [String] = []
    var i = start
    while i < ws.count, parts.count < 6 {
      let w = ws[i].text
      if i > start, !ws[i].lead.isEmpty { break }
      let capital = w.first.map { $0.isUppercase || $0.isNumber } ?? false
      let inner = w.contains { $0.isUppercase } || (w.contains(".") && w.count > 3)
      if capital || inner {
        if parts.isEmpty, PersonNames.commonWords.contains(ws[i].folded), !inner { return nil }
        parts.append(String(w))
      } else if w == "&", !parts.isEmpty, i + 1 < ws.count, readName(ws, from: i + 1) == nil {
        parts.append("&")
      } else {
        break
      }
      i += 1
      if !ws[i - 1].trail.isEmpty {
        // "Inc." after a comma continues the name: "Acme, Inc."
        if ws[i - 1].trail == ",", i < ws.count, ["inc", "inc.", "ltd", "llc", "gmbh", "sa", "sas"].contains(ws[i].folded) {
          continue
        }
        break
      }
    }
    while parts.last == "&" { parts.removeLast() }
    guard !parts.isEmpty else { return nil }
    return (parts.joined(separator: " "), i)
  }
}
