import Foundation

/// Decides whether an output folder is sitegen's to replace. sitegen replaces only a folder
/// that does not exist yet, an empty one, or one whose every file it wrote: each build records
/// its files in `manifestName` at the top of the folder. Anything else is refused before a single
/// file is touched, unless the user forces it; a folder that is, holds or lies inside the
/// content or templates is refused even then, since the build would destroy its own input.
enum OutputOwnership {
    /// The list of files a build wrote, one path per line after a comment line.
    static let manifestName = ".sitegen-files"

    struct Refusal: Error, CustomStringConvertible {
        var description: String
    }

    /// The manifest's bytes for these built paths (the manifest itself among them or not).
    static func manifest(for paths: Set<String>) -> [UInt8] {
        var text = "# Files written by sitegen build; the next build replaces or removes them, and nothing else here.\n"
        for path in paths.sorted() where path != manifestName { text += path + "\n" }
        return Array(text.utf8)
    }

    /// Throws a `Refusal` naming why `target` (a resolved path; `named` as the user wrote it)
    /// must not be replaced.
    static func check(_ target: String, named: String, listing: OutputListing, protecting inputs: [(role: String, path: String)], force: Bool) throws {
        for input in inputs {
            let resolved = StagedOutput.folder(input.path).path
            if resolved == target {
                throw Refusal(description: "'\(named)' is the \(input.role) folder; write the site to another folder")
            }
            if resolved.hasPrefix(target + "/") {
                throw Refusal(description: "'\(named)' holds the \(input.role) folder '\(input.path)'; write the site to a folder of its own")
            }
            if target.hasPrefix(resolved + "/") {
                throw Refusal(description: "'\(named)' lies inside the \(input.role) folder '\(input.path)'; write the site to a folder outside it")
            }
        }
        var status = stat()
        if lstat(target, &status) == 0, status.st_mode & S_IFMT != S_IFDIR {
            throw Refusal(description: "'\(named)' is a file, not a folder; refusing to replace it with the site")
        }
        guard !force else { return }
        let files = listing.files
        // Each path once: a path is listed as one kind only.
        let present = files + listing.others
        guard !present.isEmpty else { return }
        guard files.contains(manifestName), let recorded = readManifest(target + "/" + manifestName) else {
            throw Refusal(description: "'\(named)' is not empty and was not written by sitegen (it has no \(manifestName)); "
                          + "refusing to replace what it holds: empty it, choose another folder, or pass --force")
        }
        let foreign = present.filter { $0 != manifestName && !recorded.contains($0) }.sorted()
        guard foreign.isEmpty else {
            let shown = foreign.prefix(3).joined(separator: ", ") + (foreign.count > 3 ? ", …" : "")
            throw Refusal(description: "'\(named)' holds \(foreign.count == 1 ? "a file" : "\(foreign.count) files") sitegen did not write (\(shown)); "
                          + "refusing to remove \(foreign.count == 1 ? "it" : "them"): move \(foreign.count == 1 ? "it" : "them") out, or pass --force")
        }
    }

    private static func readManifest(_ path: String) -> Set<String>? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
        guard lines.first?.hasPrefix("#") == true else { return nil }
        return Set(lines.dropFirst())
    }
}
