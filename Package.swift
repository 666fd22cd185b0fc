// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "sitegen",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "sitegen", targets: ["sitegen"]),
        .library(name: "SiteKit", targets: ["SiteKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // Only for the tests, which render every page with it too and compare.
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // The preview server: Hummingbird on SwiftNIO, for its bounded HTTP parsing, timeouts and
        // accept back-off (see README, "Preview server").
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // libcmark from Debian's libcmark-dev (0.30.2), the CommonMark reference parser.
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // The Snowball stemmers from Debian's libstemmer-dev: the search index's English stems.
        .systemLibrary(
            name: "CStemmer",
            providers: [.apt(["libstemmer-dev"])]
        ),
        // mimalloc.h from Debian's libmimalloc-dev, for `sitegen` to set an option of the allocator.
        .systemLibrary(name: "CMimalloc"),
        // renameat2(RENAME_EXCHANGE), which Swift's Glibc module does not declare: the output
        // folder's commit swaps the new site with the old one in one step.
        .target(name: "CFolderExchange"),
        .target(
            name: "SiteKit",
            dependencies: [
                "CCmark",
                "CFolderExchange",
                "CStemmer",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // `sitegen serve`: watches content and templates, rebuilds, serves and live-reloads.
        .target(
            name: "SitePreview",
            dependencies: [
                "SiteKit",
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "sitegen",
            dependencies: [
                "SiteKit",
                "SitePreview",
                .target(name: "CMimalloc", condition: .when(platforms: [.linux])),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // mimalloc from Debian's libmimalloc-dev replaces malloc for the whole process: glibc's
            // malloc spends much of a large build's time growing the heap (docs/benchmarks.md).
            linkerSettings: [.linkedLibrary("mimalloc", .when(platforms: [.linux]))]
        ),
        // Benchmarks (scripts/bench): pathological inputs; the synthetic corpus against Hugo and
        // the cmark floor; the edit-to-page time of `serve`. Run with -c release.
        .executableTarget(
            name: "sitegen-bench",
            dependencies: ["SiteKit", "SitePreview", "CCmark"]
        ),
        // libFuzzer harness over the parsers; scripts/fuzz builds it with -sanitize=fuzzer. The
        // tests replay the kept corpus through its targets.
        .executableTarget(
            name: "sitegen-fuzz",
            dependencies: ["SiteKit"]
        ),
        .testTarget(
            name: "SiteKitTests",
            dependencies: [
                "SiteKit",
                "SitePreview",
                "sitegen-fuzz",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
