import Foundation
import Testing
@testable import QandaKit

@Suite struct OutputPathTests {
    @Test(arguments: ["", "/abs", "/", "../x", "..", ".", "a/../b", "a/./b", "a//b", "a/", "a\\b", "..\\x", "a/b\0c", "a/b/..", "a/.", "./a"])
    func unsafePathsAreRejected(_ path: String) {
        #expect(!OutputPath.isSafe(path))
    }

    @Test(arguments: ["questions/x/index.html", "index.html", "qanda.css", "questions/x/my handout.pdf", "a/..b/c", "a/b../c", ".../x", "a/...", ".well-known/x", "a/.b"])
    func safePathsAreAccepted(_ path: String) {
        #expect(OutputPath.isSafe(path))
    }

    @Test func memorySinkKeepsWrittenFiles() throws {
        let sink = MemorySink()
        try sink.write("<h1>Hi</h1>", to: "questions/x/index.html")
        try sink.write([0x00, 0xFF], to: "questions/x/file.bin")
        #expect(sink.text("questions/x/index.html") == "<h1>Hi</h1>")
        #expect(sink.files["questions/x/file.bin"] == [0x00, 0xFF])
        #expect(sink.files.count == 2)
        #expect(sink.text("missing.html") == nil)
    }

    @Test(arguments: ["../escape.html", "/etc/passwd", "a//b", "a\\b", ""])
    func memorySinkRejectsUnsafePaths(_ path: String) {
        let sink = MemorySink()
        #expect(throws: OutputError.self) { try sink.write("x", to: path) }
        #expect(sink.files.isEmpty)
    }

    @Test func memorySinkRejectsDuplicateWrites() throws {
        let sink = MemorySink()
        try sink.write("first", to: "index.html")
        let error = #expect(throws: OutputError.self) { try sink.write("second", to: "index.html") }
        #expect(error?.description == "two outputs want the same file: index.html")
    }

    @Test func memorySinkCopiesFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qanda-sink-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = folder.appendingPathComponent("photo.jpg").path
        try Data([1, 2, 3]).write(to: URL(fileURLWithPath: source))
        let sink = MemorySink()
        try sink.copy(from: source, to: "authors/a/photo.jpg")
        #expect(sink.files["authors/a/photo.jpg"] == [1, 2, 3])
        #expect(throws: OutputError.self) { try sink.copy(from: folder.appendingPathComponent("missing").path, to: "x") }
        #expect(throws: OutputError.self) { try sink.copy(from: source, to: "../photo.jpg") }
    }
}

@Suite struct JSONTextTests {
    @Test func writesSortedKeysAndEscapesForScripts() throws {
        let text = JSONText.serialize(["b": [1, true, "x"], "a": "</script> & \"q\"\n\u{1}", "c": 1.5] as [String: Any])
        #expect(text == #"{"a":"\u003c/script\u003e \u0026 \"q\"\n\u0001","b":[1,true,"x"],"c":1.5}"#)
        let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        #expect(parsed?["a"] as? String == "</script> & \"q\"\n\u{1}")
    }

    @Test func keepsNonASCIIAndEscapesLineSeparators() throws {
        let value = "Café — naïve \u{2028}next\u{2029}😀\t\\"
        let text = JSONText.serialize(value)
        #expect(text == #""Café — naïve \u2028next\u2029😀\t\\""#)
        #expect(try JSONSerialization.jsonObject(with: Data(text.utf8), options: .fragmentsAllowed) as? String == value)
    }
}
