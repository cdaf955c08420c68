/// A link to a session's page on Sched, where KubeCon publishes its programs:
/// `https://kccnceu2025.sched.com/event/1txVP/title-of-the-talk-jane-doe-acme` or
/// `https://sched.co/1txVP`. The event id names the session; the slug after it is the session's
/// name (title, speakers, organizations) made lowercase, words joined by `-`.
struct SessionPage: Equatable, Sendable {
  /// `kccnceu2025.sched.com`; nil for a short link (`sched.co`).
  var host: String?
  /// `1txVP`.
  var id: String
  /// `title-of-the-talk-jane-doe-acme`; nil when the link has none.
  var slug: String?

  init(host: String?, id: String, slug: String?) {
    (self.host, self.id, self.slug) = (host, id, slug)
  }

  /// The session page a URL is, or nil.
  init?(url: String) {
    guard url.containsASCII("sched.") else { return nil }  // (most links are not)
    // Read as bytes: a URL is ASCII, and reading it by characters cost a hundred times more.
    var path = Substring(url).utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true)
    if let scheme = path.first, scheme.last == UInt8(ascii: ":") { path.removeFirst() }
    let parts = path.prefix(4).map { part in
      String(decoding: part.prefix { $0 != UInt8(ascii: "?") && $0 != UInt8(ascii: "#") }, as: UTF8.self)
    }
    guard parts.count >= 2 else { return nil }
    var host = parts[0].lowercased()
    if host.hasPrefix("www.") { host.removeFirst(4) }
    if host == "sched.co" {
      (self.host, id, slug) = (nil, parts[1], nil)
    } else if host.hasSuffix(".sched.com"), parts.count >= 3, parts[1] == "event" {
      (self.host, id, slug) = (host, parts[2], parts.count >= 4 && !parts[3].isEmpty ? parts[3] : nil)
    } else {
      return nil
    }
    guard !id.isEmpty, id.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) }) else { return nil }
  }

  /// Where the title ends among the slug's words when a link's text states it: past the longest
  /// run of three words or more the slug shares with the text, when the run starts the slug (a
  /// kind prefix aside: a slug starts with the title); 0 otherwise.
  func titleEnd(sharedWith text: String) -> Int {
    guard let slug else { return 0 }
    let words = slug.split(separator: "-")
    let textWords = Slug.make(text, maxLength: 400).split(separator: "-")
    var best = (length: 0, start: 0, end: 0)
    for i in words.indices {
      for j in textWords.indices {
        var n = 0
        while i + n < words.count, j + n < textWords.count, words[i + n] == textWords[j + n] { n += 1 }
        if n > best.length { best = (n, i, i + n) }
      }
    }
    return best.length >= 3 && best.start <= 3 ? best.end : 0
  }

  /// The title the slug holds: its words before word `end` (where the speakers' names start), or
  /// all of them; spaces between words, the first capitalized. Nil without a slug or words.
  func title(words end: Int?) -> String? {
    guard let slug else { return nil }
    let words = slug.split(separator: "-").prefix(end ?? .max)
    guard let first = words.first else { return nil }
    return ([first.prefix(1).uppercased() + first.dropFirst()] + words.dropFirst()).joined(separator: " ")
  }
}
