/// A text that may still be UTF-8 bytes of a build-cache file, turned into a `String` only when read: a build
/// after one edit takes every thread's bodies from the cache but shows only the few that changed. Reading it
/// twice decodes it twice; what reads bodies (rendering a page, its structured data) reads each once.
@propertyWrapper
package struct LazyText: Sendable {
    private enum Storage: Sendable {
        case text(String)
        case bytes(MappedFile, Range<Int>)
    }

    private var storage: Storage

    package init(wrappedValue: String) { storage = .text(wrappedValue) }

    init(_ file: MappedFile, _ range: Range<Int>) { storage = .bytes(file, range) }

    package var wrappedValue: String {
        get {
            switch storage {
            case .text(let text): text
            case .bytes(let file, let range): file.string(range)
            }
        }
        set { storage = .text(newValue) }
    }

    /// The text as it is held, for the build cache to set without decoding.
    package var projectedValue: LazyText {
        get { self }
        set { self = newValue }
    }
}
