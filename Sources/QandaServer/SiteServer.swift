import Foundation
import Hummingbird
import Logging
import NIOCore
import QandaKit
import ServiceLifecycle
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every request of `qanda serve`: the live-reload stream at `/__qanda/events`, everything else from the
/// current snapshot (or, before any build has succeeded, a page listing the errors).
package struct SiteResponder: HTTPResponder {
    package typealias Context = BasicRequestContext
    package let snapshot: SiteSnapshot
    let files = StaticResponder()

    package init(snapshot: SiteSnapshot) {
        self.snapshot = snapshot
    }

    package func respond(to request: Request, context: Context) async throws -> Response {
        if request.uri.path == LiveReload.eventsPath {
            return snapshot.liveReload.response(for: request)
        }
        guard let site = snapshot.current else { return noSiteYet(request) }
        return files.respond(to: request, site: site)
    }

    /// Before the first good build: 503 and the errors, with the live-reload script (it reloads once fixed).
    func noSiteYet(_ request: Request) -> Response {
        var html = "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>qanda serve</title></head>\n<body>\n"
        if let diagnostics = snapshot.failure {
            html += "<h1>The site has errors</h1>\n<p>Fix them and this page reloads by itself.</p>\n<ul>\n"
            for diagnostic in diagnostics where diagnostic.severity == .error {
                let position = diagnostic.file + (diagnostic.line > 0 ? ":\(diagnostic.line)" : "")
                html += "<li><code>\(Self.escape(position))</code>: \(Self.escape(diagnostic.message))</li>\n"
            }
            html += "</ul>\n"
        } else {
            html += "<h1>Building…</h1>\n"
        }
        html += LiveReload.script + "</body></html>\n"
        let response = Response(status: .serviceUnavailable,
                                headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store", .retryAfter: "1"],
                                body: .init(byteBuffer: ByteBuffer(string: html)))
        return request.method == .head ? Response(status: response.status, headers: response.headers) : response
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }
}

/// `qanda serve`: builds the site into memory, serves it with Hummingbird, rebuilds when the sources change
/// and tells the browsers. Runs until SIGINT or SIGTERM (Ctrl-C), then shuts down gracefully: the listening
/// socket closes, live-reload streams end, open requests finish, the watcher stops.
package struct SiteServer: Sendable {
    package enum ServeError: Error, CustomStringConvertible, Equatable {
        case portInUse(host: String, port: Int)
        case cannotListen(host: String, port: Int, reason: String)

        package var description: String {
            switch self {
            case .portInUse(let host, let port):
                return "port \(port) on \(host) is already in use; stop what is using it or choose another with --port"
            case .cannotListen(let host, let port, let reason):
                return "cannot listen on \(host) port \(port): \(reason); choose another --host or --port"
            }
        }
    }

    package let snapshot: SiteSnapshot
    package var host: String
    package var port: Int
    /// Quiet time before a burst of changes is rebuilt.
    package var quietPeriod: Duration = .milliseconds(50)
    /// Scan the sources for changes instead of hearing of them from the kernel (network mounts, containers).
    package var pollsForChanges = false

    package init(snapshot: SiteSnapshot, host: String = "127.0.0.1", port: Int = 8000) {
        self.snapshot = snapshot
        self.host = host
        self.port = port
    }

    /// The Hummingbird application: the responder, the live-reload heartbeat and, with a watcher, the rebuild
    /// loop. Once it listens it builds the site (unless a build was already made), then calls `onListening`.
    /// Connections wait in the listen backlog during that first build.
    package func application(watching watcher: FileWatcher? = nil,
                            onWatcherProblem: @escaping @Sendable (String) -> Void = { _ in },
                            onListening: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        let snapshot = self.snapshot, port = self.port
        var services: [any Service] = [LiveReloadHeartbeat(liveReload: snapshot.liveReload)]
        if let watcher { services.append(RebuildService(snapshot: snapshot, watcher: watcher, onProblem: onWatcherProblem)) }
        return Application(
            responder: SiteResponder(snapshot: snapshot),
            configuration: .init(address: .hostname(host, port: port), serverName: "qanda"),
            services: services,
            onServerRunning: { channel in
                if !snapshot.hasBuilt { await snapshot.rebuild() }
                await onListening(channel.localAddress?.port ?? port)
            },
            logger: Self.logger
        )
    }

    /// Watches the sources, listens, builds once, and serves until SIGINT/SIGTERM (then shuts down
    /// gracefully: the listening socket closes, live-reload streams end, open requests finish, the watcher
    /// stops).
    ///
    /// The port is taken before the first build, so a busy port is reported at once.
    /// - Parameters:
    ///   - onWatcherProblem: a problem with watching (the inotify limit...), for the terminal.
    ///   - onListening: called with the port once the server listens and the first build is done (the actual
    ///     port when `port` is 0).
    package func run(onWatcherProblem: @escaping @Sendable (String) -> Void = { _ in },
                    onListening: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let watcher = try FileWatcher(siteFolder: snapshot.siteFolder, quietPeriod: quietPeriod, polling: pollsForChanges)
        defer { watcher.stop() }
        for problem in watcher.takeProblems() { onWatcherProblem(problem) }
        let app = application(watching: watcher, onWatcherProblem: onWatcherProblem, onListening: onListening)
        do {
            try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
        } catch {
            throw Self.explain(error, host: host, port: port)
        }
    }

    /// A bind failure, in the user's terms.
    static func explain(_ error: any Error, host: String, port: Int) -> any Error {
        if let io = error as? IOError {
            switch io.errnoCode {
            case EADDRINUSE: return ServeError.portInUse(host: host, port: port)
            case EACCES: return ServeError.cannotListen(host: host, port: port, reason: "permission denied (ports below 1024 need privileges)")
            case EADDRNOTAVAIL: return ServeError.cannotListen(host: host, port: port, reason: "no such address on this machine")
            default: return ServeError.cannotListen(host: host, port: port, reason: String(cString: strerror(io.errnoCode)))
            }
        }
        if error is SocketAddressError.UnknownHost || error is SocketAddressError {
            return ServeError.cannotListen(host: host, port: port, reason: "unknown host")
        }
        return error
    }

    /// Hummingbird's own messages: only real problems, on standard error.
    static let logger: Logger = {
        var logger = Logger(label: "qanda.serve") { label in StreamLogHandler.standardError(label: label) }
        logger.logLevel = .error
        return logger
    }()
}

/// The rebuild loop as a service of the application: follows the watcher until shutdown.
struct RebuildService: Service {
    let snapshot: SiteSnapshot
    let watcher: FileWatcher
    let onProblem: @Sendable (String) -> Void

    func run() async throws {
        let watcher = self.watcher
        await withGracefulShutdownHandler {
            await snapshot.follow(watcher, onProblem: onProblem)
        } onGracefulShutdown: {
            watcher.stop()
        }
        watcher.stop()
    }
}
