#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// write(2), by one name on every system (inside types with a `write` method of their own, the C function must be
/// named by its module, which is Glibc on Linux and Darwin on macOS).
package enum SystemWrite {
    /// Bytes written, or -1 with errno set; may write less than asked.
    @inline(__always)
    package static func some(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
        write(descriptor, bytes, count)
    }
}
