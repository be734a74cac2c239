import Foundation
import Testing
@testable import QandaKit

/// The whole output of the `basic` fixture, byte for byte. After an intended change to the output, re-record
/// with `QANDA_RECORD_GOLDEN=1 swift test --filter GoldenOutputTests` and review the diff in git.
@Suite struct GoldenOutputTests {
    static let goldenFolder = Fixtures.site("basic-golden")

    /// The first line that differs, so a failure reads like a diff rather than two byte arrays.
    static func firstDifference(_ actual: [UInt8], _ expected: [UInt8]) -> String {
        let a = String(decoding: actual, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let e = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(a.count, e.count) where a[safe: index] != e[safe: index] {
            return "line \(index + 1): expected \(e[safe: index].map { "'\($0)'" } ?? "end of file"), got \(a[safe: index].map { "'\($0)'" } ?? "end of file")"
        }
        return "same lines, different bytes"
    }

    @Test func basicSiteMatchesGoldenOutput() async throws {
        let (result, sink) = await buildInMemory(Fixtures.site("basic"))
        #expect(result.succeeded)
        let files = sink.files
        if ProcessInfo.processInfo.environment["QANDA_RECORD_GOLDEN"] == "1" {
            try? FileManager.default.removeItem(atPath: Self.goldenFolder)
            for (path, bytes) in files {
                let url = URL(fileURLWithPath: Self.goldenFolder + "/" + path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(bytes).write(to: url)
            }
            return
        }
        let recorded = Set(FileManager.default.enumerator(atPath: Self.goldenFolder)?.compactMap { item -> String? in
            let path = item as! String
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: Self.goldenFolder + "/" + path, isDirectory: &isFolder)
            return isFolder.boolValue ? nil : path
        } ?? [])
        #expect(!recorded.isEmpty, "no golden output recorded; run with QANDA_RECORD_GOLDEN=1")
        #expect(Set(files.keys) == recorded, "files added: \(Set(files.keys).subtracting(recorded).sorted()), missing: \(recorded.subtracting(files.keys).sorted())")
        for path in recorded.sorted() {
            let expected = FileManager.default.contents(atPath: Self.goldenFolder + "/" + path).map { [UInt8]($0) }
            if files[path] != expected {
                Issue.record("\(path) differs from the golden copy: \(Self.firstDifference(files[path] ?? [], expected ?? []))")
            }
        }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
