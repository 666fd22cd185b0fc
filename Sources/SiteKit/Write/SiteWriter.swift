import Foundation

/// Writes built files into an output folder.
public enum SiteWriter {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Replaces an output folder with these files (see `StagedOutput` for what is checked first).
    @discardableResult
    public static func write(_ files: [OutputFile], to output: String, protecting: [(role: String, path: String)] = [],
                             force: Bool = false) throws -> StagedOutput.Changes {
        let staged = try StagedOutput(output, protecting: protecting, force: force)
        for file in files { staged.write(file) }
        return try staged.commit()
    }

    /// A relative path with no `..`, no absolute start and no empty parts.
    static func isSafe(_ path: String) -> Bool {
        !path.hasPrefix("/") && !path.split(separator: "/", omittingEmptySubsequences: false).contains { $0 == ".." || $0 == "." || $0.isEmpty }
    }

    /// Plain POSIX write of a new file: Foundation's `Data.write` syncs every file to disk on
    /// Linux, which a rebuildable output folder does not need. An existing file is never
    /// written through, since it may be a second name of a published one (`StagedOutput`).
    static func writeFile(_ pieces: some Sequence<[UInt8]>, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else { throw Failure(description: "cannot create \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        for bytes in pieces {
            var offset = 0
            while offset < bytes.count {
                let written = bytes.withUnsafeBytes { buffer in
                    Foundation.write(fd, buffer.baseAddress! + offset, bytes.count - offset)
                }
                guard written > 0 else { throw Failure(description: "cannot write \(path): \(String(cString: strerror(errno)))") }
                offset += written
            }
        }
    }
}
