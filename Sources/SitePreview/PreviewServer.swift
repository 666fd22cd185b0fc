import FlyingFox
import FlyingSocks
import Foundation
import SiteKit

/// `sitegen serve`: builds the site, serves it over HTTP, watches the content and templates,
/// rebuilds on every change and tells open pages to reload (or to show the build's errors).
public final class PreviewServer: Sendable {
    public struct Settings: Sendable {
        public var build: SiteBuilder.Options
        public var host: String
        public var port: UInt16
        public var pollInterval: Duration
        public init(build: SiteBuilder.Options, host: String = "127.0.0.1", port: UInt16 = 8000, pollInterval: Duration = .milliseconds(200)) {
            self.build = build
            self.host = host
            self.port = port
            self.pollInterval = pollInterval
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

        let address = try sockaddr_in.inet(ip4: settings.host, port: settings.port)
        let server = HTTPServer(config: .init(address: address, logger: .disabled), handler: ClosureHTTPHandler { [self] request in
            await respond(to: request)
        })
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            try await server.waitUntilListening()
            var port = settings.port
            if case .ip4(_, let bound) = await server.listeningAddress { port = bound }
            events.listening("http://\(settings.host):\(port)/")
            events.built(first, [])
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
                try await group.next()
            } catch {
                await hub.finish()
                await server.stop(timeout: 1)
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

    func respond(to request: HTTPRequest) async -> HTTPResponse {
        let path = request.target.path()
        switch path {
        case "/__sitegen/events":
            let body = HTTPBodySequence(from: EventStreamBody(messages: await hub.subscribe()))
            return HTTPResponse(statusCode: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-store"], body: body)
        case "/__sitegen/live.js":
            return HTTPResponse(statusCode: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "no-store"],
                                body: Data(LiveReloadScript.source.utf8))
        default:
            guard request.method == .GET || request.method == .HEAD else {
                return HTTPResponse(statusCode: .methodNotAllowed, headers: [.contentType: "text/plain; charset=utf-8"], body: Data("Method not allowed\n".utf8))
            }
            let reply = await served.reply(to: path)
            var headers: HTTPHeaders = [.contentType: reply.contentType, .cacheControl: "no-store"]
            if let location = reply.location { headers[.location] = location }
            return HTTPResponse(statusCode: Self.status(reply.status), headers: headers,
                                body: request.method == .HEAD ? Data() : Data(reply.body))
        }
    }

    static func status(_ code: Int) -> HTTPStatusCode {
        switch code {
        case 200: return .ok
        case 301: return .movedPermanently
        case 403: return .forbidden
        case 503: return .serviceUnavailable
        default: return .notFound
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
