import ArgumentParser
import Dispatch
import Foundation
import SitePreview
import SiteKit

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build, serve on loopback, rebuild on every change under content/ and templates/, and reload open pages.",
        discussion: "The first line printed is the URL. Pages get a live-reload script only as served; the output folder holds exactly what 'sitegen build' writes. Ctrl-C stops the server.")

    @OptionGroup var folders: FolderOptions

    @Option(help: "Folder the site is written to; only files that changed are rewritten.")
    var output = "public"

    @Flag(help: "Replace the output folder even if it holds files sitegen did not write.")
    var force = false

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on; 0 picks a free one.")
    var port: UInt16 = 8000

    @Option(help: "Seconds a client may take to send a whole request; one still sending its head then gets 408.")
    var requestTimeout = 10.0

    @Option(help: "Seconds an open connection may wait for its next request before it is closed.")
    var idleTimeout = 60.0

    func validate() throws {
        for (name, seconds) in [("--request-timeout", requestTimeout), ("--idle-timeout", idleTimeout)] where !(seconds > 0 && seconds <= 86_400) {
            throw ValidationError("\(name) takes a number of seconds above 0 and at most 86400.")
        }
    }

    func run() async throws {
        AllocatorTuning.apply()
        var options = SiteBuilder.Options(content: folders.content, templates: folders.templates, output: output, baseURL: folders.baseURL)
        options.strict = folders.strict
        options.force = force
        var limits = ServerLimits()
        limits.requestTimeout = .milliseconds(Int(requestTimeout * 1000))
        limits.idleTimeout = .milliseconds(Int(idleTimeout * 1000))
        let server = PreviewServer(settings: .init(build: options, host: host, port: port, limits: limits), events: .init(
            listening: { url in Report.line("Serving \(url) (Ctrl-C to stop)") },
            built: { report, changed in Serve.log(report, changed: changed) }))
        let serving = Task { try await server.run() }
        // Ctrl-C and `kill` end the server cleanly: connections closed, the output folder whole.
        var stops: [DispatchSourceSignal] = []
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { serving.cancel() }
            source.resume()
            stops.append(source)
        }
        do {
            try await serving.value
        } catch {
            Report.line("sitegen: cannot serve on \(host):\(port): \(error)", toError: true)
            throw ExitCode.failure
        }
        Report.line("Stopped.")
        _ = stops
    }

    static func log(_ report: PreviewBuilder.Report, changed: [String]) {
        Report.diagnostics(report.diagnostics)
        let cause = changed.isEmpty ? "Built" : "\(changed.joined(separator: ", ")) changed: rebuilt"
        let time = String(format: "%.0f ms", report.seconds * 1000)
        if report.succeeded {
            var written = Report.plural(report.written.count, "file") + " written"
            if !report.removed.isEmpty { written += ", \(report.removed.count) removed" }
            let pages = report.rendered.count(where: { $0.hasSuffix(".html") })
            let rendered = changed.isEmpty ? "\(report.pages) pages" : "\(pages) of \(report.pages) pages"
            Report.line("\(cause) \(rendered) in \(time); \(written)\(Report.warnings(report.diagnostics)).")
        } else {
            let errors = report.diagnostics.filter { $0.severity == .error }.count
            Report.line("\(cause): \(Report.plural(errors, "error")) in \(time); still serving the last good build.")
        }
    }
}
