import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Creates the folders that files of an output tree need, below `root`, each once however many threads ask.
final class FolderMaker: Sendable {
    let root: String
    private let made = Mutex<Set<String>>([""])

    init(root: String) { self.root = root }

    /// Makes every folder above `path` ("questions/x/index.html" needs "questions" and "questions/x").
    func makeParents(of path: String) throws {
        guard let slash = path.lastIndex(of: "/") else { return }
        let folder = String(path[..<slash])
        if made.withLock({ $0.contains(folder) }) { return }
        try makeParents(of: folder)
        if mkdir(root + "/" + folder, 0o755) != 0 && errno != EEXIST {
            throw OutputError("cannot create folder \(root)/\(folder): \(String(cString: strerror(errno)))")
        }
        _ = made.withLock { $0.insert(folder) }
    }
}
