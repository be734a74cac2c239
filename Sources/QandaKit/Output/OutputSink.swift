import Foundation
import Synchronization

/// Where a build's files go: the disk (through a temporary folder swapped in at the end) or memory (serve, tests).
/// Called from several threads at once.
package protocol OutputSink: Sendable {
    func write(_ bytes: [UInt8], to path: String) throws
    /// Copies a source file (an attachment, an asset) into the output.
    func copy(from sourcePath: String, to path: String) throws
    /// Keeps the file the previous build wrote at `path`, when there is one: the build knows its bytes would
    /// be the same. False when it cannot (the caller then writes the file).
    func keep(_ path: String) -> Bool
    /// Keeps the previous build's file at `path` if there is one: for files whose name says what their bytes are
    /// (the search index's), which a build cannot know from keys alone.
    func keepIfPresent(_ path: String) -> Bool
}

extension OutputSink {
    package func keepIfPresent(_ path: String) -> Bool { keep(path) }

    package func write(_ text: String, to path: String) throws { try write(Array(text.utf8), to: path) }
}
