import Foundation
import SiteKit

/// Builds the site for `serve` and keeps the output folder in step with the last good build.
/// Each build writes only the files whose bytes differ from those in the folder and removes the
/// ones no longer built (see `StagedOutput`), so the folder always equals what a full
/// `sitegen build` writes. A failed build changes nothing: the last good site stays written and
/// served.
public final class PreviewBuilder: @unchecked Sendable {
    public struct Report: Sendable {
        public var diagnostics: [Diagnostic]
        public var succeeded: Bool
        public var pages: Int
        /// Pages rendered again; the others were unchanged and taken from the last build.
        public var rendered: [String]
        public var written: [String]
        public var removed: [String]
        public var seconds: Double
    }

    let options: SiteBuilder.Options
    /// The last good build, by path; empty until a build succeeds.
    public private(set) var files: [String: [UInt8]] = [:]
    /// The pages of the last good build with what each was rendered from.
    private var cache = RenderCache()

    public init(options: SiteBuilder.Options) {
        self.options = options
    }

    public func rebuild() -> Report {
        let started = DispatchTime.now().uptimeNanoseconds
        var outcome = SiteBuilder(options: options).run(reusing: cache)
        var written: [String] = [], removed: [String] = []
        if !outcome.hasErrors {
            do {
                let changes = try SiteWriter.write(outcome.files, to: options.output, protecting: options.inputFolders,
                                                   force: options.force)
                (written, removed) = (changes.written, changes.removed)
                files = Dictionary(uniqueKeysWithValues: outcome.files.map { ($0.path, $0.bytes) })
                cache = outcome.cache
            } catch {
                outcome.diagnostics.append(SiteBuilder.outputDiagnostic(error, output: options.output))
            }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        return Report(diagnostics: outcome.diagnostics, succeeded: !outcome.hasErrors,
                      pages: outcome.summary?.pages ?? 0, rendered: outcome.rendered,
                      written: written, removed: removed, seconds: seconds)
    }
}
