/// Where each post's latest body revision is in PostHistory.xml: an offset and a length, read again when the post
/// is written. PostHistory.xml holds every revision of every post, often the dump's largest file; this keeps
/// 20 bytes or so per post, never the text.
struct PostHistoryIndex {
    struct Entry {
        var offset: Int64
        var length: UInt32
        /// When the revision was made, as a number that orders timestamps (`stamp(of:)`).
        var stamp: UInt32
    }

    private var entries: [Int32: Entry] = [:]

    /// PostHistoryTypeId of the revisions that hold a body: 2 Initial Body, 5 Edit Body, 8 Rollback Body
    /// (https://meta.stackexchange.com/a/2678).
    static let bodyRevisionTypes: Set<Int> = [2, 5, 8]

    var count: Int { entries.count }

    /// Keeps the revision if it is the post's latest so far (a later row wins a tie: rows are in revision order).
    mutating func note(post: Int32, offset: Int64, length: Int, stamp: UInt32) {
        guard length <= Int(UInt32.max) else { return }
        if let existing = entries[post], existing.stamp > stamp { return }
        entries[post] = Entry(offset: offset, length: UInt32(length), stamp: stamp)
    }

    subscript(post: Int32) -> Entry? { entries[post] }

    /// `2009-03-05T22:28:34.823` as a number that orders timestamps to the second (from 2000 to 2100); 0 when
    /// unreadable.
    static func stamp(of timestamp: String) -> UInt32 {
        let digits = timestamp.utf8.filter { $0 >= 0x30 && $0 <= 0x39 }.prefix(14).map { Int($0 - 0x30) }
        guard digits.count == 14 else { return 0 }
        func number(_ range: Range<Int>) -> Int { range.reduce(0) { $0 * 10 + digits[$1] } }
        let year = min(max(number(0..<4) - 2000, 0), 99)
        let value = (((((year * 12 + number(4..<6)) * 31 + number(6..<8)) * 24 + number(8..<10)) * 60 + number(10..<12)) * 60) + number(12..<14)
        return UInt32(clamping: value)
    }
}
