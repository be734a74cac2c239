// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Qanda",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "qanda", targets: ["qanda"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // libcmark-gfm from Debian (libcmark-gfm-dev, libcmark-gfm-extensions-dev); the .pc file links both libraries.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(
            name: "QandaKit",
            dependencies: [
                "CCmarkGFM",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .executableTarget(
            name: "qanda",
            dependencies: [
                "QandaKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "QandaKitTests", dependencies: ["QandaKit"]),
        .testTarget(
            name: "QandaEndToEndTests",
            dependencies: ["QandaKit"],
            exclude: ["Fixtures"]
        ),
    ]
)
