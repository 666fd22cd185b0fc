import HTTPTypes
import HummingbirdCore
import Logging
import NIOCore
import NIOPosix
import SiteKit

/// `sitegen serve`: builds the site, serves it over HTTP, watches the content and templates,
/// rebuilds on every change and tells open pages to reload (or to show the build's errors).
public final class PreviewServer: Sendable {
    public struct Settings: Sendable {
        public var build: SiteBuilder.Options
        public var host: String
        public var port: UInt16
        public var pollInterval: Duration
        public var limits: ServerLimits
        public init(build: SiteBuilder.Options, host: String = "127.0.0.1", port: UInt16 = 8000, pollInterval: Duration = .milliseconds(200),
                    limits: ServerLimits = ServerLimits()) {
            self.build = build
            self.host = host
            self.port = port
            self.pollInterval = pollInterval
            self.limits = limits
        }
    }

    /// What the command prints: the URL once listening, then each build's report with the files
    /// whose change started it (none for the first build).
    public struct Events: Sendable {
        public var listening: @Sendable (String) -> Void
        public var built: @Sendable (PreviewBuilder.Report, [String]) -> Void
        public init(listening: @escaping @Sendable (String) -> Void, built: @escaping @Sendable (PreviewBuilder.Report, [String]) -> Void) {
            self.listening = listening
            self.built = built
        }
    }

    let settings: Settings
    let events: Events
    let builder: PreviewBuilder
    let served = ServedSite()
    let hub = LiveReloadHub()

    public init(settings: Settings, events: Events) {
        self.settings = settings
        self.events = events
        builder = PreviewBuilder(options: settings.build)
    }

    /// Runs until the task is cancelled (Ctrl-C), then closes every connection and returns.
    public func run() async throws {
        let watcher = FolderWatcher(folders: [settings.build.content, settings.build.templates])
        let initialStamps = watcher.snapshot()
        let first = builder.rebuild()
        await publish(first)

        let channel = PreviewHTTPChannel(limits: settings.limits) { [self] request, writer, _ in
            try await respond(to: request, writer: writer)
        }
        var logger = Logger(label: "sitegen.serve")
        logger.logLevel = .critical
        let configuration = ServerConfiguration(address: .hostname(settings.host, port: Int(settings.port)),
                                                availableConnectionsDelegate: MaximumAvailableConnections(settings.limits.connections))
        let server = Server(childChannelSetup: channel, configuration: configuration,
                            onServerRunning: { [self] listening in
                                events.listening("http://\(settings.host):\(listening.localAddress?.port ?? Int(settings.port))/")
                                events.built(first, [])
                            },
                            eventLoopGroup: MultiThreadedEventLoopGroup.singleton, logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            group.addTask { [self] in
                var stamps = initialStamps
                while !Task.isCancelled {
                    try await Task.sleep(for: settings.pollInterval)
                    let now = watcher.snapshot()
                    let changed = FolderWatcher.changes(from: stamps, to: now)
                    guard !changed.isEmpty else { continue }
                    stamps = now
                    let report = builder.rebuild()
                    await publish(report)
                    events.built(report, changed)
                }
            }
            do {
                // The server returns once cancelled; it throws when it cannot listen.
                try await group.next()
                await hub.finish()
                group.cancelAll()
            } catch {
                await hub.finish()
                group.cancelAll()
                if !(error is CancellationError) && !Task.isCancelled { throw error }
            }
        }
    }

    private func publish(_ report: PreviewBuilder.Report) async {
        if report.succeeded {
            await served.replace(builder.files)
            await hub.buildSucceeded()
        } else {
            await hub.buildFailed(diagnosticsJSON: DiagnosticJSON.encode(report.diagnostics))
        }
    }

    /// One response, its head and body handed to the connection in one write; a HEAD request
    /// gets the same head as a GET, `Content-Length` included, and no body.
    func respond(to request: Request, writer: consuming ResponseWriter) async throws {
        guard request.method == .get || request.method == .head else {
            let reply = StaticResponder.Reply(status: 405, contentType: "text/plain; charset=utf-8", body: Array("Method not allowed\n".utf8))
            return try await write(reply, extra: [.allow: "GET, HEAD"], bodyless: false, to: writer)
        }
        let path = String((request.head.path ?? "").prefix { $0 != "?" })
        switch path {
        case "/__sitegen/events":
            var body = try await writer.writeHead(HTTPResponse(status: .ok, headerFields: [.contentType: "text/event-stream", .cacheControl: "no-store"]))
            if request.method == .get {
                for await message in await hub.subscribe() { try await body.write(ByteBuffer(bytes: message)) }
            }
            try await body.finish(nil)
        case "/__sitegen/live.js":
            let reply = StaticResponder.Reply(status: 200, contentType: "text/javascript; charset=utf-8", body: Array(LiveReloadScript.source.utf8))
            try await write(reply, bodyless: request.method == .head, to: writer)
        default:
            try await write(await served.reply(to: path), bodyless: request.method == .head, to: writer)
        }
    }

    private func write(_ reply: StaticResponder.Reply, extra: HTTPFields = [:], bodyless: Bool, to writer: consuming ResponseWriter) async throws {
        var fields: HTTPFields = [.contentType: reply.contentType, .cacheControl: "no-store", .contentLength: String(reply.body.count)]
        if let location = reply.location { fields[.location] = location }
        fields.append(contentsOf: extra)
        let head = HTTPResponse(status: .init(code: reply.status), headerFields: fields)
        if bodyless {
            try await writer.writeResponse(head)
        } else {
            try await writer.write(response: head, body: ResponseBody(byteBuffer: ByteBuffer(bytes: reply.body)))
        }
    }
}

/// The last good build as served; before any build succeeded, every page is a placeholder that
/// carries the live-reload script, so the browser shows the errors and reloads once fixed.
actor ServedSite {
    private var responder: StaticResponder?

    func replace(_ files: [String: [UInt8]]) { responder = StaticResponder(files: files) }

    func reply(to path: String) -> StaticResponder.Reply {
        if let responder { return responder.reply(to: path) }
        let page = "<!doctype html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>Build failed</title></head>\n<body>\n"
            + "<p>The site has not built yet; the errors are in the terminal and below.</p>\n" + StaticResponder.liveReloadTag + "\n</body>\n</html>\n"
        return StaticResponder.Reply(status: 503, contentType: "text/html; charset=utf-8", body: Array(page.utf8))
    }
}
