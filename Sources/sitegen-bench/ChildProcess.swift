import Foundation

/// Runs a program to its end and reports its wall time, CPU time (user and system) and peak
/// resident memory (from the kernel's accounting of that child, via `wait4`), with its output
/// discarded.
struct ChildRun {
    var seconds: Double
    var cpuSeconds: Double
    var peakRSSMiB: Double
    var status: Int32

    static func run(_ arguments: [String]) -> ChildRun {
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let started = DispatchTime.now().uptimeNanoseconds
        guard posix_spawnp(&pid, arguments[0], &actions, nil, argv, environ) == 0 else {
            return ChildRun(seconds: 0, cpuSeconds: 0, peakRSSMiB: 0, status: -1)
        }
        var status: Int32 = 0
        var usage = rusage()
        wait4(pid, &status, 0, &usage)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        let cpu = [usage.ru_utime, usage.ru_stime].reduce(0) { $0 + Double($1.tv_sec) + Double($1.tv_usec) / 1e6 }
        return ChildRun(seconds: seconds, cpuSeconds: cpu, peakRSSMiB: Double(usage.ru_maxrss) / 1024, status: (status >> 8) & 0xff)
    }
}
