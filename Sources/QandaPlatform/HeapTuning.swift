#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// glibc grows each thread's heap a few pages at a time, each step an mprotect(2) that stops every other thread's
/// page faults: 15,000 of them in a one-edit build of 10,000 questions, a tenth of its time. Asking for 64 MB more
/// at each step (`M_TOP_PAD`) leaves about 40; memory is still only used once touched. Other allocators need
/// nothing here.
package enum HeapTuning {
    package static func growHeapsInLargeSteps() {
        #if os(Linux)
        // Looked up at run time, since Swift's Glibc module does not declare mallopt.
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        let topPad: Int32 = -2  // M_TOP_PAD in <malloc.h>
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") {  // RTLD_DEFAULT
            _ = unsafeBitCast(symbol, to: Mallopt.self)(topPad, 64 << 20)
        }
        #endif
    }
}
