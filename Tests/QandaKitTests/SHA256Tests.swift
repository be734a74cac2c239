import Foundation
import Testing
@testable import QandaKit

/// The SHA-256 that pins Qanda in CI recipes must be the one `sha256sum` computes there.
@Suite struct SHA256Tests {
    /// FIPS 180-4's examples, and a million a's (more than one mapped page, many blocks).
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        (String(repeating: "a", count: 1_000_000), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"),
    ])
    func knownDigests(_ text: String, _ digest: String) {
        #expect(SHA256.hex(of: Array(text.utf8)) == digest)
    }

    /// Every length around a block's end (where the padding takes one block or two), and an executable, against
    /// `sha256sum` itself.
    @Test func agreesWithSha256sum() throws {
        let folder = NSTemporaryDirectory() + "qanda-sha256-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var random = SeededBytes(seed: 19)
        var files: [String] = []
        for length in [1, 55, 56, 57, 63, 64, 65, 119, 120, 128, 4095, 4096, 100_003] {
            let path = "\(folder)/\(length).bin"
            try Data(random.next(length)).write(to: URL(fileURLWithPath: path))
            files.append(path)
        }
        files.append("/bin/bash")  // an executable, as the pinned one is
        let sums = try run("/usr/bin/sha256sum", files)
        for (file, line) in zip(files, sums.split(separator: "\n")) {
            #expect(SHA256.hex(ofFile: file) == String(line.prefix(64)), "\(file)")
        }
        #expect(SHA256.hex(ofFile: folder + "/missing") == nil)
    }

    private func run(_ executable: String, _ arguments: [String]) throws -> String {
        let run = try ToolRun.run(URL(fileURLWithPath: executable), arguments)
        #expect(run.status == 0)
        return run.output
    }
}

/// Bytes from a fixed seed (xorshift64*), so a failure is the same on every run.
private struct SeededBytes {
    var state: UInt64
    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 | 1 }

    mutating func next(_ count: Int) -> [UInt8] {
        (0..<count).map { _ in
            state ^= state >> 12
            state ^= state << 25
            state ^= state >> 27
            return UInt8(truncatingIfNeeded: (state &* 0x2545_F491_4F6C_DD1D) >> 56)
        }
    }
}
