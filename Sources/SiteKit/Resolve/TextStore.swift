import Foundation

/// Where the reader text of every source, the excerpts actor and term pages list (`ExcerptBook`)
/// and every rendered note are kept from resolving to rendering: a scratch file rather than
/// memory. At 10,000 sources the text is about 100 MB, held in memory the largest thing a build
/// kept; each page reads back only what it shows (an actor's excerpts, each source's text once
/// for the search index, each note a few times), which costs less than holding it all.
/// The file is unlinked as soon as it is made, so nothing is left behind, whatever happens.
/// Text the file cannot take (no scratch folder, a full disk) is kept in memory instead.
public final class TextStore: @unchecked Sendable {
    /// One piece of text (a source's paragraphs, a note), as `keep` stored it.
    public enum Chunk: Sendable {
        case file(offset: Int)
        case memory([UInt8])
    }

    /// Why text could not be read back, with the file the text came from: of all failures, the
    /// one whose file sorts first, so that the same failures give the same diagnostic whatever
    /// order pages were rendered in.
    public struct ReadFailure: Sendable, Equatable {
        public var file: String
        public var reason: String
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

    /// The bytes `range` of a chunk. A read that fails gives spaces instead and is remembered
    /// for `readFailure`, which fails the build: its pages would be missing text.
    func bytes(_ chunk: Chunk, _ range: Range<Int>, of file: String) -> [UInt8] {
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
            if failure != 0 {
                buffer.initialize(repeating: UInt8(ascii: " "))
                initialized = range.count
            }
        }
        if failure != 0 {
            lock.withLock {
                if reportedFailure.map({ file < $0.file }) ?? true { reportedFailure = ReadFailure(file: file, reason: String(cString: strerror(failure))) }
            }
        }
        return bytes
    }

    /// A read that failed, if any.
    public var readFailure: ReadFailure? { lock.withLock { reportedFailure } }
}
