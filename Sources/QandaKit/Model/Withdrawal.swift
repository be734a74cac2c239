/// `withdrawn: {date, reason}` on a thread or an answer: taken back by the editors. The page (or the answer's
/// place on it) then says when and why, and the content itself is published nowhere: no list, feed, sitemap,
/// search entry or citation.
package struct Withdrawal: Sendable, Equatable {
    package var date: ContentDate
    package var reason: String
}
