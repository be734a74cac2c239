import Foundation

/// `search.bin` in the build cache: the search index as the last build left it (docs/SEARCH.md), so that the next
/// one reads only the threads that changed and keeps every other document's id.
extension SearchIndex {
    func encode(flush: @escaping ([UInt8]) throws -> Void) throws {
        var output = ByteWriter(flush: flush)
        output.header("QSCH")
        output.int(Self.formatVersion)  // the index format its documents' entries are in (docs/SEARCH.md)
        output.string(epoch)
        output.int(bucket)
        output.strings(vocabulary)
        output.int(shardNames.count)
        for (key, path) in shardNames.sorted(by: { $0.key < $1.key }) {
            output.string(key)
            output.string(path)
        }
        output.int(Int(shardAverage))
        output.int(documents.count)
        for document in documents {
            output.optional(document) { output, document in
                output.fingerprint(document.source)
                output.fingerprint(document.content)
                output.string(document.slug)
                output.int(document.terms.count)
                document.terms.withUnsafeBytes { output.bytes += $0 }
                output.bytes += document.frequencies
                output.int(document.length)
                output.bytesArray(document.entry)
            }
            output.flushIfLarge()
        }
        try output.flushAll()
    }

    static func decode(_ file: MappedFile) -> SearchIndex? {
        var input = ByteReader(file: file)
        guard input.expectHeader("QSCH"), input.int() == formatVersion else { return nil }
        var index = SearchIndex()
        index.epoch = input.string()
        index.bucket = input.int()
        index.vocabulary = input.strings()
        let shardCount = input.int()
        guard !input.failed, shardCount >= 0 else { return nil }
        for _ in 0..<shardCount {
            let key = input.string()
            index.shardNames[key] = input.string()
            if input.failed { return nil }
        }
        index.shardAverage = Double(input.int())
        let count = input.int()
        guard !input.failed, count >= 0, index.bucket > 0 else { return nil }
        index.documents.reserveCapacity(count)
        for _ in 0..<count {
            let document = input.optional { input -> Document in
                let source = input.fingerprint()
                let content = input.fingerprint()
                let slug = input.string()
                let termCount = min(max(0, input.int()), 1 << 28)
                let raw = input.take(termCount * 4)
                let terms = [UInt32](unsafeUninitializedCapacity: raw.count / 4) { buffer, initialized in
                    UnsafeMutableRawBufferPointer(buffer).copyMemory(from: raw)
                    initialized = raw.count / 4
                }
                let frequencies = Array(input.take(termCount))
                let length = input.int()
                let entry = input.bytesArray() ?? []
                return Document(source: source, content: content, slug: slug, terms: terms, frequencies: frequencies,
                                length: length, entry: entry)
            }
            guard !input.failed else { return nil }
            if let document, document.terms.contains(where: { Int($0) >= index.vocabulary.count }) { return nil }
            index.documents.append(document)
        }
        index.termIDs = Dictionary(index.vocabulary.enumerated().map { ($1, UInt32($0)) }, uniquingKeysWith: { first, _ in first })
        return index
    }
}
