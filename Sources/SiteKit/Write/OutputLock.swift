import Foundation

/// Keeps other sitegen processes from writing the same output folder at the same time: an
/// exclusive `flock` on the folder that holds the output, taken before the output is listed and
/// held until its commit or discard. A second build waits for the first instead of mixing its
/// files into it; the lock goes with the process, however it ends.
final class OutputLock: @unchecked Sendable {
    private var descriptor: Int32

    /// Waits for the lock on `parent`, the folder in which the output and its staging folder lie.
    init(parent: String) throws {
        descriptor = open(parent, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw SiteWriter.Failure(description: "cannot open \(parent) to lock the output: \(String(cString: strerror(errno)))")
        }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                let reason = String(cString: strerror(errno))
                close(descriptor)
                throw SiteWriter.Failure(description: "cannot lock \(parent) for writing the output: \(reason)")
            }
        }
    }

    /// Lets the next waiting build go on; calling it again does nothing.
    func release() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}
