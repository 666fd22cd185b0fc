import ArgumentParser
import Foundation
import SiteKit

@main
struct Sitegen: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sitegen",
        abstract: "Builds the annotated reader: source texts, annotations, actors, timeline and glossary as a static site.",
        subcommands: [Build.self, Check.self, Serve.self, New.self, Import.self])
}

/// Folder options shared by every command.
struct FolderOptions: ParsableArguments {
    @Option(help: "Folder with the content a reviewer edits.")
    var content = "content"

    @Option(help: "Folder with the Mustache templates and assets.")
    var templates = "templates"

    @Option(help: "Absolute URL the site will be served from; enables canonical links and sitemap.xml.")
    var baseURL: String?

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    func validate() throws {
        if let baseURL, let problem = BaseURL.problem(baseURL) {
            throw ValidationError("--base-url \(problem)")
        }
    }
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build the site into the output folder.")

    @OptionGroup var folders: FolderOptions

    @Option(help: "Folder the site is written to; replaced in one step, only when the build succeeds.")
    var output = "public"

    @Flag(help: "Replace the output folder even if it holds files sitegen did not write.")
    var force = false

    func run() throws {
        AllocatorTuning.apply()
        let started = Date()
        var options = SiteBuilder.Options(content: folders.content, templates: folders.templates, output: output, baseURL: folders.baseURL)
        options.strict = folders.strict
        options.force = force
        let outcome = SiteBuilder(options: options).build()
        Report.diagnostics(outcome.diagnostics)
        guard !outcome.hasErrors, let summary = outcome.summary, let changes = outcome.changes else {
            Report.failure(outcome.diagnostics)
            throw ExitCode.failure
        }
        Report.line("Built \(summary.pages) pages (\(Report.counts(summary))\(Report.warnings(outcome.diagnostics))) in \(Report.elapsed(since: started)); "
                    + "\(output)/: \(changes.written.count) files written, \(changes.removed.count) removed, \(changes.unchanged) unchanged.")
    }
}

enum DiagnosticFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check the content and templates as a build would, writing nothing.")

    @OptionGroup var folders: FolderOptions

    @Option(help: "How to print diagnostics: 'text' (compiler style) or 'json' (one document on standard output).")
    var format: DiagnosticFormat = .text

    func run() throws {
        AllocatorTuning.apply()
        let started = Date()
        var options = SiteBuilder.Options(content: folders.content, templates: folders.templates, baseURL: folders.baseURL)
        options.strict = folders.strict
        let outcome = SiteBuilder(options: options).run()
        if format == .json {
            Report.line(DiagnosticJSON.encode(outcome.diagnostics))
            if outcome.hasErrors { throw ExitCode.failure }
            return
        }
        Report.diagnostics(outcome.diagnostics)
        guard !outcome.hasErrors, let summary = outcome.summary else {
            Report.failure(outcome.diagnostics)
            throw ExitCode.failure
        }
        Report.line("Checked \(summary.pages) pages (\(Report.counts(summary))\(Report.warnings(outcome.diagnostics))) in \(Report.elapsed(since: started)); nothing written.")
    }
}

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a ready-to-edit content file.",
        subcommands: [NewAnnotation.self, NewActor.self, NewEvent.self, NewTerm.self])
}

struct NewAnnotation: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "annotation", abstract: "A new annotation, after checking that its quote anchors.")

    @Option(help: "Id of the source the quote is from.") var source: String
    @Option(help: "The exact words of the passage.") var quote: String
    @Option(help: "File name without .md (default: the quote's first words).") var name: String?
    @Option(help: "Content folder.") var content = "content"

    func run() throws {
        try New.write(Scaffold.annotation(source: source, quote: quote, name: name, content: content, fileSystem: DiskFileSystem()))
    }
}

/// `sitegen new actor|event|term ID`: a skeleton with every required key.
struct EntryArguments: ParsableArguments {
    @Argument(help: "The new id (file name without .md).") var id: String
    @Option(help: "Content folder.") var content = "content"
}

struct NewActor: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "actor", abstract: "A new actor.")
    @OptionGroup var entry: EntryArguments
    func run() throws { try New.write(Scaffold.entry(.actor, id: entry.id, content: entry.content, fileSystem: DiskFileSystem())) }
}

struct NewEvent: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "event", abstract: "A new timeline event.")
    @OptionGroup var entry: EntryArguments
    func run() throws { try New.write(Scaffold.entry(.event, id: entry.id, content: entry.content, fileSystem: DiskFileSystem())) }
}

struct NewTerm: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "term", abstract: "A new glossary term.")
    @OptionGroup var entry: EntryArguments
    func run() throws { try New.write(Scaffold.entry(.term, id: entry.id, content: entry.content, fileSystem: DiskFileSystem())) }
}



extension New {
    static func write(_ result: Result<OutputFile, Scaffold.Failure>) throws {
        switch result {
        case .failure(let failure):
            Report.diagnostics(failure.diagnostics)
            Report.line("Nothing written.")
            throw ExitCode.failure
        case .success(let file):
            try save(file)
            Report.line("Wrote \(file.path)")
        }
    }

    static func save(_ file: OutputFile) throws {
        let url = URL(fileURLWithPath: file.path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(file.bytes).write(to: url)
    }
}

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Bring annotations made with another tool into the content.",
                                                    subcommands: [ImportHypothesis.self])
}

struct ImportHypothesis: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hypothesis",
        abstract: "Annotation files from a Hypothesis API search response, each quote checked as 'new annotation' checks it.")

    @Argument(help: "The saved response of Hypothesis's search API ({\"total\", \"rows\"}).") var file: String
    @Option(help: "Id of the source the rows annotate.") var source: String
    @Option(help: "Content folder.") var content = "content"

    func run() throws {
        let outcome = HypothesisImport.run(export: file, source: source, content: content, fileSystem: DiskFileSystem())
        Report.diagnostics(outcome.diagnostics.sorted())
        for written in outcome.written { try New.save(written) }
        let failed = outcome.diagnostics.count
        Report.line("Imported from \(file): \(Report.plural(outcome.written.count, "file")) written, \(outcome.unchanged) unchanged"
                    + (failed > 0 ? "; \(Report.plural(failed, "error")), the rows named were not imported." : "."))
        if failed > 0 { throw ExitCode.failure }
    }
}

/// Everything the command prints, in one place: diagnostics on standard error, then one summary line.
enum Report {
    static func diagnostics(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { line(diagnostic.formatted, toError: true) }
    }

    static func failure(_ diagnostics: [Diagnostic]) {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        line("Build failed: \(plural(errors, "error"))\(warnings > 0 ? ", \(plural(warnings, "warning"))" : ""); nothing written.")
    }

    static func counts(_ s: SiteBuilder.Summary) -> String {
        [plural(s.sources, "source"), plural(s.annotations, "annotation"), plural(s.actors, "actor"),
         plural(s.events, "event"), plural(s.terms, "term")].joined(separator: ", ")
    }

    static func warnings(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.isEmpty ? "" : ", " + plural(diagnostics.count, "warning")
    }

    static func plural(_ n: Int, _ word: String) -> String { n == 1 ? "1 \(word)" : "\(n) \(word)s" }

    static func elapsed(since start: Date) -> String {
        String(format: "%.2f s", Date().timeIntervalSince(start))
    }

    static func line(_ text: String, toError: Bool = false) {
        if toError {
            FileHandle.standardError.write(Data((text + "\n").utf8))
        } else {
            FileHandle.standardOutput.write(Data((text + "\n").utf8))
        }
    }
}
