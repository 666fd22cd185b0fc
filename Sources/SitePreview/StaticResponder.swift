/// Answers a request path from the built site's files, held in memory. Only names the build
/// produced can be answered, so nothing outside the output folder is ever served; paths that try
/// to climb out (`..`, also percent-encoded, absolute or backslashed) are refused with 403.
public struct StaticResponder: Sendable {
    public struct Reply: Equatable, Sendable {
        public var status: Int
        public var contentType: String
        public var body: [UInt8]
        /// For redirects: where to.
        public var location: String?
    }

    /// Injected into every HTML page served, never into the written files.
    public static let liveReloadTag = "<script src=\"/__sitegen/live.js\"></script>"

    let files: [String: [UInt8]]

    public init(files: [String: [UInt8]]) {
        self.files = files
    }

    /// `rawPath` is the request target's path as sent, still percent-encoded, without the query.
    public func reply(to rawPath: String) -> Reply {
        guard let segments = Self.segments(of: rawPath) else {
            return Reply(status: 403, contentType: "text/plain; charset=utf-8", body: Array("Forbidden\n".utf8))
        }
        let joined = segments.joined(separator: "/")
        if let file = files[joined], !joined.isEmpty {
            return page(file, path: joined, status: 200)
        }
        let index = joined.isEmpty ? "index.html" : joined + "/index.html"
        if files[index] != nil {
            // A folder without its slash: relative links inside would resolve one level too high.
            if !joined.isEmpty && !rawPath.hasSuffix("/") {
                return Reply(status: 301, contentType: "text/plain; charset=utf-8", body: [], location: "/" + joined + "/")
            }
            return page(files[index]!, path: index, status: 200)
        }
        if let notFound = files["404.html"] {
            return page(notFound, path: "404.html", status: 404)
        }
        return Reply(status: 404, contentType: "text/plain; charset=utf-8", body: Array("Not found\n".utf8))
    }

    private func page(_ bytes: [UInt8], path: String, status: Int) -> Reply {
        let type = Self.contentType(of: path)
        let body = type.hasPrefix("text/html") ? Self.injectingLiveReload(into: bytes) : bytes
        return Reply(status: status, contentType: type, body: body)
    }

    /// The decoded path segments, or nil when the path is not one a site file can have.
    static func segments(of rawPath: String) -> [String]? {
        guard rawPath.hasPrefix("/"), let decoded = percentDecoded(rawPath) else { return nil }
        var segments = decoded.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init)
        // A trailing slash names a folder; an empty segment anywhere else (`//etc/passwd`) names nothing.
        if segments.last == "" { segments.removeLast() }
        for segment in segments where segment.isEmpty || segment == "." || segment == ".." || segment.contains("\\") || segment.contains("\0") {
            return nil
        }
        return segments
    }

    static func percentDecoded(_ text: String) -> String? {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else { bytes.append(byte); continue }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return nil }
            bytes.append(high << 4 | low)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    static func injectingLiveReload(into page: [UInt8]) -> [UInt8] {
        let closing = Array("</body>".utf8)
        guard let at = lastIndex(of: closing, in: page) else { return page + Array(liveReloadTag.utf8) }
        return Array(page[..<at]) + Array(liveReloadTag.utf8) + Array(page[at...])
    }

    private static func lastIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        return stride(from: haystack.count - needle.count, through: 0, by: -1).first { start in
            haystack[start..<(start + needle.count)].elementsEqual(needle)
        }
    }

    public static func contentType(of path: String) -> String {
        let ext = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
        switch ext {
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "json": return "application/json"
        case "jsonld": return "application/ld+json"
        case "bib": return "application/x-bibtex; charset=utf-8"
        case "ris": return "application/x-research-info-systems; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "xml": return "application/xml"
        case "txt": return "text/plain; charset=utf-8"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "webp": return "image/webp"
        case "woff2": return "font/woff2"
        case "ico": return "image/x-icon"
        default: return "application/octet-stream"
        }
    }
}
