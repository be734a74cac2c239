import Foundation
import QandaKit
import QandaPlatform
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Watches a site's sources: `qanda.yml`, `Content/` (every folder, recursively), `Templates/` and `i18n/`. On Linux the
/// kernel tells (inotify, `InotifyChangeSource`): one thread sleeps in `poll(2)` and nothing is scanned. Elsewhere,
/// where inotify cannot start, or when asked (`polling`), the sources are scanned every half second.
///
/// Changes come in bursts (an editor's save is several events, a `git checkout` hundreds), so they are collected
/// until the sources have been quiet for `quietPeriod` (at most `maximumDelay` after the first one), then
/// reported as one signal on `signals`; `takeChanges()` returns the paths changed since the last call.
/// Hidden files (names starting with a dot, as editors' swap files) are ignored, as the build ignores them, but
/// in Content/static/.
package final class FileWatcher: Sendable {
    package enum WatchError: Error, CustomStringConvertible {
        case unavailable(String)
        package var description: String {
            switch self { case .unavailable(let reason): return "cannot watch the site for changes: \(reason)" }
        }
    }

    /// Hidden names are not sources, except in Content/static/, which publishes `.well-known/` and the like.
    package static let sourceNames = WatchedNames(rootNames: ["qanda.yml", "Content", "Templates", "i18n"],
                                                 treeNames: ["Content", "Templates", "i18n"]) { name, folder in
        guard folder == RootFile.folder || folder.hasPrefix(RootFile.folder + "/") else { return !Slug.isHidden(name) }
        return RootFile.isPublished(name: name)
    }

    /// One element per burst of changes; at most one is kept waiting.
    package let signals: AsyncStream<Void>
    private let continuation: AsyncStream<Void>.Continuation
    private let pending = Mutex<Set<String>>([])
    /// Problems met while watching (too many folders for the inotify limit...), for the terminal.
    private let problemList = Mutex<[String]>([])
    /// True when the sources are scanned rather than heard of.
    package let isPolling: Bool
    private let wake: Int32
    private let wakeWriter: Int32

    /// Sets up every watch before returning, so nothing changed after `init` is missed.
    package init(siteFolder: String, quietPeriod: Duration = .milliseconds(50), maximumDelay: Duration = .seconds(1),
                polling: Bool = false, pollInterval: Duration = .milliseconds(500)) throws {
        let folder = Self.absolute(siteFolder)
        guard FileStatus(path: folder, followingLinks: true)?.kind == .folder else {
            throw WatchError.unavailable("\(siteFolder): not a folder")
        }
        var notes: [String] = []
        let source: any ChangeSource
        #if os(Linux)
        if polling {
            source = PollingChangeSource(folder: folder, names: Self.sourceNames, interval: pollInterval)
        } else {
            do {
                source = try InotifyChangeSource(folder: folder, names: Self.sourceNames)
            } catch {
                notes.append("inotify is not available (\(error)); looking for changes every \(pollInterval) instead")
                source = PollingChangeSource(folder: folder, names: Self.sourceNames, interval: pollInterval)
            }
        }
        #else
        source = PollingChangeSource(folder: folder, names: Self.sourceNames, interval: pollInterval)
        #endif
        // A pipe wakes the thread up for `stop()`: the thread polls its read end, `stop()` writes to the other.
        var pipeEnds: [Int32] = [-1, -1]
        guard pipe(&pipeEnds) == 0 else { throw WatchError.unavailable("pipe: \(String(cString: strerror(errno)))") }
        for end in pipeEnds {
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
        }
        wake = pipeEnds[0]
        wakeWriter = pipeEnds[1]
        isPolling = source.descriptor == nil
        (signals, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        problemList.withLock { $0 = notes + source.takeProblems() }

        let quiet = Self.milliseconds(quietPeriod)
        let maximum = maximumDelay
        let thread = Thread { [self, source] in
            self.loop(source: source, quietMilliseconds: max(1, quiet), maximumDelay: maximum)
        }
        thread.name = "qanda-watch"
        thread.start()
    }

    /// The paths (relative to the site folder) changed since the last call, sorted.
    package func takeChanges() -> [String] {
        pending.withLock { paths in
            defer { paths.removeAll() }
            return paths.sorted()
        }
    }

    /// Problems met so far (each reported once).
    package func takeProblems() -> [String] {
        problemList.withLock { problems in
            defer { problems.removeAll() }
            return problems
        }
    }

    /// Stops the thread; `signals` ends. Safe to call more than once.
    package func stop() {
        var byte: UInt8 = 1
        _ = SystemWrite.some(wakeWriter, &byte, 1)
    }

    deinit {
        // The thread holds `self` until it ends, so by now it has stopped: close here (the source closes its own).
        close(wake)
        close(wakeWriter)
    }

    private func loop(source: any ChangeSource, quietMilliseconds: Int32, maximumDelay: Duration) {
        var descriptors = [pollfd(fd: source.descriptor ?? -1, events: Int16(POLLIN), revents: 0),  // -1: ignored
                           pollfd(fd: wake, events: Int16(POLLIN), revents: 0)]
        let scanMilliseconds = Self.milliseconds(source.interval)
        var collected = Set<String>()
        var firstChange: ContinuousClock.Instant?
        defer { continuation.finish() }
        while true {
            // Sleep until an event comes (or, polling, until the next scan); during a burst, only until the sources
            // have been quiet long enough.
            let timeout: Int32 = firstChange != nil ? quietMilliseconds : source.descriptor == nil ? scanMilliseconds : -1
            let ready = poll(&descriptors, 2, timeout)
            if ready < 0 {
                if errno == EINTR { continue }
                problemList.withLock { $0.append("poll: \(String(cString: strerror(errno)))") }
                return
            }
            if descriptors[1].revents != 0 { return }
            if source.descriptor == nil || (ready > 0 && descriptors[0].revents != 0) {
                let happened = source.collect(into: &collected)
                let problems = source.takeProblems()
                if !problems.isEmpty { problemList.withLock { $0.append(contentsOf: problems) } }
                if happened {
                    if firstChange == nil { firstChange = .now }
                    // Keep collecting while the burst goes on, but not for ever.
                    if let first = firstChange, ContinuousClock.now - first < maximumDelay { continue }
                }
            }
            // The burst is over (quiet, or long enough): report it, unless it changed nothing that stays.
            guard firstChange != nil else { continue }
            source.burstEnded()
            firstChange = nil
            guard !collected.isEmpty else { continue }
            pending.withLock { $0.formUnion(collected) }
            collected.removeAll()
            continuation.yield()
        }
    }

    private static func milliseconds(_ duration: Duration) -> Int32 {
        Int32(clamping: duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000)
    }

    private static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }
}
