/// How a forum author's points are earned (qanda.yml `points:`), from what the content says: each answer in a
/// `forum-post` thread earns `answer`, each vote on it `vote` (a negative vote count takes points away) and an
/// accepted answer `accepted` more. The default is Stack Exchange's published rule: 10 a vote, 15 an acceptance.
/// Totals never go below zero, and arithmetic saturates instead of overflowing, whatever the numbers.
public struct PointsRule: Sendable, Equatable {
    public var answer: Int
    public var vote: Int
    public var accepted: Int

    public init(answer: Int = 0, vote: Int = 10, accepted: Int = 15) {
        self.answer = answer
        self.vote = vote
        self.accepted = accepted
    }

    /// The points one answer earns.
    func points(votes: Int?, isAccepted: Bool) -> Int {
        var total = answer
        total = Self.adding(total, Self.multiplying(votes ?? 0, vote))
        if isAccepted { total = Self.adding(total, accepted) }
        return total
    }

    static func adding(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? (b > 0 ? Int.max : Int.min) : sum
    }

    static func multiplying(_ a: Int, _ b: Int) -> Int {
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? ((a < 0) == (b < 0) ? Int.max : Int.min) : product
    }
}
