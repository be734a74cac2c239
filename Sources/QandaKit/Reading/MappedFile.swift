import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file's bytes, mapped read-only: shared by every `LazyText` that points into them, and released when the
/// last one goes. Mapping rather than reading spares copying the build cache (125 MB at 10,000 questions) into
/// fresh memory that the kernel must first clear.
///
/// A mapped file must not be truncated while mapped (reading past its new end would crash the process): the
/// build cache is therefore only ever replaced by renaming a new file over the old one, never rewritten in place.
final class MappedFile: @unchecked Sendable {
    // Unchecked: the bytes are never written after init.
    let bytes: UnsafeRawBufferPointer

    /// Maps `path`; nil when it cannot be opened or mapped.
    init?(mapping path: String) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_size >= 0 else { return nil }
        let size = Int(status.st_size)
        if size == 0 {
            self.bytes = UnsafeRawBufferPointer(start: nil, count: 0)  // mmap refuses an empty file
            return
        }
        // Pages are mapped as they are first read (MAP_POPULATE, all at once, measured slower: it holds the
        // process's memory lock while the other cores fault pages in).
        guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED else { return nil }
        self.bytes = UnsafeRawBufferPointer(start: address, count: size)
    }

    deinit {
        guard let base = bytes.baseAddress else { return }
        munmap(UnsafeMutableRawPointer(mutating: base), bytes.count)
    }

    /// The UTF-8 text at `range` (invalid sequences repaired, as everywhere text is decoded).
    func string(_ range: Range<Int>) -> String { String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
}
