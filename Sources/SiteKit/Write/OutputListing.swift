import Foundation

/// What an output folder holds before a build replaces it, read without following any symbolic
/// link, so that nothing is ever compared or written through one.
struct OutputListing {
    /// Regular files, by path relative to the folder.
    var files: Set<String> = []
    /// Folders below the folder itself.
    var folders: [String] = []
    /// Anything else (symbolic links, sockets, pipes): never part of a build.
    var others: [String] = []

    /// Empty when the folder does not exist.
    init(of folder: String) {
        walk(folder, relative: "")
    }

    private mutating func walk(_ folder: String, relative: String) {
        guard let stream = opendir(folder) else { return }
        defer { closedir(stream) }
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name == "." || name == ".." { continue }
            let path = relative.isEmpty ? name : relative + "/" + name
            // The entry's type comes with it on ext4, xfs and btrfs; only other file systems
            // need an lstat per entry.
            var type = Int32(entry.pointee.d_type)
            if type == Int32(DT_UNKNOWN) {
                var status = stat()
                guard lstat(folder + "/" + name, &status) == 0 else { continue }
                type = switch status.st_mode & S_IFMT {
                case S_IFDIR: Int32(DT_DIR)
                case S_IFREG: Int32(DT_REG)
                default: Int32(DT_LNK)
                }
            }
            switch type {
            case Int32(DT_DIR):
                folders.append(path)
                walk(folder + "/" + name, relative: path)
            case Int32(DT_REG):
                files.insert(path)
            default:
                others.append(path)
            }
        }
    }
}
