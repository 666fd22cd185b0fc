import Foundation

/// Notices edits under a set of folders by polling: every file's size and modification time,
/// compared with the previous look. Polling (every `interval`, 200 ms by default) works the same
/// on every file system and editor save strategy (write in place, rename over, delete and create),
/// and a few hundred content files cost well under a millisecond a look.
struct FolderWatcher {
    struct Stamp: Equatable {
        var size: Int
        var modified: Date
    }

    let folders: [String]

    /// Every regular file under the folders, with its stamp.
    func snapshot() -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        let manager = FileManager.default
        for folder in folders {
            guard let walker = manager.enumerator(atPath: folder) else { continue }
            while let relative = walker.nextObject() as? String {
                let path = folder + "/" + relative
                guard let attributes = try? manager.attributesOfItem(atPath: path),
                      attributes[.type] as? FileAttributeType == .typeRegular else { continue }
                stamps[path] = Stamp(size: (attributes[.size] as? Int) ?? 0,
                                     modified: (attributes[.modificationDate] as? Date) ?? .distantPast)
            }
        }
        return stamps
    }

    /// The paths added, removed or changed between two snapshots, sorted.
    static func changes(from old: [String: Stamp], to new: [String: Stamp]) -> [String] {
        Set(old.keys).union(new.keys).filter { old[$0] != new[$0] }.sorted()
    }
}
