/// One thread as the search index sees it: the weighted count of each of its terms, its weighted length, and
/// the entry a result shows (docs/SEARCH.md).
struct SearchDocument: Sendable {
    /// In UTF-16 order, each with its weighted count (capped at 255).
    let terms: [String]
    let frequencies: [UInt8]
    /// The weighted number of words.
    let length: Int
    /// The docs-file entry: a JSON object.
    let entry: [UInt8]
    /// Of everything above: a document that changed gets a new id (docs files never change under one name).
    let fingerprint: Fingerprint

    /// How much a word counts where it appears: a reader remembers a question by its title first.
    enum Weight {
        static let title = 10, question = 2, bestAnswer = 2, otherAnswer = 1, labels = 1
    }

    /// How much of the question and of the best answer a result can quote.
    static let excerptLength = 240

    /// - Parameter stems: the stems of words seen so far (shared between documents: stemming is most of the work).
    init(thread: Thread, url: String, category: String?, tags: [String], stems: inout [String: String]) {
        var counts: [String: Int] = [:]
        var length = 0
        func add(_ text: String, weight: Int) {
            SearchTokenizer.forEachTerm(in: text, stems: &stems) { term in
                counts[term, default: 0] += weight
                length += weight
            }
        }
        add(thread.title, weight: Weight.title)
        add(thread.question.plainText, weight: Weight.question)
        for (position, answer) in thread.answers.enumerated() {
            add(answer.plainText, weight: position == 0 ? Weight.bestAnswer : Weight.otherAnswer)
        }
        add(([category].compactMap { $0 } + tags).joined(separator: " "), weight: Weight.labels)
        terms = counts.keys.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) }
        frequencies = terms.map { UInt8(min(255, counts[$0]!)) }
        self.length = length
        let fields: [String: Any] = [
            "url": url, "title": thread.title, "category": category ?? "", "date": thread.question.date.isoDay,
            "dateText": thread.question.date.longText, "answers": thread.answers.count,
            "question": Self.excerpt(thread.question.plainText), "answer": Self.excerpt(thread.answers.first?.plainText ?? ""),
        ]
        entry = Array(JSONText.serialize(fields).utf8)
        var fingerprint = Fingerprint(entry)
        for (term, frequency) in zip(terms, frequencies) {
            fingerprint.add(term)
            fingerprint.add(Int(frequency))
        }
        fingerprint.add(length)
        self.fingerprint = fingerprint
    }

    /// The beginning of `text`, cut at a space, with an ellipsis when there is more.
    static func excerpt(_ text: String) -> String {
        // Only the beginning is looked at: an answer may be 50 MB.
        let words = text.prefix(excerptLength * 2).split(whereSeparator: \.isWhitespace)
        var result = "", count = 0
        for word in words {
            if count + word.count + 1 > excerptLength {
                if result.isEmpty { result = String(word.prefix(excerptLength)) }
                return result + "…"
            }
            if !result.isEmpty { result += " " }
            result += word
            count += word.count + 1
        }
        return result
    }
}
