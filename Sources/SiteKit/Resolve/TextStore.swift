import Foundation

/// Where what a build keeps from loading or resolving to rendering is held: each source's parsed
/// tree (`StoredTree`) and reader text, the excerpts actor and term pages list (`ExcerptBook`),
/// every rendered note, and where each source mentions actors and terms (`StoredList`). A
/// scratch file rather than memory: together they are the largest thing a build keeps, and each
/// page reads back only what it shows.
/// The file is unlinked as soon as it is made, so nothing is left behind, whatever happens.
/// Text the file cannot take (no scratch folder, a full disk) is kept in memory instead.
public final class TextStore: @unchecked Sendable {
    /// Where `keep` put one piece (`StoredBytes`).
    enum Chunk: Sendable {
        case file(offset: Int)
        case memory([UInt8])
    }

    /// Why text could not be read back, with the file the text came from: of all failures, the
    /// one whose file sorts first, so that the same failures give the same diagnostic whatever
    /// order pages were rendered in.
    public struct ReadFailure: Sendable, Equatable {
        public var file: String
        public var reason: String

        /// The error that fails the build.
        public var diagnostic: Diagnostic {
            .error(SourceLocation(file: file, line: 1, column: 1),
                   "cannot read this file's text back from the build's scratch file (\(reason)); nothing was written, build again")
        }
    }

    private let descriptor: Int32?
    private let lock = NSLock()
    private var end = 0
    private var reportedFailure: ReadFailure?

    /// A store on an open file (one this store now owns and closes), or in memory with nil.
    init(descriptor: Int32?) {
        self.descriptor = descriptor
    }

    deinit {
        if let descriptor { close(descriptor) }
    }

    /// Text kept in memory only: for single documents and tools, where there is little of it.
    public static func inMemory() -> TextStore { TextStore(descriptor: nil) }

    /// A store on a new scratch file in the temporary folder (`TMPDIR`), or in memory if none can be made.
    public static func scratch() -> TextStore {
        let folder = FileManager.default.temporaryDirectory.path
        var template = Array("\(folder)/sitegen-text-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { return inMemory() }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        return TextStore(descriptor: descriptor)
    }

    /// Keeps `bytes`, in the file if it takes them. Safe to call from several threads at once.
    func keep(_ bytes: [UInt8]) -> Chunk {
        guard let descriptor, !bytes.isEmpty else { return .memory(bytes) }
        let offset = lock.withLock {
            defer { end += bytes.count }
            return end
        }
        let written = bytes.withUnsafeBytes { buffer in
            var done = 0
            while done < buffer.count {
                let count = pwrite(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(offset + done))
                if count < 0 && errno == EINTR { continue }
                if count <= 0 { return false }
                done += count
            }
            return true
        }
        return written ? .file(offset: offset) : .memory(bytes)
    }

    /// The bytes `range` of a chunk, or nil if they cannot be read back, a failure remembered
    /// for `readFailure`.
    func readableBytes(_ chunk: Chunk, _ range: Range<Int>, of file: String) -> [UInt8]? {
        let offset: Int
        switch chunk {
        case .memory(let bytes): return Array(bytes[range])
        case .file(let start): offset = start
        }
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: range.count) { buffer, initialized in
            while initialized < range.count {
                // Only a store with a file makes file chunks; -1 would fail as a bad descriptor.
                let count = pread(descriptor ?? -1, buffer.baseAddress! + initialized, range.count - initialized, off_t(offset + range.lowerBound + initialized))
                if count < 0 && errno == EINTR { continue }
                if count <= 0 {
                    failure = count < 0 ? errno : EIO
                    break
                }
                initialized += count
            }
        }
        guard failure != 0 else { return bytes }
        lock.withLock {
            if reportedFailure.map({ file < $0.file }) ?? true { reportedFailure = ReadFailure(file: file, reason: String(cString: strerror(failure))) }
        }
        return nil
    }

    /// A read that failed, if any.
    public var readFailure: ReadFailure? { lock.withLock { reportedFailure } }
}
