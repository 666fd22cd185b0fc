import Foundation
import SiteKit

/// Notices edits under a set of folders by polling: every file's size and modification time,
/// compared with the previous look. Polling (every `interval`, 200 ms by default) works the same
/// on every file system and editor save strategy (write in place, rename over, delete and create),
/// and a few hundred content files cost well under a millisecond a look.
struct FolderWatcher {
    struct Stamp: Equatable {
        var size: Int
        var modifiedSeconds: Int
        var modifiedNanoseconds: Int
    }

    let folders: [String]

    /// Every file the build reads under the folders (the same listing, so hidden files such as an
    /// editor's swap files start no rebuild), with its stamp, symbolic links followed.
    func snapshot() -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        for folder in folders {
            for relative in DiskFileSystem().files(under: folder).files {
                let path = folder + "/" + relative
                var info = stat()
                guard stat(path, &info) == 0 else { continue }
                stamps[path] = Stamp(size: Int(info.st_size), modifiedSeconds: info.st_mtim.tv_sec, modifiedNanoseconds: info.st_mtim.tv_nsec)
            }
        }
        return stamps
    }

    /// The paths added, removed or changed between two snapshots, sorted.
    static func changes(from old: [String: Stamp], to new: [String: Stamp]) -> [String] {
        Set(old.keys).union(new.keys).filter { old[$0] != new[$0] }.sorted()
    }
}
