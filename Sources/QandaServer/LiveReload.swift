import Foundation
import Hummingbird
import NIOCore
import QandaKit
import ServiceLifecycle
import Synchronization

/// Live reload over Server-Sent Events: every browser showing a served page keeps `GET /__qanda/events` open and
/// hears `reload` after a successful rebuild, or `errors` (the diagnostics as JSON, schema of
/// `qanda check --format json`) after a failed one.
///
/// A browser that connects while the sources are broken gets the `errors` event at once. Each connection also
/// gets `hello` with the server's instance and generation, so a page left open across a restart of
/// `qanda serve`, or across a rebuild it missed while reconnecting, reloads.
package final class LiveReload: Sendable {
    package static let eventsPath = "/__qanda/events"

    /// One message on the stream.
    package enum Event: Sendable, Equatable {
        case hello(String)
        case reload(generation: Int)
        case errors(json: String)
        /// A comment line, so that a connection whose browser went away is noticed.
        case ping

        /// The bytes on the wire: `event:` and one `data:` line (the JSON has no raw line breaks).
        package var text: String {
            switch self {
            case .hello(let id): return "event: hello\ndata: \(id)\n\n"
            case .reload(let generation): return "event: reload\ndata: \(generation)\n\n"
            case .errors(let json): return "event: errors\ndata: \(json)\n\n"
            case .ping: return ": ping\n\n"
            }
        }
    }

    private struct State {
        var subscribers: [Int: AsyncStream<Event>.Continuation] = [:]
        var nextID = 0
        var generation = 0
        /// The diagnostics of the last build when it failed; nil after a good one.
        var errorsJSON: String?
        var finished = false
    }

    private let state = Mutex(State())
    /// Changes with each start of the server, so open pages notice a restart.
    private let instance = String(UInt32.random(in: 0...UInt32.max), radix: 36)

    package init() {}

    package var subscriberCount: Int { state.withLock { $0.subscribers.count } }

    /// A new listener: the stream starts with `hello` (and `errors` when the site is broken) and ends when the
    /// server shuts down or `unsubscribe` is called.
    package func subscribe() -> (id: Int, events: AsyncStream<Event>) {
        let (stream, continuation) = AsyncStream<Event>.makeStream(bufferingPolicy: .bufferingNewest(16))
        let id: Int? = state.withLock { state in
            guard !state.finished else { return nil }
            let id = state.nextID
            state.nextID += 1
            state.subscribers[id] = continuation
            continuation.yield(.hello("\(instance)-\(state.generation)"))
            if let json = state.errorsJSON { continuation.yield(.errors(json: json)) }
            return id
        }
        guard let id else {
            continuation.finish()
            return (-1, stream)
        }
        continuation.onTermination = { [weak self] _ in self?.unsubscribe(id) }
        return (id, stream)
    }

    package func unsubscribe(_ id: Int) {
        let continuation = state.withLock { $0.subscribers.removeValue(forKey: id) }
        continuation?.finish()
    }

    func buildSucceeded(generation: Int) {
        broadcast(.reload(generation: generation)) { state in
            state.generation = generation
            state.errorsJSON = nil
        }
    }

    func buildFailed(_ diagnostics: [Diagnostic]) {
        let json = DiagnosticReport.json(diagnostics).trimmingCharacters(in: .whitespacesAndNewlines)
            .replacingOccurrences(of: "\n", with: " ")
        broadcast(.errors(json: json)) { $0.errorsJSON = json }
    }

    func ping() { broadcast(.ping) { _ in } }

    /// Ends every stream (graceful shutdown) and refuses new listeners.
    package func finishAll() {
        let all = state.withLock { state -> [AsyncStream<Event>.Continuation] in
            state.finished = true
            defer { state.subscribers = [:] }
            return Array(state.subscribers.values)
        }
        for continuation in all { continuation.finish() }
    }

    private func broadcast(_ event: Event, update: (inout State) -> Void) {
        let all = state.withLock { state -> [AsyncStream<Event>.Continuation] in
            update(&state)
            return Array(state.subscribers.values)
        }
        for continuation in all { continuation.yield(event) }
    }

    /// The `/__qanda/events` response: a stream that lasts until the browser goes away or the server stops.
    func response(for request: Request) -> Response {
        let headers: HTTPFields = [
            .contentType: "text/event-stream; charset=utf-8",
            .cacheControl: "no-cache",
        ]
        guard request.method == .get else {
            return Response(status: request.method == .head ? .ok : .methodNotAllowed, headers: headers)
        }
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            let (id, events) = self.subscribe()
            defer { self.unsubscribe(id) }
            try await writer.write(ByteBuffer(string: "retry: 1000\n\n"))
            try await withGracefulShutdownHandler {
                for await event in events {
                    try await writer.write(ByteBuffer(string: event.text))
                }
            } onGracefulShutdown: {
                self.unsubscribe(id)
            }
            try await writer.finish(nil)
        })
    }

    // MARK: The script in served pages

    /// Puts `script` before the last `</body>` (any case), or at the end when there is none.
    package static func inject(into html: [UInt8]) -> [UInt8] {
        let script = Array(Self.script.utf8)
        let needle = Array("</body".utf8)
        var index = html.count - needle.count
        while index >= 0 {
            var matches = true
            for offset in 0..<needle.count {
                var byte = html[index + offset]
                if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { byte += 32 }
                if byte != needle[offset] { matches = false; break }
            }
            if matches {
                var result = [UInt8]()
                result.reserveCapacity(html.count + script.count)
                result.append(contentsOf: html[..<index])
                result.append(contentsOf: script)
                result.append(contentsOf: html[index...])
                return result
            }
            index -= 1
        }
        return html + script
    }

    /// Reloads on `reload`; on `errors` shows a panel listing the errors (file:line: message), built with
    /// textContent only, so nothing in a message is ever read as HTML. The panel goes with the next good build
    /// (which reloads the page).
    package static let script = """
    <script data-qanda-serve>(function () {
      if (!window.EventSource) return;
      var seen = null, panel = null;
      var source = new EventSource("\(eventsPath)");
      function clear() { if (panel) { panel.remove(); panel = null; } }
      source.addEventListener("hello", function (e) {
        if (seen !== null && seen !== e.data) location.reload();
        seen = e.data;
      });
      source.addEventListener("reload", function () { clear(); location.reload(); });
      source.addEventListener("errors", function (e) {
        var report;
        try { report = JSON.parse(e.data); } catch (x) { return; }
        clear();
        panel = document.createElement("div");
        panel.id = "qanda-serve-errors";
        panel.setAttribute("role", "alert");
        panel.style.cssText = "position:fixed;left:0;right:0;top:0;max-height:70vh;overflow:auto;z-index:2147483647;" +
          "margin:0;padding:1rem 1.25rem;background:#1f1f1f;color:#f4f4f4;border-bottom:4px solid #e5484d;" +
          "font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;white-space:pre-wrap;text-align:left";
        var title = document.createElement("strong");
        title.textContent = "qanda serve: the site has " + report.errors + (report.errors === 1 ? " error" : " errors") +
          "; this page is the last good build.";
        panel.appendChild(title);
        (report.diagnostics || []).forEach(function (d) {
          if (d.severity !== "error") return;
          var line = document.createElement("div");
          line.textContent = (d.file || "(site)") + (d.line ? ":" + d.line : "") + ": " + d.message;
          panel.appendChild(line);
        });
        var close = document.createElement("button");
        close.type = "button";
        close.textContent = "Hide";
        close.style.cssText = "position:absolute;top:.75rem;right:1rem;font:inherit";
        close.onclick = clear;
        panel.appendChild(close);
        document.body.appendChild(panel);
      });
    })();</script>

    """
}

/// Keeps live-reload connections honest: a comment every 15 seconds, so connections whose browser went away
/// fail their next write and are dropped; at shutdown, ends every stream.
struct LiveReloadHeartbeat: Service {
    let liveReload: LiveReload
    var interval: Duration = .seconds(15)

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                liveReload.ping()
            }
        }
        liveReload.finishAll()
    }
}
