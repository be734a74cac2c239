/// The one version of everything in `.qanda-cache/`. Each binary file starts with its own four-letter tag and
/// this number (`ByteWriter.header`), and `state.json` records it: a cache written with another layout is
/// ignored as a whole, never half read. Bump it with any change to what a cache file holds or how it is laid
/// out; `CacheRoundTripTests` writes and reads back every file.
///
/// A cache is also ignored whenever the executable that wrote it is not this one (`QandaVersion.identity`): the
/// version is what keeps a development build, whose identity moves only with commits, from misreading a file.
enum CacheFormat {
    static let version = 13
}
