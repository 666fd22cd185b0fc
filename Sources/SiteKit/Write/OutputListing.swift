/// What an output folder holds before a build replaces it, read without following any symbolic
/// link, so that nothing is ever compared or written through one.
struct OutputListing {
    /// Regular files, by path relative to the folder, each once, made from `filePaths` on each use.
    var files: [String] { filePaths.split(separator: "\0").map(String.init) }
    /// The same, each path followed by a NUL, which no path holds: a build keeps the listings
    /// of the output and of the previous folder to its commit, and an array or a set of a big
    /// site's paths takes several times the room.
    private var filePaths = ""
    /// Folders below the folder itself.
    var folders: [String] = []
    /// Anything else (symbolic links, sockets, pipes): never part of a build.
    var others: [String] = []

    /// Empty when the folder does not exist.
    init(of folder: String) {
        walk(folder, relative: "")
    }

    /// Nothing, for a folder that is not there yet.
    init() {}

    private mutating func walk(_ folder: String, relative: String) {
        for (name, kind) in FolderEntries.read(folder) ?? [] {
            let path = relative.isEmpty ? name : relative + "/" + name
            switch kind {
            case .folder:
                folders.append(path)
                walk(folder + "/" + name, relative: path)
            case .file:
                filePaths += path
                filePaths += "\0"
            case .link, .other:
                others.append(path)
            }
        }
    }
}
