import Foundation
@testable import QandaKit

/// Reads a built site's search index the way the search script does (docs/SEARCH.md), to test it from Swift: it
/// follows the root to directories and shards, decodes postings, and ranks with BM25.
struct SearchReader {
    struct Posting: Equatable {
        var id: Int
        var frequency: Int
        var lengthCode: Int
    }

    let files: [String: [UInt8]]
    let root: [String: Any]
    let rootPath: String
    var folder: String { String(rootPath[..<rootPath.index(after: rootPath.lastIndex(of: "/")!)]) }

    /// From the site's files: the search page names the root.
    init?(files: [String: [UInt8]]) {
        self.files = files
        guard let page = files["search/index.html"].map({ String(decoding: $0, as: UTF8.self) }),
              let link = page.firstMatch(of: /data-root="([^"]+)"/)?.1,
              // Site links carry the base path; the file is below search/.
              let start = link.range(of: "search/index/root.") else { return nil }
        rootPath = String(link[start.lowerBound...])
        guard let bytes = files[rootPath], let root = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else { return nil }
        self.root = root
    }

    var documentCount: Int { root["docs"] as! Int }
    var idCount: Int { root["ids"] as! Int }

    func json(_ name: String) -> Any? {
        files[folder + name].flatMap { try? JSONSerialization.jsonObject(with: Data($0)) }
    }

    /// The file in a sorted `[[first, file], …]` list whose range holds `term`.
    private static func covering(_ term: String, _ list: [[String]]) -> String? {
        list.last { !term.utf16.lexicographicallyPrecedes($0[0].utf16) }?[1]
    }

    /// Every term of the shard that would hold `term`, with its df and postings.
    func shard(for term: String) -> [(term: String, df: Int, postings: [Posting])] {
        guard let directories = root["dirs"] as? [[String]], let directory = Self.covering(term, directories),
              let shards = json(directory) as? [[String]], let shard = Self.covering(term, shards),
              let bytes = files[folder + shard] else { return [] }
        var reader = VarIntReader(bytes: bytes)
        return (0..<reader.next()).map { _ in
            let length = reader.next()
            let text = String(decoding: bytes[reader.offset..<reader.offset + length], as: UTF8.self)
            reader.offset += length
            let df = reader.next()
            var id = 0
            let postings = (0..<reader.next()).map { _ in
                id += reader.next()
                let frequency = Int(bytes[reader.offset]), code = Int(bytes[reader.offset + 1])
                reader.offset += 2
                return Posting(id: id, frequency: frequency, lengthCode: code)
            }
            return (text, df, postings)
        }
    }

    func postings(_ term: String) -> (df: Int, postings: [Posting])? {
        shard(for: term).first { $0.term == term }.map { ($0.df, $0.postings) }
    }

    /// The docs-file entry of `id` (nil for a hole).
    func entry(_ id: Int) -> [String: Any]? {
        let bucket = root["bucket"] as! Int, epoch = root["epoch"] as! String
        let number = id / bucket, count = min(bucket, idCount - number * bucket)
        guard let entries = json("docs.\(epoch).\(number).\(count).json") as? [Any] else { return nil }
        return entries[id - number * bucket] as? [String: Any]
    }

    /// The result URLs for `query`, best first: BM25 over its terms, the last one also as a prefix.
    func search(_ query: String) -> [String] {
        let terms = SearchTokenizer.terms(in: query)
        let averageLength = root["averageLength"] as! Double, count = Double(documentCount)
        var scores: [Int: Double] = [:]
        func add(_ term: String, weight: Double) {
            guard let (df, postings) = postings(term) else { return }
            let idf = log(1 + (count - Double(df) + 0.5) / (Double(df) + 0.5))
            for posting in postings {
                let tf = Double(posting.frequency), length = SearchIndexFiles.decodedLength(UInt8(posting.lengthCode))
                scores[posting.id, default: 0] += weight * idf * tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * length / averageLength))
            }
        }
        for term in terms { add(term, weight: 1) }
        if let last = SearchTokenizer.fold(query).split(whereSeparator: { !$0.isLetter && !$0.isNumber }).last {
            for (term, _, _) in shard(for: String(last)) where term.hasPrefix(last) && term != terms.last { add(term, weight: 0.5) }
        }
        return scores.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(10).compactMap { entry($0.key)?["url"] as? String }
    }
}

struct VarIntReader {
    let bytes: [UInt8]
    var offset = 0

    mutating func next() -> Int {
        var value = 0, shift = 0
        while offset < bytes.count {
            let byte = bytes[offset]
            offset += 1
            value |= Int(byte & 0x7F) << shift
            if byte < 0x80 { break }
            shift += 7
        }
        return value
    }
}
