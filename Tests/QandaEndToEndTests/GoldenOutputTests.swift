import Foundation
import Testing
@testable import QandaKit

/// The whole output of the `basic` fixture, byte for byte. After an intended change to the output, re-record
/// with `QANDA_RECORD_GOLDEN=1 swift test --filter GoldenOutputTests` and review the diff in git.
@Suite struct GoldenOutputTests {
    static let goldenFolder = Fixtures.site("basic-golden")

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
            FileManager.default.fileExists(atPath: Self.goldenFolder + "/" + path, isDirectory: &isFolder)
            return isFolder.boolValue ? nil : path
        } ?? [])
        #expect(!recorded.isEmpty, "no golden output recorded; run with QANDA_RECORD_GOLDEN=1")
        #expect(Set(files.keys) == recorded, "files added: \(Set(files.keys).subtracting(recorded).sorted()), missing: \(recorded.subtracting(files.keys).sorted())")
        for path in recorded.sorted() {
            let expected = FileManager.default.contents(atPath: Self.goldenFolder + "/" + path).map { [UInt8]($0) }
            #expect(files[path] == expected, "\(path) differs from the golden copy")
        }
    }
}
