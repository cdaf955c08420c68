/// Where grapheme breaking can be skipped.
enum Graphemes {
  /// Whether each scalar of UTF-8 text is a character of its own: it has only ASCII, Latin-1 and
  /// Latin Extended-A, and general punctuation but the joiners, none of which combines with the
  /// scalar before it (`\r\n` is one character, but holds no letter and no mark).
  static func eachScalarIsACharacter(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
    let n = b.count
    var i = 0
    while i < n {
      let x = b[i]
      if x < 0x80 {
        i += 1
      } else if x >= 0xC2 && x <= 0xC5 {
        i += 2
      } else if x == 0xE2, i + 2 < n, b[i + 1] == 0x80 || b[i + 1] == 0x81, !(b[i + 1] == 0x80 && (b[i + 2] == 0x8C || b[i + 2] == 0x8D)) {
        i += 3
      } else {
        return false
      }
    }
    return true
  }

  static func eachScalarIsACharacter(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { eachScalarIsACharacter($0) }
  }
}

extension String {
  /// The pieces of the text between separator bytes, read as UTF-8 bytes rather than characters
  /// (`split(separator:)` on characters was a few percent of parsing a report).
  ///
  /// - Parameter isSeparator: true for ASCII separator bytes only, so that every piece is whole text.
  func pieces(omittingEmpty: Bool, separatedBy isSeparator: (UInt8) -> Bool) -> [Substring] {
    var text = self
    text.makeContiguousUTF8()
    let utf8 = text.utf8
    func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
    // The bytes are scanned in a buffer: stepping through the view's indices cost ten times more.
    return utf8.withContiguousStorageIfAvailable { bytes in
      var out: [Substring] = []
      var start = 0
      for i in 0..<bytes.count where isSeparator(bytes[i]) {
        if !omittingEmpty || start < i { out.append(text[index(start)..<index(i)]) }
        start = i + 1
      }
      if !omittingEmpty || start < bytes.count { out.append(text[index(start)...]) }
      return out
    }!  // contiguous: made so above
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
