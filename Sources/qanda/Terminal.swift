import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Standard error as the user sees it: a terminal gets colour and a live progress line; a pipe, a log or CI
/// (CI set) gets plain lines only.
struct Terminal: Sendable {
    let descriptor: Int32
    let isInteractive: Bool
    let usesColor: Bool

    static let standardError: Terminal = {
        let environment = ProcessInfo.processInfo.environment
        let tty = isatty(STDERR_FILENO) == 1 && environment["CI"] == nil && environment["TERM"] != "dumb"
        return Terminal(descriptor: STDERR_FILENO, isInteractive: tty, usesColor: tty && environment["NO_COLOR"] == nil)
    }()

    func write(_ text: String) {
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBytes { _ = Glibc.write(descriptor, $0.baseAddress, $0.count) }
    }

    func line(_ text: String) { write(text + "\n") }
}

/// A live "Rendering 4,000/10,000 pages (2,500/s)" line on a terminal, redrawn at most ten times a second;
/// nothing at all when the output is not a terminal.
final class ProgressLine: Sendable {
    private let terminal: Terminal
    private let label: String
    private let started = ContinuousClock.now
    private let lastDraw = Mutex<ContinuousClock.Instant?>(nil)

    init(terminal: Terminal, label: String) {
        self.terminal = terminal
        self.label = label
    }

    func update(done: Int, total: Int) {
        guard terminal.isInteractive else { return }
        let now = ContinuousClock.now
        let shouldDraw = lastDraw.withLock { last -> Bool in
            if let last, now - last < .milliseconds(100), done < total { return false }
            last = now
            return true
        }
        guard shouldDraw else { return }
        let elapsed = Double((now - started).components.seconds) + Double((now - started).components.attoseconds) / 1e18
        let rate = elapsed > 0 ? Int(Double(done) / elapsed) : 0
        terminal.write("\r\u{1B}[2K\(label) \(done)/\(total) pages (\(rate)/s)")
    }

    func finish() {
        if terminal.isInteractive, lastDraw.withLock({ $0 != nil }) { terminal.write("\r\u{1B}[2K") }
    }
}
