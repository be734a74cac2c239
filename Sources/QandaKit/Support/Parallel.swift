import Foundation

/// Work spread over the cores in a few large chunks: per-item tasks would cost more than small items take.
package enum Parallel {
    package static var coreCount: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    package static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @escaping @Sendable (T) -> R) async -> [R] {
        if items.count < 2 || coreCount == 1 { return items.map(transform) }
        let chunkCount = min(items.count, coreCount * 8)
        let chunkSize = (items.count + chunkCount - 1) / chunkCount
        return await withTaskGroup(of: (Int, [R]).self) { group in
            for start in stride(from: 0, to: items.count, by: chunkSize) {
                let chunk = Array(items[start..<min(start + chunkSize, items.count)])
                group.addTask { (start, chunk.map(transform)) }
            }
            var pieces: [(Int, [R])] = []
            for await piece in group { pieces.append(piece) }
            return pieces.sorted { $0.0 < $1.0 }.flatMap(\.1)
        }
    }
}

extension Parallel {
    /// `map` for code that cannot wait asynchronously (initializers of the site's parts): the same chunks, on
    /// Dispatch's threads, which are not Swift concurrency's. Called from a task, it holds that task's thread
    /// until the chunks are done, so async code uses `map`; it cannot deadlock, as Dispatch has its own pool.
    package static func mapNow<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        if items.count < 2 || coreCount == 1 { return items.map(transform) }
        let chunkCount = min(items.count, coreCount * 8)
        let chunkSize = (items.count + chunkCount - 1) / chunkCount
        var pieces = [[R]](repeating: [], count: chunkCount)
        pieces.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let pieces = buffer  // each chunk writes its own element only
            DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
                let range = min(items.count, chunk * chunkSize)..<min(items.count, (chunk + 1) * chunkSize)
                pieces[chunk] = items[range].map(transform)
            }
        }
        return pieces.flatMap { $0 }
    }
}
