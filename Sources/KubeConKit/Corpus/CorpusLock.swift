import Foundation

/// An exclusive lock on a corpus file (`corpus.json.lock` beside it), held while a corpus is read,
/// changed and written, so that two `kubecon add` at the same time both land.
///
/// `flock` locks belong to the open file, so the lock also works between threads of one process.
/// The lock file stays: removing it would let a third writer lock a different file.
public final class CorpusLock {
  private var fd: Int32

  /// Waits for the lock.
  /// - Throws: ``KubeConError/locked(_:reason:)`` when the lock file cannot be created (for
  ///   example in a folder that is not writable).
  public init(for corpusPath: String) throws {
    let path = corpusPath + ".lock"
    fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw KubeConError.locked(corpusPath, reason: String(cString: strerror(errno))) }
    while flock(fd, LOCK_EX) != 0 {
      guard errno == EINTR else {
        let reason = String(cString: strerror(errno))
        close(fd)
        throw KubeConError.locked(corpusPath, reason: reason)
      }
    }
  }

  public func unlock() {
    guard fd >= 0 else { return }
    flock(fd, LOCK_UN)
    close(fd)
    fd = -1
  }

  deinit { unlock() }
}
