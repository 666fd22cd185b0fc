// Built by `scripts/fuzz` with `-sanitize=fuzzer`, `main` hands over to libFuzzer's driver, which
// calls `LLVMFuzzerTestOneInput` with the target named by SITEGEN_FUZZ_TARGET. (SwiftPM links its
// own `main`, so libFuzzer's is not used; the entry point must exist all the same.) A plain
// `swift build` builds this too, without libFuzzer, as a program that only says how to run it.
#if SITEGEN_FUZZING
import Glibc

private let target: FuzzTarget = {
    let name = getenv("SITEGEN_FUZZ_TARGET").map { String(cString: $0) } ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
        fatalError("set SITEGEN_FUZZ_TARGET to one of: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    return target
}()

/// A broken property is a bug, so it stops the process where libFuzzer reports it as a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let broken = target.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    if !broken.isEmpty { fatalError("fuzz property broken: \(broken.joined(separator: "; "))") }
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<Int32>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32

@main
struct FuzzEntry {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runFuzzerDriver(&argc, &argv, fuzzOne))
    }
}
#else
@main
struct FuzzEntry {
    static func main() {
        print("sitegen-fuzz runs only as built by scripts/fuzz (libFuzzer).")
    }
}
#endif
