import Foundation

/// A blocking HTTP/1.1 client socket to the preview server on 127.0.0.1, just enough to time
/// requests and to play the hostile clients of `sitegen-bench serve`. Unchecked Sendable: each
/// client is handed to one thread, which alone uses it.
final class LoopbackClient: @unchecked Sendable {
    private let socket: Int32
    private var received: [UInt8] = []

    init?(port: UInt16, readTimeout seconds: Int = 20) {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var timeout = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var one: Int32 = 1
        setsockopt(socket, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7f00_0001).bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { Glibc.close(socket); return nil }
    }

    deinit { Glibc.close(socket) }

    /// False once the server closed the connection.
    @discardableResult
    func send(_ bytes: [UInt8]) -> Bool {
        var sent = 0
        while sent < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.send(socket, $0.baseAddress! + sent, $0.count - sent, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { return false }
            sent += count
        }
        return true
    }

    @discardableResult
    func send(_ text: String) -> Bool { send(Array(text.utf8)) }

    /// The status of the next whole response (head and `Content-Length` body), or nil when the
    /// connection closed or timed out first.
    func readResponse() -> Int? {
        while true {
            if let end = headEnd() {
                let head = String(decoding: received[..<end], as: UTF8.self).lowercased()
                let length = head.firstMatch(of: #/\r\ncontent-length: *(\d+)/#).flatMap { Int($0.1) } ?? 0
                while received.count < end + 4 + length { guard fill() else { return nil } }
                received.removeFirst(end + 4 + length)
                return Int(head.split(separator: " ").dropFirst().first ?? "")
            }
            guard fill() else { return nil }
        }
    }

    /// Waits for the next occurrence of `marker` in what the server sends (for event streams).
    func wait(for marker: String) -> Bool {
        let needle = Array(marker.utf8)
        while true {
            if let at = received.indices.first(where: { received[$0...].starts(with: needle) }) {
                received.removeFirst(at + needle.count)
                return true
            }
            guard fill() else { return false }
        }
    }

    private func headEnd() -> Int? {
        guard received.count >= 4 else { return nil }
        return (0...(received.count - 4)).first { received[$0] == 13 && received[$0 + 1] == 10 && received[$0 + 2] == 13 && received[$0 + 3] == 10 }
    }

    private func fill() -> Bool {
        var buffer = [UInt8](repeating: 0, count: 65536)
        let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return false }
        received += buffer[..<count]
        return true
    }
}
