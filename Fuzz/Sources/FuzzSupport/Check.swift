#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A broken invariant: prints why (an optimized build drops precondition's message) and aborts, which libFuzzer
/// reports as a crash and keeps the input.
public func check(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
                  file: StaticString = #fileID, line: UInt = #line) {
    guard !condition() else { return }
    let text = Array("FUZZ INVARIANT BROKEN at \(file):\(line): \(message())\n".utf8)
    _ = text.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    abort()
}
