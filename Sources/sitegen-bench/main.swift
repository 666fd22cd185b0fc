import Foundation
import SiteKit

// sitegen-bench pathological        timings of the costly steps on pathological inputs
// sitegen-bench scale N [N …]       synthetic corpus of N sources: sitegen vs Hugo vs the cmark floor
// sitegen-bench search N [N …]      synthetic corpus of N sources: bytes fetched per query, index build time
// sitegen-bench edit [N]            serve's edit-to-written-pages time, real content and N sources
// sitegen-bench serve               serve under hostile and heavy loopback clients
// sitegen-bench floor IN OUT        (used by scale) the cmark floor on one folder
// sitegen-bench measure PROGRAM …   (used by scale) a program's time and peak memory
let arguments = Array(CommandLine.arguments.dropFirst())
let binFolder = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent().path

switch arguments.first {
case "pathological":
    pathologicalBenchmark()
case "scale":
    scaleBenchmark(sizes: arguments.dropFirst().compactMap { Int($0) }, binFolder: binFolder)
case "search":
    searchBenchmark(sizes: arguments.dropFirst().compactMap { Int($0) }, binFolder: binFolder)
case "edit":
    editBenchmark(syntheticSources: arguments.dropFirst().first.flatMap { Int($0) } ?? 1_000)
case "serve":
    serveLoadBenchmark(binFolder: binFolder)
case "measure" where arguments.count >= 2:
    ChildRun.measure(Array(arguments.dropFirst()))
case "floor" where arguments.count == 3:
    cmarkFloor(input: arguments[1], output: arguments[2])
default:
    print("usage: sitegen-bench pathological | scale N [N …] | search N [N …] | edit [N] | serve")
    exit(64)
}
