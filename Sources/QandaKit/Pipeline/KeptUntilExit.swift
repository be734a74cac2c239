import Synchronization

/// Values a command no longer needs but does not free: releasing a loaded site string by string took about
/// 0.1 s at 10,000 questions (a tenth of a one-edit build), and the system reclaims a process's memory at once.
/// Only for what lives until the end of a command anyway; a long-running `qanda serve` never uses it.
package enum KeptUntilExit {
    private static let values = Mutex<[any Sendable]>([])

    package static func keep(_ value: any Sendable) {
        values.withLock { $0.append(value) }
    }
}
