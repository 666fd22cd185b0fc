import Foundation
import XCTest

/// The built `sitegen serve` on a free port over a copy of the valid test site, read line by line.
final class ServeProcess {
    let folder: URL
    let process = Process()
    let output = Pipe()
    private(set) var base = ""

    /// `fileLimit`: the process's limit on open files (`ulimit -n`), to run it out of descriptors.
    init(arguments: [String] = [], fileLimit: Int? = nil) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Fixture.path("valid-site/content"), toPath: folder.appendingPathComponent("content").path)
        let binary = Bundle(for: Self.self).bundleURL.appendingPathComponent("sitegen").path
        let serve = [binary, "serve", "--port", "0", "--content", folder.appendingPathComponent("content").path,
                     "--templates", Fixture.templates, "--output", folder.appendingPathComponent("public").path] + arguments
        if let fileLimit {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "ulimit -n \(fileLimit) && exec \"$@\"", "sh"] + serve
        } else {
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = Array(serve.dropFirst())
        }
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let first = try XCTUnwrap(readLine())
        let match = try XCTUnwrap(first.wholeMatch(of: #/Serving (http://127\.0\.0\.1:\d+/) \(Ctrl-C to stop\)/#))
        base = String(match.1)
        XCTAssertEqual(readLine().map(Self.withoutTime), "Built 13 pages in T; 51 files written.")
    }

    func stop() {
        if process.isRunning { process.terminate(); process.waitUntilExit() }
        try? FileManager.default.removeItem(at: folder)
    }

    /// A written file as `serve` answers it: with the live-reload script before `</body>`.
    func served(_ path: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent("public/" + path), encoding: .utf8)
            .replacingOccurrences(of: "</body>", with: "<script src=\"/__sitegen/live.js\"></script></body>")
    }

    static func withoutTime(_ line: String) -> String {
        line.replacingOccurrences(of: #"in \d+ ms"#, with: "in T", options: .regularExpression)
    }

    /// One line of the server's standard output, read byte by byte so nothing past it is lost.
    func readLine() -> String? {
        var bytes: [UInt8] = []
        while true {
            let byte = output.fileHandleForReading.readData(ofLength: 1)
            guard let first = byte.first else { return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self) }
            if first == UInt8(ascii: "\n") { return String(decoding: bytes, as: UTF8.self) }
            bytes.append(first)
        }
    }
}
