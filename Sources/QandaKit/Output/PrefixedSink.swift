/// Writes one language's part of a site under its folder (`es/`): every path the part's pipeline gives is put
/// under `prefix`. It keeps nothing from an earlier build: a language's pages are rendered whole each time, so
/// an incremental build gives the bytes of a clean one.
struct PrefixedSink<Base: OutputSink>: OutputSink {
    let base: Base
    let prefix: String

    func write(_ bytes: [UInt8], to path: String) throws { try base.write(bytes, to: prefix + path) }
    func copy(from sourcePath: String, to path: String) throws { try base.copy(from: sourcePath, to: prefix + path) }
    func keep(_ path: String) -> Bool { false }
    func keepIfPresent(_ path: String) -> Bool { false }
}
