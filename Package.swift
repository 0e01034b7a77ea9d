// swift-tools-version:6.0
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny")
]

// How the release executables are linked on Linux, with `swift build -c release --static-swift-stdlib` (as
// scripts/release-build.sh builds them: the Swift runtime and Foundation inside the binary, so it runs where no
// Swift toolchain is installed, a Spark executor or a container, and starts without loading a dozen shared
// libraries). The binary exports only what it must (the static runtime would export every symbol); LLVM's lld
// packs its relative relocations (`-z pack-relative-relocs`, glibc 2.36 and later), so a start does not read
// megabytes of them; and the functions a short invocation runs are placed together (scripts/link/, made by
// scripts/gen-startup-order.sh), so a start maps a fraction of the code. Measured by scripts/bench/startup.sh.
// Debug builds, and so the tests, link as SwiftPM does by default.
let releaseLinking: [LinkerSetting] = [
    .unsafeFlags(
        [
            "-use-ld=lld", "-Xlinker", "--no-export-dynamic", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs",
            "-Xlinker", "--symbol-ordering-file=\(Context.packageDirectory)/scripts/link/startup-order.txt",
            "-Xlinker", "--no-warn-symbol-ordering",
        ], .when(platforms: [.linux], configuration: .release))
]

let package = Package(
    name: "NewsEvents",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "newsevents", targets: ["newsevents"]),
        .executable(name: "newsevents-bench", targets: ["NewsBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // The libxml2 system library. Only LibXML imports it.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // zlib, for gzip-compressed inputs.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // ISA-L's inflate, for WARC files (gzip per record): about twice zlib's speed. No pkg-config file.
        .systemLibrary(name: "CISAL", providers: [.apt(["libisal-dev"])]),
        // Reading inputs: local files, standard input, and HTTP(S) with limits, politeness and robots.txt.
        .target(
            name: "NewsFetch",
            dependencies: [
                "CZlib", "CISAL", "LibXML", .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTPCompression", package: "swift-nio-extras"),
            ],
            swiftSettings: strictSettings),
        // The only Swift code that touches libxml2 pointers.
        .target(name: "LibXML", dependencies: ["CLibXML2"], swiftSettings: strictSettings),
        // Value types that travel between stages.
        .target(name: "NewsModel", swiftSettings: strictSettings),
        // Main-content extraction and metadata.
        .target(name: "NewsClean", dependencies: ["LibXML", "NewsModel"], swiftSettings: strictSettings),
        // The analysis every extractor shares: tokens, word classes and lemmas, phrases, clauses.
        .target(name: "NewsLanguage", exclude: ["Data"], swiftSettings: strictSettings),
        // Sentences, gazetteers, countries, dates, events.
        .target(
            name: "NewsExtract", dependencies: ["NewsModel", "NewsLanguage"], exclude: ["Data"],
            swiftSettings: strictSettings),
        // JSON Lines writing and stable ids.
        .target(
            name: "NewsSink", dependencies: ["NewsModel", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictSettings),
        // The PostgreSQL sink: the schema and its migrations, records to rows, idempotent loading (postgres-nio).
        .target(
            name: "NewsDatabase",
            dependencies: [
                "NewsSink", .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"), .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings),
        // The Dispatch scheduler, pipeline.conf, run state, wiring of the stages.
        .target(
            name: "NewsPipeline",
            dependencies: [
                "NewsModel", "NewsFetch", "NewsClean", "NewsLanguage", "NewsExtract", "NewsSink", "NewsDatabase",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ],
            swiftSettings: strictSettings
        ),
        // The CLI: flags, config, exit codes. It reaches the stages through NewsPipeline only.
        .executableTarget(
            name: "newsevents",
            dependencies: [
                "NewsPipeline", "NewsModel",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings,
            linkerSettings: releaseLinking
        ),
        // Speed benchmarks, each against a baseline in the same run (scripts/bench/*.sh).
        .executableTarget(
            name: "NewsBench",
            dependencies: [
                "NewsExtract", "NewsLanguage", "NewsClean", "NewsFetch", "LibXML", "NewsModel", "NewsPipeline",
                "NewsSink",
            ],
            swiftSettings: strictSettings, linkerSettings: releaseLinking),
        // The libFuzzer target (scripts/fuzz.sh links it with libFuzzer; the tests replay its regressions).
        .target(
            name: "NewsFuzz", dependencies: ["NewsPipeline", "NewsModel", "NewsClean"], swiftSettings: strictSettings),
        .testTarget(name: "LibXMLTests", dependencies: ["LibXML"]),
        .testTarget(name: "NewsModelTests", dependencies: ["NewsModel"]),
        .testTarget(name: "NewsFetchTests", dependencies: ["NewsFetch", "LibXML"]),
        .testTarget(name: "NewsCleanTests", dependencies: ["NewsClean", "NewsModel"]),
        .testTarget(name: "NewsLanguageTests", dependencies: ["NewsLanguage"]),
        .testTarget(name: "NewsExtractTests", dependencies: ["NewsExtract", "NewsModel", "NewsLanguage"]),
        .testTarget(name: "NewsSinkTests", dependencies: ["NewsSink", "NewsModel"]),
        // Against a real PostgreSQL server: each suite starts a throwaway cluster (initdb) on a Unix socket.
        .target(name: "PostgresTestSupport", path: "Tests/PostgresTestSupport"),
        .testTarget(
            name: "NewsDatabaseTests",
            dependencies: [
                "NewsDatabase", "NewsSink", "PostgresTestSupport", .product(name: "Logging", package: "swift-log"),
            ]),
        .testTarget(
            name: "NewsPipelineTests",
            dependencies: ["NewsPipeline", "NewsModel", "NewsSink", .product(name: "Logging", package: "swift-log")]),
        .testTarget(name: "NewseventsCLITests", dependencies: ["newsevents", "PostgresTestSupport"]),
        // The torture suite: every hostile input ends in records or a clear error, within its budget.
        .testTarget(
            name: "HostileInputTests",
            dependencies: ["NewsPipeline", "NewsFetch", "NewsClean", "NewsModel", "NewsSink", "NewsFuzz"]),
    ],
    swiftLanguageModes: [.v6]
)
