extension ContextBuilder {
    /// How many related questions a page shows, and how far around a thread each list is searched for them:
    /// a window keeps the work per page constant however large a category or tag grows.
    static let relatedCount = 5
    static let relatedWindow = 60

    /// Questions sharing the category and tags, best first: two points per shared tag, one for the category,
    /// then the nearer in time.
    func related(to index: Int) -> [Int] {
        var scores: [Int: Int] = [:]
        scores.reserveCapacity(2 * Self.relatedWindow * (1 + site.threadTags[index].count))
        func visit(_ list: [Int], points: Int) {
            let position = Self.position(of: index, in: list)
            let window = list[max(0, position - Self.relatedWindow)..<min(list.count, position + Self.relatedWindow)]
            for other in window where other != index { scores[other, default: 0] += points }
        }
        if let category = site.threadCategory[index] { visit(site.categories[category].threadIndexes, points: 1) }
        for tag in site.threadTags[index] { visit(site.tags[tag].threadIndexes, points: 2) }
        // The best few kept in order as the scores go by: sorting every candidate was most of this function.
        func isBetter(_ a: (key: Int, value: Int), than b: (key: Int, value: Int)) -> Bool {
            a.value != b.value ? a.value > b.value : abs(a.key - index) != abs(b.key - index) ? abs(a.key - index) < abs(b.key - index) : a.key < b.key
        }
        var best: [(key: Int, value: Int)] = []
        best.reserveCapacity(Self.relatedCount + 1)
        for candidate in scores where best.count < Self.relatedCount || isBetter(candidate, than: best[best.count - 1]) {
            best.insert(candidate, at: best.firstIndex { isBetter(candidate, than: $0) } ?? best.count)
            if best.count > Self.relatedCount { best.removeLast() }
        }
        return best.map(\.key)
    }

    /// The newer and older neighbours of a thread in its category (lists are newest first).
    func neighbours(of index: Int) -> (newer: Int?, older: Int?) {
        guard let category = site.threadCategory[index] else { return (nil, nil) }
        let list = site.categories[category].threadIndexes
        let position = Self.position(of: index, in: list)
        guard position < list.count, list[position] == index else { return (nil, nil) }
        return (position > 0 ? list[position - 1] : nil, position + 1 < list.count ? list[position + 1] : nil)
    }

    /// Where `index` is (or would be) in an ascending list of thread indexes.
    static func position(of index: Int, in list: [Int]) -> Int {
        var low = 0, high = list.count
        while low < high {
            let middle = (low + high) / 2
            if list[middle] < index { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
