import Foundation

/// Runs a program to its end and reports its wall time, CPU time (user and system) and peak
/// resident memory (from the kernel's accounting of that child, via `wait4`), with its output
/// discarded.
///
/// Each program is started by a fresh `sitegen-bench measure` process, not by this one: a child
/// made with `posix_spawn` shares its parent's memory until it runs its program, and Linux then
/// counts the parent's peak as the child's: this process, which writes the synthetic corpus,
/// would give every tool its own peak. The `measure` process stays small, below every tool
/// measured.
struct ChildRun {
    var seconds: Double
    var cpuSeconds: Double
    var peakRSSMiB: Double
    var status: Int32

    static func run(_ arguments: [String]) -> ChildRun {
        var pipe: [Int32] = [0, 0]
        guard Glibc.pipe(&pipe) == 0 else { return failed }
        let report = spawn(["/proc/self/exe", "measure"] + arguments, output: pipe[1])
        close(pipe[1])
        var text: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 256)
        while case let count = read(pipe[0], &buffer, buffer.count), count > 0 { text += buffer[..<count] }
        close(pipe[0])
        let fields = String(decoding: text, as: UTF8.self).split(separator: " ").compactMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        guard report.status == 0, fields.count == 4 else { return failed }
        return ChildRun(seconds: fields[0], cpuSeconds: fields[1], peakRSSMiB: fields[2], status: Int32(fields[3]))
    }

    /// What a program prints, trimmed, or nil if it cannot be run or fails. Not for measuring.
    static func output(_ arguments: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static let failed = ChildRun(seconds: 0, cpuSeconds: 0, peakRSSMiB: 0, status: -1)

    /// What `sitegen-bench measure PROGRAM ARGUMENTS` does: runs the program and prints its wall
    /// time, CPU time, peak memory in MiB and exit status.
    static func measure(_ arguments: [String]) {
        let run = spawn(arguments, output: nil)
        print(run.seconds, run.cpuSeconds, run.peakRSSMiB, run.status)
    }

    /// Runs a program, its output to `output` or discarded.
    private static func spawn(_ arguments: [String], output: Int32?) -> ChildRun {
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if let output {
            posix_spawn_file_actions_adddup2(&actions, output, 1)
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let started = DispatchTime.now().uptimeNanoseconds
        guard posix_spawnp(&pid, arguments[0], &actions, nil, argv, environ) == 0 else { return failed }
        var status: Int32 = 0
        var usage = rusage()
        wait4(pid, &status, 0, &usage)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        let cpu = [usage.ru_utime, usage.ru_stime].reduce(0) { $0 + Double($1.tv_sec) + Double($1.tv_usec) / 1e6 }
        return ChildRun(seconds: seconds, cpuSeconds: cpu, peakRSSMiB: Double(usage.ru_maxrss) / 1024, status: (status >> 8) & 0xff)
    }
}
