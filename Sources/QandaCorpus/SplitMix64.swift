/// The corpus's only source of randomness: SplitMix64 (Steele, Lea and Flood), written out here so that the same
/// seed gives the same numbers on every machine and Swift version. The helpers below do their own range
/// reduction too, because the standard library's `random(in:using:)` does not promise a stable algorithm.
package struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    package init(seed: UInt64) { state = seed }

    /// An independent stream for one item (thread `index` of a run with `seed`): threads can then be made in any
    /// order, and a change in how one thread is drawn never shifts the next.
    package init(seed: UInt64, stream: UInt64, index: UInt64) {
        var mixer = SplitMix64(seed: seed ^ (stream &* 0x9E37_79B9_7F4A_7C15))
        state = mixer.next() ^ (index &* 0xD1B5_4A32_D192_ED03)
        _ = next()
    }

    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// 0 ..< bound (bound > 0), by the high half of a 128-bit product (the bias is below 2^-40 for our bounds).
    package mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0)
        return Int(next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// lower ... upper, both included.
    package mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + below(range.count) }

    /// True with the given probability in percent.
    package mutating func percent(_ chance: Int) -> Bool { below(100) < chance }

    package mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// An index drawn with the given weights (not all zero).
    package mutating func weighted(_ weights: [Int]) -> Int {
        var roll = below(weights.reduce(0, +))
        for (index, weight) in weights.enumerated() {
            if roll < weight { return index }
            roll -= weight
        }
        return weights.count - 1
    }

    /// A few distinct items (at most `items.count`), in the order drawn.
    package mutating func sample<T>(_ items: [T], count: Int) -> [T] {
        var indices = Array(items.indices)
        let wanted = min(count, items.count)
        for position in 0..<wanted { indices.swapAt(position, position + below(indices.count - position)) }
        return indices.prefix(wanted).map { items[$0] }
    }

    /// Skewed towards small values, as votes are: most near 0, a few up to `maximum`.
    package mutating func skewed(maximum: Int) -> Int {
        let roll = Double(next() >> 11) / Double(1 << 53)
        return Int(Double(maximum) * roll * roll * roll)
    }
}
