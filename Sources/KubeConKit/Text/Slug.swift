/// Stable, readable identifiers made from names and titles.
public enum Slug {
  /// `"More Nodes, More Problems: GPU/TPU"` gives `"more-nodes-more-problems-gpu-tpu"`.
  ///
  /// - Parameter maxLength: the slug is cut at a word boundary so that it is at most this long.
  public static func make(_ text: String, maxLength: Int = 60) -> String {
    var words: [String] = []
    var current = ""
    for scalar in Folding.fold(text).unicodeScalars {
      if (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") {
        current.unicodeScalars.append(scalar)
      } else if !current.isEmpty {
        words.append(current)
        current = ""
      }
    }
    if !current.isEmpty { words.append(current) }
    var slug = ""
    for word in words {
      let next = slug.isEmpty ? word : slug + "-" + word
      if next.count > maxLength {
        if slug.isEmpty { slug = String(word.prefix(maxLength)) }
        break
      }
      slug = next
    }
    return slug.isEmpty ? "untitled" : slug
  }

  /// `base`, or `base-2`, `base-3`... the first not in `used`, which it joins.
  public static func unique(_ base: String, among used: inout Set<String>) -> String {
    var id = base
    var n = 2
    while used.contains(id) {
      id = "\(base)-\(n)"
      n += 1
    }
    used.insert(id)
    return id
  }
}
