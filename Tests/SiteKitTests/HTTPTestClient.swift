import Foundation

/// A minimal HTTP/1.1 client over a POSIX socket, so tests send paths exactly as written
/// (`..`, `%2e%2e`) and can read a server-sent event stream as it arrives.
enum HTTP {
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: String
    }

    struct Failure: Error { var reason: String }

    static func get(_ url: String) throws -> Response {
        let connection = try Connection(url)
        try connection.send("GET \(connection.path) HTTP/1.1\r\nHost: \(connection.host)\r\nConnection: close\r\n\r\n")
        let (status, headers) = try connection.readHead()
        var body: [UInt8] = []
        if let length = headers["content-length"].flatMap(Int.init) {
            while body.count < length { body += try connection.read() }
        } else {
            while let chunk = try? connection.read(), !chunk.isEmpty { body += chunk }
        }
        return Response(status: status, headers: headers, body: String(decoding: body, as: UTF8.self))
    }

    /// The events of a `text/event-stream`, one block (up to a blank line) at a time.
    final class EventStream {
        let connection: Connection
        var buffer: [UInt8] = []

        init(_ url: String) throws {
            connection = try Connection(url)
            try connection.send("GET \(connection.path) HTTP/1.1\r\nHost: \(connection.host)\r\n\r\n")
            _ = try connection.readHead()
        }

        /// The next event block, without chunk framing, waiting up to 20 s.
        func next() throws -> String {
            while true {
                let text = String(decoding: buffer, as: UTF8.self)
                // Each event is one chunk: "<hex size>\r\n<event>\n\n\r\n".
                if let match = text.firstMatch(of: #/\A[0-9A-Fa-f]+\r\n((?s).*?)\n\n\r\n/#) {
                    buffer.removeFirst(text[..<match.range.upperBound].utf8.count)
                    return String(match.1)
                }
                let chunk = try connection.read()
                if chunk.isEmpty { throw Failure(reason: "event stream closed") }
                buffer += chunk
            }
        }
    }

    /// Unchecked: a test may send on one thread while it reads on another, which a socket allows;
    /// the buffered bytes are touched by the reading thread only.
    final class Connection: @unchecked Sendable {
        let host: String
        let path: String
        let socket: Int32
        var pending: [UInt8] = []

        init(_ url: String) throws {
            guard let match = url.wholeMatch(of: #/http://([0-9.]+):(\d+)(/.*)/#), let port = UInt16(match.2) else {
                throw Failure(reason: "not a loopback URL: \(url)")
            }
            host = "\(match.1):\(match.2)"
            path = String(match.3)
            socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var timeout = timeval(tv_sec: 20, tv_usec: 0)
            setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = port.bigEndian
            inet_pton(AF_INET, String(match.1), &address.sin_addr)
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard connected == 0 else { close(socket); throw Failure(reason: "cannot connect to \(url)") }
        }

        deinit { close(socket) }

        func send(_ text: String) throws {
            guard send(bytes: Array(text.utf8)) else { throw Failure(reason: "send failed") }
        }

        /// Sends all of `bytes`; false once the server has closed the connection.
        @discardableResult
        func send(bytes: [UInt8]) -> Bool {
            var sent = 0
            while sent < bytes.count {
                let count = bytes.withUnsafeBytes { Foundation.send(socket, $0.baseAddress! + sent, $0.count - sent, Int32(MSG_NOSIGNAL)) }
                guard count > 0 else { return false }
                sent += count
            }
            return true
        }

        /// One whole response whose body has a `Content-Length`, read as far as its end only.
        func readResponse() throws -> Response {
            let (status, headers) = try readHead()
            let length = headers["content-length"].flatMap(Int.init) ?? 0
            var body = pending
            pending = []
            while body.count < length {
                let chunk = try read()
                if chunk.isEmpty { throw Failure(reason: "closed inside the body") }
                body += chunk
            }
            pending = Array(body[length...])
            return Response(status: status, headers: headers, body: String(decoding: body[..<length], as: UTF8.self))
        }

        /// Waits for the server to close the connection; what arrived meanwhile.
        func readToEnd() throws -> [UInt8] {
            var bytes: [UInt8] = []
            while case let chunk = try read(), !chunk.isEmpty { bytes += chunk }
            return bytes
        }

        /// Bytes as they arrive; empty when the peer closed.
        func read() throws -> [UInt8] {
            if !pending.isEmpty { defer { pending = [] }; return pending }
            var buffer = [UInt8](repeating: 0, count: 65536)
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count < 0 && errno == ECONNRESET { return [] }
            guard count >= 0 else { throw Failure(reason: "timed out reading") }
            return Array(buffer[..<count])
        }

        /// Status and lower-cased headers; what follows them stays for `read`.
        func readHead() throws -> (Int, [String: String]) {
            var data: [UInt8] = []
            swap(&data, &pending)
            let end = Array("\r\n\r\n".utf8)
            while true {
                if let at = data.indices.first(where: { data[$0...].starts(with: end) }) {
                    pending = Array(data[(at + 4)...])
                    let lines = String(decoding: data[..<at], as: UTF8.self).components(separatedBy: "\r\n")
                    let status = Int(lines[0].split(separator: " ")[1]) ?? 0
                    var headers: [String: String] = [:]
                    for line in lines.dropFirst() {
                        guard let colon = line.firstIndex(of: ":") else { continue }
                        headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                    }
                    return (status, headers)
                }
                let chunk = try read()
                if chunk.isEmpty { throw Failure(reason: "closed before the headers ended") }
                data += chunk
            }
        }
    }
}
