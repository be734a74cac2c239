import Foundation

extension BuildCache {
    static func checksum(of bytes: [UInt8]) -> UInt64 { bytes.withUnsafeBytes { checksum(of: $0) } }

    /// A cache file, mapped, when its checksum is the one `state.json` recorded; nil when missing or damaged.
    static func verified(_ path: String, checksum expected: UInt64) -> MappedFile? {
        guard let file = MappedFile(mapping: path), checksum(of: file.bytes) == expected else { return nil }
        return file
    }

    static func checksum(of bytes: UnsafeRawBufferPointer) -> UInt64 {
        var sum = Checksum()
        sum.add(bytes)
        return sum.final
    }

    /// FNV-1a over 8-byte words in four interleaved lanes (word i goes to lane i mod 4), folded together at the
    /// end: the lanes do not wait for each other, so this runs at memory speed over the 125 MB of a
    /// 10,000-question cache. Each step multiplies by an odd number, a bijection, and so does the fold: once a word
    /// differs, its lane and then the sum differ. Any damage confined to one word is always caught, other damage
    /// almost always.
    struct Checksum {
        private var lanes: (UInt64, UInt64, UInt64, UInt64) = (basis, basis ^ 1, basis ^ 2, basis ^ 3)
        private var pending: [UInt8] = []  // a tail shorter than a block of four words, carried to the next call
        private static let basis: UInt64 = 0xcbf2_9ce4_8422_2325

        mutating func add(_ bytes: [UInt8]) { bytes.withUnsafeBytes { add($0) } }

        mutating func add(_ bytes: UnsafeRawBufferPointer) {
            var start = 0
            if !pending.isEmpty {  // complete the block left over from the last call
                start = min(32 - pending.count, bytes.count)
                pending += bytes[..<start]
                guard pending.count == 32 else { return }
                pending.withUnsafeBytes { mixBlock($0, at: 0) }
                pending = []
            }
            let whole = start + (bytes.count - start) / 32 * 32
            for offset in stride(from: start, to: whole, by: 32) { mixBlock(bytes, at: offset) }
            pending = Array(bytes[whole...])
        }

        private mutating func mixBlock(_ bytes: UnsafeRawBufferPointer, at offset: Int) {
            lanes.0 = Self.mix(lanes.0, bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            lanes.1 = Self.mix(lanes.1, bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
            lanes.2 = Self.mix(lanes.2, bytes.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self))
            lanes.3 = Self.mix(lanes.3, bytes.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self))
        }

        private static func mix(_ hash: UInt64, _ word: UInt64) -> UInt64 { (hash ^ word) &* 0x0000_0100_0000_01B3 }

        /// The lanes folded together, then the last bytes (under a block).
        var final: UInt64 {
            let folded = [lanes.1, lanes.2, lanes.3].reduce(Self.mix(Self.basis, lanes.0), Self.mix)
            return pending.reduce(folded) { Self.mix($0, UInt64($1)) }
        }
    }
}

