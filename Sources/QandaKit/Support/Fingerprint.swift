/// A 64-bit FNV-1a hash that is the same in every process and on every run (Swift's `Hasher` is seeded per
/// process), so fingerprints can be kept in the build cache and compared by the next build.
package struct Fingerprint: Hashable, Sendable, Codable {
    package private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let prime: UInt64 = 0x0000_0100_0000_01B3

    package init() {}

    package init(_ bytes: [UInt8]) { add(bytes) }

    /// A fingerprint read back from where an earlier build stored its value.
    init(value: UInt64) { self.value = value }

    package mutating func add(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { add($0) }
    }

    package mutating func add(_ buffer: UnsafeBufferPointer<UInt8>) {
        var hash = value
        for byte in buffer { hash = (hash ^ UInt64(byte)) &* Self.prime }
        value = hash
        add(UInt64(buffer.count))  // the length keeps ("ab", "c") apart from ("a", "bc")
    }

    package mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add($0) }
    }

    package mutating func add(_ number: UInt64) {
        var hash = value
        for shift in stride(from: 0, to: 64, by: 8) { hash = (hash ^ ((number >> UInt64(shift)) & 0xff)) &* Self.prime }
        value = hash
    }

    package mutating func add(_ number: Int) { add(UInt64(bitPattern: Int64(number))) }
    package mutating func add(_ flag: Bool) { add(flag ? 1 : 0) }
    package mutating func add(_ other: Fingerprint) { add(other.value) }
    package mutating func add(_ text: String?) {
        if let text { add(1); add(text) } else { add(0) }
    }
    package mutating func add(_ number: Int?) {
        if let number { add(1); add(number) } else { add(0) }
    }
}
