import Synchronization

/// Counts finished items across threads and reports at most every 1/200th of the work.
package final class ProgressCounter: Sendable {
    private let done = Synchronization.Atomic<Int>(0)
    private let total: Int
    private let step: Int
    private let report: (@Sendable (Int, Int) -> Void)?

    package init(total: Int, report: (@Sendable (Int, Int) -> Void)?) {
        self.total = total
        self.step = max(1, total / 200)
        self.report = report
    }

    package func add(_ count: Int) {
        let now = done.add(count, ordering: .relaxed).newValue
        if let report, now % step == 0 || now == total { report(now, total) }
    }
}
