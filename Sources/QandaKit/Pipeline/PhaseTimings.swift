import Foundation

/// Where a command's wall time goes, printed on stderr when QANDA_TIMINGS is set (for `make bench` and
/// profiling); costs nothing otherwise.
package struct PhaseTimings: Sendable {
    private let enabled = ProcessInfo.processInfo.environment["QANDA_TIMINGS"] != nil
    private var last = ContinuousClock.now
    private var phases: [(String, Duration)] = []

    package init() {}

    /// Ends the phase that began at the last mark (or at init).
    package mutating func mark(_ phase: String) {
        guard enabled else { return }
        let now = ContinuousClock.now
        phases.append((phase, now - last))
        last = now
    }

    /// One line, `label (s): phase 0.123, …`.
    package func report(_ label: String) {
        guard enabled else { return }
        let text = phases.map { name, duration in
            let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
            return String(format: "%@ %.3f", name, seconds)
        }.joined(separator: ", ")
        FileHandle.standardError.write(Data("\(label) (s): \(text)\n".utf8))
    }
}
