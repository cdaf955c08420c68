extension RandomAccessCollection where Index == Int {
  /// The first index whose element is not `isBefore` the place sought, by halving: `isBefore`
  /// holds for a first part of the elements and for none after it (a sorted collection).
  func partitionIndex(_ isBefore: (Element) throws -> Bool) rethrows -> Int {
    var (low, high) = (startIndex, endIndex)
    while low < high {
      let mid = (low + high) / 2
      if try isBefore(self[mid]) { low = mid + 1 } else { high = mid }
    }
    return low
  }
}
