import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Updates an existing output folder in place, for builds that change a few files of a large site: writing a
/// whole new folder (`DiskSink`) would create every file again, which on these disks costs seconds per ten
/// thousand. New and changed files are written beside the output first and only then renamed over the old ones
/// (each rename is atomic, so a reader never sees half a file); files the site no longer has are removed last.
/// A build killed during the renames leaves a site that mixes old and new files for those few pages, and no build
/// cache, so the next build is a full one that writes the whole site again.
package final class InPlaceSink: OutputSink {
    package let outputPath: String
    private let stagingPath: String
    private let state = Mutex(State())
    private let kept = Atomic<Int>(0)

    private let stagingFolders: FolderMaker

    struct State {
        var written: [String] = []
        var unchanged = 0
        var bytesWritten = 0
        var paths: Set<String> = []
    }

    package init(outputPath: String) throws {
        self.outputPath = URL(fileURLWithPath: outputPath).standardizedFileURL.path
        stagingPath = DiskSink.stagingPrefix(for: self.outputPath) + "new-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        guard DirectoryListing.kind(of: self.outputPath) == .folder else { throw OutputError("\(self.outputPath) is not a folder") }
        guard mkdir(stagingPath, 0o755) == 0 else {
            throw OutputError("cannot create a folder beside \(self.outputPath): \(String(cString: strerror(errno)))")
        }
        stagingFolders = FolderMaker(root: stagingPath)
    }

    package var statistics: DiskSink.Statistics {
        state.withLock { DiskSink.Statistics(filesWritten: $0.written.count, filesUnchanged: $0.unchanged + kept.load(ordering: .relaxed),
                                        bytesWritten: $0.bytesWritten) }
    }

    /// The file stays as it is. Not checked on disk: this sink is used only when the build cache vouches for
    /// the output folder (same folder, same manifest), and a stat of every kept file would cost more than the
    /// rest of a one-edit build. Nor noted among the paths written: a file is kept only when its key, which
    /// includes the site's structure, is the previous build's, so it is the previous build's path, which that
    /// build checked to be made once.
    package func keep(_ path: String) -> Bool {
        kept.add(1, ordering: .relaxed)
        return true
    }

    package func keepIfPresent(_ path: String) -> Bool {
        guard OutputPath.isSafe(path), access(outputPath + "/" + path, F_OK) == 0 else { return false }
        kept.add(1, ordering: .relaxed)
        return true
    }

    /// The files under `folder` in the output that are not in `current`: what an in-place build removes there.
    package func files(under folder: String, notIn current: Set<String>) -> [String] {
        DirectoryListing.filesRecursively(under: outputPath + "/" + folder).files.map { folder + $0 }.filter { !current.contains($0) }
    }

    package func write(_ bytes: [UInt8], to path: String) throws {
        guard OutputPath.isSafe(path) else { throw OutputError.unsafePath("refusing to write outside the output folder: \(path)") }
        guard state.withLock({ $0.paths.insert(path).inserted }) else { throw OutputError.unsafePath("two outputs want the same file: \(path)") }
        if DiskSink.fileHasBytes(outputPath + "/" + path, bytes) {
            state.withLock { $0.unchanged += 1 }
            return
        }
        try stagingFolders.makeParents(of: path)
        try DiskSink.writeFile(stagingPath + "/" + path, bytes)
        state.withLock {
            $0.written.append(path)
            $0.bytesWritten += bytes.count
        }
    }

    package func copy(from sourcePath: String, to path: String) throws {
        guard let bytes = FileBytes.read(sourcePath) else { throw OutputError("cannot read \(sourcePath)") }
        try write(bytes, to: path)
    }

    /// Renames the new files into the output and removes `removed` (files of the previous build the site no
    /// longer has), then the folders they leave empty.
    package func commit(removing removed: [String]) throws {
        let written = state.withLock { $0.written }.sorted()
        let outputFolders = FolderMaker(root: outputPath)
        for path in written {
            try outputFolders.makeParents(of: path)
            guard rename(stagingPath + "/" + path, outputPath + "/" + path) == 0 else {
                throw OutputError("cannot replace \(outputPath)/\(path): \(String(cString: strerror(errno)))")
            }
        }
        for path in removed where OutputPath.isSafe(path) {
            unlink(outputPath + "/" + path)
            var folder = path
            while let slash = folder.lastIndex(of: "/") {
                folder = String(folder[..<slash])
                if rmdir(outputPath + "/" + folder) != 0 { break }  // not empty: the site still has files there
            }
        }
        abandon()
    }

    /// Removes the staging folder; the output is as it was.
    package func abandon() {
        try? FileManager.default.removeItem(atPath: stagingPath)
    }
}
