// swift-tools-version:6.0
// libFuzzer targets for QandaKit: built and run by `make fuzz` (scripts/fuzz.sh) with
// `-Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=fuzzer-no-link,address` (the C of Yams' libyaml is
// instrumented too). Each target defines LLVMFuzzerTestOneInput; see FuzzerEntry.h for how main is found.
import PackageDescription

let fuzzTargets = ["FuzzFrontMatter", "FuzzSourceLoading", "FuzzMarkdown", "FuzzSlugsAndURLs"]

let package = Package(
    name: "QandaFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "Qanda", path: "..")],
    targets: [.target(name: "FuzzerEntry"), .target(name: "FuzzSupport")] + fuzzTargets.map { name in
        .executableTarget(
            name: name,
            dependencies: ["FuzzerEntry", "FuzzSupport", .product(name: "QandaKit", package: "Qanda"),
                           .product(name: "QandaProbe", package: "Qanda")],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        )
    }
)
