// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Qanda",
    platforms: [.macOS(.v15)],  // Synchronization.Mutex
    products: [
        .executable(name: "qanda", targets: ["qanda"]),
        // Synthetic sites of any size for the tests, `make check-site`, `make reliability` and `make bench`.
        .executable(name: "qanda-corpus", targets: ["qanda-corpus"]),
        // For the libFuzzer targets in Fuzz/ (a package of their own that depends on this one by path).
        .library(name: "QandaKit", targets: ["QandaKit"]),
        .library(name: "QandaProbe", targets: ["QandaProbe"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        // Already in Hummingbird's graph (same URLs); named here because QandaServer imports them directly.
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.14.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.0.0"),
    ],
    targets: [
        // libcmark-gfm from Debian (libcmark-gfm-dev, libcmark-gfm-extensions-dev); the .pc file links both libraries.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // The calls that differ between systems (inotify, renameat2, mallopt, stat's time fields), each with a
        // portable fallback; everything else is plain POSIX and Foundation.
        .target(name: "QandaPlatform"),
        // The git commit and tree state, for `qanda --version` and the build cache's key (QandaVersion).
        .plugin(name: "BuildStamp", capability: .buildTool()),
        .target(name: "QandaBuildStamp", plugins: ["BuildStamp"]),
        // The built-in theme's files (Rendering/Theme/Files/) and translation tables (Localization/Tables/), embedded
        // into QandaKit at build time.
        .plugin(name: "EmbedTheme", capability: .buildTool()),
        .target(
            name: "QandaKit",
            dependencies: [
                "CCmarkGFM",
                "QandaPlatform",
                "QandaBuildStamp",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            exclude: ["Rendering/Theme/Files", "Localization/Tables"],
            plugins: ["EmbedTheme"]
        ),
        // One source file through the loaders, for the fuzz targets and the tests that replay their finds; not in
        // the qanda executable (it keeps a scratch folder per process).
        .target(name: "QandaProbe", dependencies: ["QandaKit"]),
        // `qanda serve`: the site built into memory, served with Hummingbird, rebuilt on change, reloaded live.
        .target(
            name: "QandaServer",
            dependencies: [
                "QandaKit",
                "QandaPlatform",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "qanda",
            dependencies: [
                "QandaKit",
                "QandaPlatform",
                "QandaServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The corpus generator: vocabulary, a seeded PRNG of its own, and writers for Qanda's format and Hugo.
        .target(name: "QandaCorpus"),
        .executableTarget(
            name: "qanda-corpus",
            dependencies: ["QandaCorpus", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // FuzzRegressions/: inputs found by the fuzz targets in Fuzz/, read by FuzzRegressionTests through #filePath.
        .testTarget(name: "QandaKitTests", dependencies: ["QandaKit", "QandaProbe"], exclude: ["FuzzRegressions"]),
        .testTarget(
            name: "QandaEndToEndTests",
            // Yams: the tests parse the CI recipes `qanda init` writes.
            dependencies: ["QandaKit", .product(name: "Yams", package: "Yams")],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "QandaCorpusTests", dependencies: ["QandaCorpus", "QandaKit"]),
        .testTarget(
            name: "QandaServerTests",
            dependencies: [
                "QandaServer",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
    ]
)
