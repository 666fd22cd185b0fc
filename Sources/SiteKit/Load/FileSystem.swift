import Foundation

/// The seam between loading and the disk: tests hand the loader an in-memory tree.
public protocol ContentFileSystem: Sendable {
    /// The bytes of a file, or nil if there is no regular file there or it cannot be read.
    func contents(of path: String) -> [UInt8]?
    /// Why `contents(of:)` gave nil for a path, in a few words.
    func whyUnreadable(_ path: String) -> String
    /// Whether a folder exists at the path.
    func isDirectory(_ path: String) -> Bool
    /// What lies below a folder, following no symlink that leads outside it.
    func files(under path: String) -> FolderListing
}

extension ContentFileSystem {
    public func whyUnreadable(_ path: String) -> String { "no such file" }
}

/// What lies below a folder, by paths relative to it, each list sorted.
public struct FolderListing: Sendable, Equatable {
    /// Regular files (hidden ones, whose names start with '.', left out).
    public var files: [String] = []
    /// The folders the files lie in, and any other folder below.
    public var folders: [String] = []
    /// Symbolic links that lead outside the folder: never read.
    public var escaping: [String] = []
    /// Folders that could not be read, with the reason.
    public var unreadable: [String: String] = [:]

    public init(files: [String] = [], folders: [String] = [], escaping: [String] = [], unreadable: [String: String] = [:]) {
        self.files = files
        self.folders = folders
        self.escaping = escaping
        self.unreadable = unreadable
    }
}

/// The real disk.
public struct DiskFileSystem: ContentFileSystem {
    public init() {}

    public func contents(of path: String) -> [UInt8]? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return [UInt8](data)
    }

    public func whyUnreadable(_ path: String) -> String {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return String(cString: strerror(errno)) }
        close(fd)
        return isDirectory(path) ? "it is a folder" : "it changed while it was read"
    }

    public func isDirectory(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }

    public func files(under path: String) -> FolderListing {
        let root = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        var listing = FolderListing()
        func walk(_ relative: String) {
            let full = relative.isEmpty ? path : path + "/" + relative
            guard let entries = FolderEntries.read(full) else {
                listing.unreadable[relative] = String(cString: strerror(errno))
                return
            }
            if !relative.isEmpty { listing.folders.append(relative) }
            for (name, kind) in entries.sorted(by: { $0.name < $1.name }) where !name.hasPrefix(".") {
                let rel = relative.isEmpty ? name : relative + "/" + name
                let entry = path + "/" + rel
                switch kind {
                case .link:
                    // Only a symbolic link can lead outside: a plain entry of a folder inside the
                    // root is inside too. Resolving every path instead cost seconds on a big site.
                    let resolved = URL(fileURLWithPath: entry).resolvingSymlinksInPath().path
                    if resolved != root && !resolved.hasPrefix(root + "/") {
                        listing.escaping.append(rel)
                        continue
                    }
                    if isDirectory(entry) { walk(rel) } else { listing.files.append(rel) }
                case .folder:
                    walk(rel)
                case .file, .other:
                    listing.files.append(rel)
                }
            }
        }
        walk("")
        listing.folders.sort()
        return listing
    }
}

/// A file tree held in memory, for tests.
public struct MemoryFileSystem: ContentFileSystem {
    public var files: [String: [UInt8]]

    public init(_ files: [String: String]) {
        self.files = files.mapValues { Array($0.utf8) }
    }

    public init(bytes: [String: [UInt8]]) {
        self.files = bytes
    }

    public func contents(of path: String) -> [UInt8]? { files[path] }

    public func isDirectory(_ path: String) -> Bool {
        files.keys.contains { $0.hasPrefix(path + "/") }
    }

    public func files(under path: String) -> FolderListing {
        let prefix = path + "/"
        let files = self.files.keys.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }.sorted()
        var folders: Set<String> = []
        for file in files {
            var parts = file.split(separator: "/").dropLast()
            while !parts.isEmpty {
                folders.insert(parts.joined(separator: "/"))
                parts = parts.dropLast()
            }
        }
        return FolderListing(files: files, folders: folders.sorted())
    }
}
