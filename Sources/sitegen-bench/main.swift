import Foundation
import SiteKit

// sitegen-bench pathological        timings of the costly steps on pathological inputs
// sitegen-bench scale [--before SITEGEN] [--rounds R] N [N …]
//                                   synthetic corpus of N sources: sitegen vs a baseline sitegen
//                                   binary vs Hugo vs the cmark floor, side by side
// sitegen-bench search N [N …]      synthetic corpus of N sources: bytes fetched per query, index build time
// sitegen-bench edit [N]            serve's edit-to-written-pages time, real content and N sources
// sitegen-bench serve               serve under hostile and heavy loopback clients
// sitegen-bench floor CONTENT PAGES OUT
//                                   (used by scale) the cmark floor on one content folder
// sitegen-bench measure PROGRAM …   (used by scale) a program's time and peak memory
let arguments = Array(CommandLine.arguments.dropFirst())
let binFolder = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent().path

switch arguments.first {
case "pathological":
    pathologicalBenchmark()
case "scale":
    var sizes = Array(arguments.dropFirst()), before: String?, rounds = 5
    while sizes.count >= 2, ["--before", "--rounds"].contains(sizes[0]) {
        if sizes[0] == "--before" { before = URL(fileURLWithPath: sizes[1]).path } else { rounds = max(Int(sizes[1]) ?? rounds, 1) }
        sizes.removeFirst(2)
    }
    scaleBenchmark(sizes: sizes.compactMap { Int($0) }, binFolder: binFolder, before: before, rounds: rounds)
case "search":
    searchBenchmark(sizes: arguments.dropFirst().compactMap { Int($0) }, binFolder: binFolder)
case "edit":
    editBenchmark(syntheticSources: arguments.dropFirst().first.flatMap { Int($0) } ?? 1_000)
case "serve":
    serveLoadBenchmark(binFolder: binFolder)
case "measure" where arguments.count >= 2:
    ChildRun.measure(Array(arguments.dropFirst()))
case "floor" where arguments.count == 4:
    cmarkFloor(content: arguments[1], pageList: arguments[2], output: arguments[3])
default:
    print("usage: sitegen-bench pathological | scale [--before SITEGEN] [--rounds R] N [N …] | search N [N …] | edit [N] | serve")
    exit(64)
}
