/// Writes one language's part of a site under its folder (`es/`): every path the part's pipeline gives is put
/// under `prefix`, and a file it keeps from the last build is the base's file there.
struct PrefixedSink<Base: OutputSink>: OutputSink {
    let base: Base
    let prefix: String

    func write(_ bytes: [UInt8], to path: String) throws { try base.write(bytes, to: prefix + path) }
    func copy(from sourcePath: String, to path: String) throws { try base.copy(from: sourcePath, to: prefix + path) }
    func keep(_ path: String) -> Bool { base.keep(prefix + path) }
    func keepIfPresent(_ path: String) -> Bool { base.keepIfPresent(prefix + path) }
}
