import Foundation
@testable import SiteKit

/// Paths of the repository and of the test fixtures.
enum Fixture {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let repository = testsFolder.deletingLastPathComponent().deletingLastPathComponent()
    static func path(_ relative: String) -> String { testsFolder.appendingPathComponent("Fixtures/" + relative).path }
    static var templates: String { repository.appendingPathComponent("templates").path }

    /// Every file under a folder, hidden ones included (a leftover temporary file is a defect), by relative path.
    static func snapshot(_ folder: String) -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for relative in FileManager.default.enumerator(atPath: folder)?.compactMap({ $0 as? String }) ?? [] {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + relative, isDirectory: &isFolder), !isFolder.boolValue {
                files[relative] = FileManager.default.contents(atPath: folder + "/" + relative).map { [UInt8]($0) }
            }
        }
        return files
    }

    /// The valid fixture site's content files, keyed as `content/…`, to put in a `MemoryFileSystem`.
    static func validContent() -> [String: String] {
        var files: [String: String] = [:]
        let folder = path("valid-site/content")
        for file in DiskFileSystem().files(under: folder).files {
            files["content/" + file] = String(decoding: DiskFileSystem().contents(of: folder + "/" + file)!, as: UTF8.self)
        }
        return files
    }

    /// A source with a Markdown body, as the loader would make it.
    static func source(_ markdown: String, id: String = "memo") -> Source {
        Source(id: SourceID(id), file: "content/sources/\(id).md", title: "T", titleSupplied: false, author: nil,
               publisher: nil, date: PartialDate("2002")!, url: nil, summary: "", editorNote: nil, corrections: [],
               body: Body(markdown: markdown, firstLine: 5, file: "content/sources/\(id).md"))
    }

    /// `content/site.yml` of a site whose timeline runs from 1999 to 2022.
    static let siteFile = "title: T\nlanguage: en\ndescription: D\ntimeline:\n  start: \"1999\"\n  end: \"2022\"\n"

    /// A source file of a source titled S, dated 2001, with `body` after its front matter.
    static func sourceFile(_ body: String) -> String {
        "---\ntitle: S\nauthor: null\npublisher: null\ndate: \"2001\"\nsummary: S.\n---\n" + body
    }

    /// A site built from files held in memory, with the real templates: its errors, formatted,
    /// and its pages' text by path.
    static func build(_ files: [String: String]) -> (errors: [String], pages: [String: String]) {
        let outcome = SiteBuilder(options: SiteBuilder.Options(templates: templates), fileSystem: Overlay(memory: MemoryFileSystem(files))).run()
        let pages = Dictionary(outcome.files.map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) }) { first, _ in first }
        return (outcome.diagnostics.filter { $0.severity == .error }.map(\.formatted), pages)
    }

    /// The real templates' texts, by name.
    static func templateTexts() throws -> [String: String] {
        var texts: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: templates) where name.hasSuffix(".mustache") {
            texts[String(name.dropLast(".mustache".count))] = try String(contentsOfFile: templates + "/" + name, encoding: .utf8)
        }
        return texts
    }

    static func quote(_ text: String, line: Int = 2, column: Int = 8) -> Located<String> {
        Located(text, at: SourceLocation(file: "content/annotations/memo/note.md", line: line, column: column))
    }
}
