import Foundation
@testable import QandaKit

/// Fixture sites live beside this file; tests never write into them or into the current folder.
enum Fixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path
    static func site(_ name: String) -> String { folder + "/" + name }
    /// A fixed "today", so review and date rules never depend on when the tests run.
    static let now = ISO8601DateFormatter().date(from: "2025-06-01T12:00:00Z")!
}

/// Builds a site into memory.
func buildInMemory(_ siteFolder: String, drafts: Bool = false, baseURL: String? = nil) async -> (SitePipeline.Result, MemorySink) {
    let sink = MemorySink()
    let options = SiteLoader.Options(includeDrafts: drafts, baseURLOverride: baseURL, now: Fixtures.now)
    let result = await SitePipeline(siteFolder: siteFolder, options: options).build(into: sink)
    return (result, sink)
}

/// A temporary folder removed when the value goes away.
final class TemporaryFolder {
    let path: String
    init() {
        path = NSTemporaryDirectory() + "qanda-test-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Copies a fixture site in, so a test may change it.
    func copySite(_ fixture: String, as name: String = "site") -> String {
        let target = path + "/" + name
        try! FileManager.default.copyItem(atPath: Fixtures.site(fixture), toPath: target)
        return target
    }

    func write(_ text: String, to relativePath: String) {
        let url = URL(fileURLWithPath: path + "/" + relativePath)
        try! FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! text.write(to: url, atomically: false, encoding: .utf8)
    }
}

/// The built `qanda` executable, run as a user runs it.
struct CommandRun {
    var status: Int32
    var stdout: String
    var stderr: String

    static var executable: String {
        // The test bundle sits in the same build folder as the products.
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [bundle, bundle.deletingLastPathComponent()] {
            let path = candidate.appendingPathComponent("qanda").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/qanda").path
    }

    /// - Parameters:
    ///   - directory: the working folder (default: this process's).
    ///   - program: another copy of the executable, to run instead.
    static func run(_ arguments: [String], environment: [String: String] = [:], in directory: String? = nil,
                    program: String = executable) throws -> CommandRun {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["CI"] = "true"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandRun(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                          stderr: String(decoding: errData, as: UTF8.self))
    }
}

extension String {
    /// Offset of the first occurrence, for order assertions.
    func offset(of needle: String) -> Int? {
        range(of: needle).map { distance(from: startIndex, to: $0.lowerBound) }
    }
}
