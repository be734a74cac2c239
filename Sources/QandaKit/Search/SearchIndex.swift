import Foundation

/// Every thread's part of the search index under ids that stay put between builds, and the vocabulary its term
/// ids point into. Kept in the build cache, so that after an edit only the edited thread is read again.
///
/// A thread whose searchable content changed gets a new id at the end, so a docs file never changes its bytes
/// under the same name (docs/SEARCH.md); the ids it leaves are holes. Too many holes, a first build or a site
/// that outgrew its docs-file size: every thread is numbered again, under a new epoch.
package struct SearchIndex: Sendable {
    struct Document: Sendable {
        /// Of what the document is made from (the thread's files, its address, category and tags): unchanged, the
        /// thread is not read again.
        var source: Fingerprint
        /// Of the document itself: unchanged (a source edit that changed nothing searchable), the id stays.
        var content: Fingerprint
        var slug: String
        /// Ids into `vocabulary`.
        var terms: [UInt32]
        var frequencies: [UInt8]
        var length: Int
        var entry: [UInt8]
    }

    var vocabulary: [String] = []
    var termIDs: [String: UInt32] = [:]
    /// By id; nil for the holes.
    var documents: [Document?] = []
    var epoch = ""
    /// Documents per docs file.
    var bucket = 1
    /// The last build's term shards: path by first and last term (`SearchIndexFiles`), and the average length
    /// its frequent terms were cut with.
    var shardNames: [String: String] = [:]
    var shardAverage = 0.0
    /// The terms of the documents added or removed since `previous` (nil: every term, after a new numbering):
    /// the shards without any of them are the previous build's.
    var dirtyTerms: Set<UInt32>?

    /// Documents per docs file for a site of `count` threads: one each for a small site (a reader downloads only
    /// the results they see), a few each for a large one (so the index does not double the number of files).
    static func bucketSize(forDocuments count: Int) -> Int { count <= 2_000 ? 1 : 4 }

    /// How many threads are read at once: their terms are strings until they join the vocabulary, which costs
    /// memory; a batch at a time keeps that bounded.
    static let batchSize = 2_048

    /// The index of `site`, reusing what `previous` (the last build's) knows of the threads that did not change.
    /// - Parameter threadFingerprints: per thread, what its files hold (`SiteFingerprints.threads`).
    /// - Parameter localization: the site's language, in which a result shows its date.
    static func make(site: Site, routes: Routes, localization: Localization, threadFingerprints: [Fingerprint],
                     previous: SearchIndex?) async -> SearchIndex {
        let sources = site.threads.indices.map {
            sourceKey(site: site, routes: routes, language: localization.language, index: $0, fingerprint: threadFingerprints[$0])
        }
        let previousIDs = previous.map { previous in
            Dictionary(previous.documents.indices.compactMap { id in previous.documents[id].map { ($0.slug, id) } },
                       uniquingKeysWith: { first, _ in first })
        } ?? [:]
        var index = previous ?? SearchIndex()
        // The threads to read: those the previous index does not have as they are now.
        var reused: [Int: Int] = [:]
        var toRead: [Int] = []
        for (position, thread) in site.threads.enumerated() {
            if let id = previousIDs[thread.slug], previous!.documents[id]!.source == sources[position] {
                reused[position] = id
            } else {
                toRead.append(position)
            }
        }
        var read: [Int: Document] = [:]
        for start in stride(from: 0, to: toRead.count, by: batchSize) {
            let batch = Array(toRead[start..<min(start + batchSize, toRead.count)])
            // A few pieces per core, each with its own memory of stems.
            let pieceSize = max(1, batch.count / (Parallel.coreCount * 2))
            let pieces = stride(from: 0, to: batch.count, by: pieceSize).map { Array(batch[$0..<min($0 + pieceSize, batch.count)]) }
            let documents = await Parallel.map(pieces) { piece in
                var stems: [String: String] = [:]
                return piece.map { position in
                    let thread = site.threads[position]
                    let (category, tags) = labels(site: site, index: position)
                    return SearchDocument(thread: thread, url: routes.link(Routes.question(thread.slug)), category: category, tags: tags,
                                          dateText: localization.date(thread.question.date), stems: &stems)
                }
            }.flatMap { $0 }
            for (position, document) in zip(batch, documents) {
                read[position] = index.add(document, slug: site.threads[position].slug, source: sources[position])
            }
        }
        // Every thread's document, in the site's order, and the id it had (when its content is the same).
        var current: [(document: Document, id: Int?)] = []
        current.reserveCapacity(site.threads.count)
        for (position, thread) in site.threads.enumerated() {
            if let id = reused[position] {
                current.append((previous!.documents[id]!, id))
            } else {
                let document = read[position]!
                let id = previousIDs[thread.slug].flatMap { previous!.documents[$0]!.content == document.content ? $0 : nil }
                current.append((document, id))
            }
        }
        let bucket = bucketSize(forDocuments: current.count)
        let kept = current.filter { $0.id != nil }.count
        let idCount = (previous?.documents.count ?? 0) + current.count - kept
        let holes = idCount - current.count
        if previous == nil || bucket != index.bucket || holes > max(64, idCount / 4) {
            index.dirtyTerms = nil
            index.documents = current.map(\.document)
            index.bucket = bucket
            var epoch = Fingerprint()
            for document in index.documents { epoch.add(document!.content) }
            index.epoch = String(epoch.value, radix: 16)
        } else {
            var documents = [Document?](repeating: nil, count: previous!.documents.count)
            var dirty = Set<UInt32>()
            for (document, id) in current {
                if let id { documents[id] = document } else { documents.append(document); dirty.formUnion(document.terms) }
            }
            for (id, document) in previous!.documents.enumerated() where document != nil && documents[id] == nil {
                dirty.formUnion(document!.terms)
            }
            index.documents = documents
            index.dirtyTerms = dirty
        }
        return index
    }

    /// Interns the document's terms.
    private mutating func add(_ document: SearchDocument, slug: String, source: Fingerprint) -> Document {
        var ids: [UInt32] = []
        ids.reserveCapacity(document.terms.count)
        for term in document.terms {
            if let id = termIDs[term] {
                ids.append(id)
            } else {
                let id = UInt32(vocabulary.count)
                vocabulary.append(term)
                termIDs[term] = id
                ids.append(id)
            }
        }
        return Document(source: source, content: document.fingerprint, slug: slug, terms: ids,
                        frequencies: document.frequencies, length: document.length, entry: document.entry)
    }

    private static func sourceKey(site: Site, routes: Routes, language: String, index: Int, fingerprint: Fingerprint) -> Fingerprint {
        let thread = site.threads[index]
        var key = Fingerprint()
        key.add(formatVersion)
        key.add(fingerprint)
        key.add(language)   // the date a result shows is in the site's language
        key.add(routes.link(Routes.question(thread.slug)))
        let (category, tags) = labels(site: site, index: index)
        key.add(category)
        for tag in tags { key.add(tag) }
        return key
    }

    private static func labels(site: Site, index: Int) -> (category: String?, tags: [String]) {
        (site.threadCategory[index].map { site.categories[$0].name }, site.threadTags[index].map { site.tags[$0].name })
    }

    /// Changes when what a document is made of changes (weights, excerpts, the tokenizer): every thread is read again.
    static let formatVersion = 5
}
