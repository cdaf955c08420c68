/// Stable, readable identifiers made from names and titles.
public enum Slug {
  /// `"More Nodes, More Problems: GPU/TPU"` gives `"more-nodes-more-problems-gpu-tpu"`.
  ///
  /// - Parameter maxLength: the slug is cut at a word boundary so that it is at most this long.
  public static func make(_ text: String, maxLength: Int = 60) -> String {
    // The words are runs of a-z and 0-9 of the folded text: ASCII bytes, so every other byte
    // (those of other scalars too) separates them, and a character is a byte.
    var folded = Folding.fold(text)
    return folded.withUTF8 { bytes in
      func isWordByte(_ b: UInt8) -> Bool { (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) }
      var slug: [UInt8] = []
      var i = 0
      let n = bytes.count
      while i < n {
        while i < n, !isWordByte(bytes[i]) { i += 1 }
        guard i < n else { break }
        let start = i
        while i < n, isWordByte(bytes[i]) { i += 1 }
        let word = bytes[start..<i]
        if (slug.isEmpty ? 0 : slug.count + 1) + word.count > maxLength {
          if slug.isEmpty { slug = Array(word.prefix(maxLength)) }
          break
        }
        if !slug.isEmpty { slug.append(0x2D) }
        slug += word
      }
      return slug.isEmpty ? "untitled" : String(decoding: slug, as: UTF8.self)
    }
  }
}

/// Ids made unique in the order they are claimed: `base`, or `base-2`, `base-3`... the first not
/// taken.
struct UniqueIds {
  private var taken: Set<String>
  /// For each base claimed while taken, the number to try next: the ones below it are taken, and
  /// ids are never given back. Counting from 2 at every claim made the claims of one base
  /// cost as many lookups as the square of their number.
  private var next: [String: Int] = [:]

  init(taken: some Sequence<String> = []) { self.taken = Set(taken) }

  mutating func claim(_ base: String) -> String {
    if taken.insert(base).inserted { return base }
    var n = next[base] ?? 2
    var id = "\(base)-\(n)"
    while !taken.insert(id).inserted {
      n += 1
      id = "\(base)-\(n)"
    }
    next[base] = n + 1
    return id
  }
}
