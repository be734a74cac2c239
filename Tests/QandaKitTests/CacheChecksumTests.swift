import Testing
@testable import QandaKit

/// The checksum that tells a damaged build-cache file from a sound one.
@Suite struct CacheChecksumTests {
    static let bytes: [UInt8] = (0..<203).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }

    /// Every single flipped bit, wherever it falls (each of the four lanes, the tail under a block), changes it.
    @Test func everyFlippedBitIsCaught() {
        let sound = BuildCache.checksum(of: Self.bytes)
        for index in Self.bytes.indices {
            for bit in 0..<8 {
                var damaged = Self.bytes
                damaged[index] ^= UInt8(1 << bit)
                #expect(BuildCache.checksum(of: damaged) != sound, "byte \(index), bit \(bit)")
            }
        }
        #expect(BuildCache.checksum(of: Array(Self.bytes.dropLast())) != sound)
    }

    /// Written in pieces of any size (as the cache is streamed to its files), the sum is the sum of the whole.
    @Test func piecesGiveTheSumOfTheWhole() {
        let whole = BuildCache.checksum(of: Self.bytes)
        for size in [1, 3, 7, 8, 31, 32, 33, 64, 100] {
            var sum = BuildCache.Checksum()
            for start in stride(from: 0, to: Self.bytes.count, by: size) {
                sum.add(Array(Self.bytes[start..<min(start + size, Self.bytes.count)]))
            }
            #expect(sum.final == whole, "pieces of \(size)")
        }
    }
}
