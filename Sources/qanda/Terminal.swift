import Foundation
import QandaPlatform
import QandaKit
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
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

    static let standardOutput: Terminal = {
        let environment = ProcessInfo.processInfo.environment
        let tty = isatty(STDOUT_FILENO) == 1 && environment["CI"] == nil && environment["TERM"] != "dumb"
        return Terminal(descriptor: STDOUT_FILENO, isInteractive: tty, usesColor: tty && environment["NO_COLOR"] == nil)
    }()

    func write(_ text: String) { write([text]) }

    /// The texts one after the other, in writes of about a megabyte: one per text made a check's 100,000
    /// pieces 100,000 system calls.
    func write(_ texts: [String]) {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(min(1 << 20, texts.reduce(0) { $0 + $1.utf8.count }))
        for text in texts {
            buffer += text.utf8
            if buffer.count >= 1 << 20 { flush(&buffer) }
        }
        flush(&buffer)
    }

    private func flush(_ buffer: inout [UInt8]) {
        buffer.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {  // a pipe may take part of a write
                let written = SystemWrite.some(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 && errno == EINTR { continue }
                if written <= 0 { return }
                offset += written
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    func line(_ text: String) { write(text + "\n") }
}

/// A live "Rendering 4,000/10,000 pages (2,500/s)" line on a terminal, redrawn at most ten times a second;
/// nothing at all when the output is not a terminal.
final class ProgressLine: Sendable {
    private let terminal: Terminal
    private struct State {
        var phase: BuildProgress.Phase?
        var phaseStarted = ContinuousClock.now
        var lastDraw: ContinuousClock.Instant?
    }
    private let state = Mutex(State())

    init(terminal: Terminal) {
        self.terminal = terminal
    }

    @Sendable func update(_ progress: BuildProgress) {
        guard terminal.isInteractive else { return }
        let now = ContinuousClock.now
        let started: ContinuousClock.Instant? = state.withLock { state in
            if state.phase != progress.phase {
                state.phase = progress.phase
                state.phaseStarted = now
            } else if let last = state.lastDraw, now - last < .milliseconds(100), progress.done < progress.total {
                return nil
            }
            state.lastDraw = now
            return state.phaseStarted
        }
        guard let started else { return }
        let elapsed = now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let rate = seconds > 0 ? Int(Double(progress.done) / seconds) : 0
        terminal.write("\r\u{1B}[2K\(progress.phase.rawValue) \(Plural.grouped(progress.done))/\(Plural.grouped(progress.total)) "
                       + "\(progress.phase.unit) (\(Plural.grouped(rate))/s)")
    }

    func finish() {
        if terminal.isInteractive, state.withLock({ $0.lastDraw != nil }) { terminal.write("\r\u{1B}[2K") }
    }
}
