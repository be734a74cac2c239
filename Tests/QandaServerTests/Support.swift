import Foundation
import QandaKit
import QandaServer
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The end-to-end fixtures (shared with QandaEndToEndTests); tests never write into them.
enum Fixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("QandaEndToEndTests/Fixtures").path
    static func site(_ name: String) -> String { folder + "/" + name }
    /// A fixed "today", as in the end-to-end tests.
    static let now = ISO8601DateFormatter().date(from: "2025-06-01T12:00:00Z")!
    static let options = SiteLoader.Options(now: now)
}

/// A temporary copy of a fixture site, removed when the value goes away.
final class TemporarySite: @unchecked Sendable {
    let root: String
    let path: String

    init(_ fixture: String = "basic") {
        root = NSTemporaryDirectory() + "qanda-serve-test-" + UUID().uuidString
        path = root + "/site"
        try! FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try! FileManager.default.copyItem(atPath: Fixtures.site(fixture), toPath: path)
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    func read(_ relative: String) -> String { try! String(contentsOfFile: path + "/" + relative, encoding: .utf8) }

    /// Writes in place, as most editors do.
    func write(_ text: String, to relative: String) {
        let url = URL(fileURLWithPath: path + "/" + relative)
        try! FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! text.write(to: url, atomically: false, encoding: .utf8)
    }
}

/// Waits for `operation`, failing after `seconds`.
func withTimeout<T: Sendable>(_ seconds: Double, _ what: String = "operation",
                              _ operation: @escaping @Sendable () async throws -> T) async throws -> T {
    try await withThrowingTaskGroup(of: T.self) { group in
        group.addTask { try await operation() }
        group.addTask {
            try await Task.sleep(for: .milliseconds(Int(seconds * 1000)))
            throw TimeoutError(what: what, seconds: seconds)
        }
        defer { group.cancelAll() }
        return try await group.next()!
    }
}

struct TimeoutError: Error, CustomStringConvertible {
    var what: String
    var seconds: Double
    var description: String { "timed out after \(seconds) s waiting for \(what)" }
}

/// A minimal Server-Sent Events client over a plain socket on the loopback interface. The socket is read on
/// its own thread (never on the test's cooperative threads), with a receive timeout so it always ends.
final class EventStreamClient: Sendable {
    struct Event: Sendable, Equatable {
        var name: String
        var data: String
    }

    let events: AsyncStream<Event>
    private let socket: Int32
    private let closed = Atomic<Bool>(false)

    init(host: String = "localhost", port: Int, path: String = LiveReload.eventsPath) throws {
        let socket = try Self.connect(host: host, port: port)
        self.socket = socket
        let (stream, continuation) = AsyncStream<Event>.makeStream()
        events = stream
        let request = "GET \(path) HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n"
        _ = request.withCString { send(socket, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
        let thread = Thread {
            var pending = [UInt8]()
            var buffer = [UInt8](repeating: 0, count: 4096)
            var headerDone = false
            var name = "message", data: [String] = []
            while true {
                let count = recv(socket, &buffer, buffer.count, 0)
                if count <= 0 { break }
                pending.append(contentsOf: buffer[0..<count])
                if !headerDone {
                    guard let end = Self.find(Array("\r\n\r\n".utf8), in: pending) else { continue }
                    pending.removeFirst(end + 4)
                    headerDone = true
                }
                // Chunked transfer: strip the chunk-size lines by taking only lines that look like SSE fields.
                while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                    var line = String(decoding: pending[..<newline], as: UTF8.self)
                    pending.removeFirst(newline + 1)
                    if line.hasSuffix("\r") { line.removeLast() }
                    if line.isEmpty {
                        if !data.isEmpty { continuation.yield(Event(name: name, data: data.joined(separator: "\n"))) }
                        name = "message"
                        data = []
                    } else if line.hasPrefix("event: ") {
                        name = String(line.dropFirst(7))
                    } else if line.hasPrefix("data: ") {
                        data.append(String(line.dropFirst(6)))
                    }
                }
            }
            continuation.finish()
        }
        thread.start()
    }

    /// The next event named `name` (others are skipped), within `seconds`.
    func next(_ name: String, within seconds: Double = 10) async throws -> Event {
        let events = self.events
        return try await withTimeout(seconds, "event '\(name)'") {
            for await event in events where event.name == name { return event }
            throw TimeoutError(what: "event '\(name)' (stream ended)", seconds: seconds)
        }
    }

    func close() {
        if closed.exchange(true, ordering: .relaxed) { return }
        shutdown(socket, Int32(SHUT_RDWR))
        Glibc.close(socket)
    }

    deinit { close() }

    private static func connect(host: String, port: Int) throws -> Int32 {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &list) == 0 else { throw TimeoutError(what: "resolve \(host)", seconds: 0) }
        defer { freeaddrinfo(list) }
        var entry = list
        while let info = entry {
            let descriptor = Glibc.socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
            if descriptor >= 0 {
                var timeout = timeval(tv_sec: 20, tv_usec: 0)
                setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
                if Glibc.connect(descriptor, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 { return descriptor }
                Glibc.close(descriptor)
            }
            entry = info.pointee.ai_next
        }
        throw TimeoutError(what: "connect to \(host):\(port)", seconds: 0)
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for start in 0...(haystack.count - needle.count) where haystack[start..<(start + needle.count)].elementsEqual(needle) {
            return start
        }
        return nil
    }
}
