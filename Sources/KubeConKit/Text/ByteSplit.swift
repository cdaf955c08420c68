extension String {
  /// The pieces of the text between separator bytes, read as UTF-8 bytes rather than characters
  /// (`split(separator:)` on characters was a few percent of parsing a report).
  ///
  /// - Parameter isSeparator: true for ASCII separator bytes only, so that every piece is whole text.
  func pieces(omittingEmpty: Bool, separatedBy isSeparator: (UInt8) -> Bool) -> [Substring] {
    var out: [Substring] = []
    let utf8 = self.utf8
    var start = utf8.startIndex
    var i = start
    while i < utf8.endIndex {
      if isSeparator(utf8[i]) {
        if !omittingEmpty || start < i { out.append(self[start..<i]) }
        start = utf8.index(after: i)
      }
      i = utf8.index(after: i)
    }
    if !omittingEmpty || start < utf8.endIndex { out.append(self[start..<utf8.endIndex]) }
    return out
  }

  /// The number of pieces between spaces, counted up to `limit`: the rest of the text is not read.
  func wordCount(upTo limit: Int) -> Int {
    var count = 0
    var inWord = false
    for byte in utf8 {
      if byte == 0x20 {
        inWord = false
      } else if !inWord {
        inWord = true
        count += 1
        if count >= limit { break }
      }
    }
    return count
  }
}
