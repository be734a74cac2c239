/// Hands out names no earlier call got, appending -2, -3 … when a name is taken. Remembers 64-bit hashes, not
/// the names, so 100,000 slugs cost about 2 MB: two names with the same hash only make one of them longer.
package struct UniqueNames: Sendable {
    private var taken: Set<UInt64> = []

    package init() {}

    /// `name`, or `name-2`, `name-3` … (`separator` between), whichever is first free; it is then taken.
    package mutating func claim(_ name: String, separator: String = "-") -> String {
        var candidate = name
        var number = 1
        while !taken.insert(Self.hash(candidate)).inserted {
            number += 1
            candidate = name + separator + String(number)
        }
        return candidate
    }

    /// True (and taken from now on) when nothing has claimed it yet.
    package mutating func claimIfFree(_ name: String) -> Bool { taken.insert(Self.hash(name)).inserted }

    /// FNV-1a, 64 bits: stable across runs (Swift's Hasher is seeded per process).
    static func hash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash
    }
}
