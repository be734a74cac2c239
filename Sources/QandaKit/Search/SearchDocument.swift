/// One thread as the search index sees it: the weighted count of each of its terms, its weighted length, and
/// the entry a result shows (docs/SEARCH.md).
struct SearchDocument: Sendable {
    /// Each with its weighted count (capped at 255), in no particular order.
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
    static let excerptLength = 180

    /// - Parameter stems: the stems of words seen so far (shared between documents: stemming is most of the work).
    /// - Parameter dateText: the question's date as the site's language writes it.
    init(thread: QuestionThread, url: String, category: String?, tags: [String], dateText: String, stems: inout [String: String]) {
        // Words are counted as they come, each different one stemmed once at the end. A count is kept doubled,
        // its lowest bit saying whether the word is to be stemmed.
        var counts: [String: Int] = [:]
        var length = 0
        func add(_ text: String, weight: Int) {
            SearchTokenizer.forEachWord(in: text) { word, isEnglish in
                counts[word, default: isEnglish ? 1 : 0] += 2 * weight
                length += weight
            }
        }
        add(thread.title, weight: Weight.title)
        add(thread.question.plainText, weight: Weight.question)
        for (position, answer) in thread.answers.enumerated() {
            add(answer.plainText, weight: position == 0 ? Weight.bestAnswer : Weight.otherAnswer)
        }
        add(([category].compactMap { $0 } + tags).joined(separator: " "), weight: Weight.labels)
        var termCounts: [String: Int] = [:]
        for (word, count) in counts {
            termCounts[count & 1 == 1 ? SearchTokenizer.stem(word, stems: &stems) : word, default: 0] += count >> 1
        }
        terms = Array(termCounts.keys)
        frequencies = terms.map { UInt8(min(255, termCounts[$0]!)) }
        self.length = length
        entry = Self.entry([
            ("answer", .text(Self.excerpt(thread.answers.first?.plainText ?? ""))), ("answers", .number(thread.answers.count)),
            ("category", .text(category ?? "")), ("date", .text(thread.question.date.isoDay)),
            ("dateText", .text(dateText)), ("question", .text(Self.excerpt(thread.question.plainText))),
            ("title", .text(thread.title)), ("url", .text(url)),
        ])
        // The same terms and counts give the same sum in any order (a dictionary's order changes between runs).
        var sum: UInt64 = 0
        for (term, frequency) in zip(terms, frequencies) {
            var one = Fingerprint()
            one.add(term)
            one.add(Int(frequency))
            sum &+= one.value
        }
        var fingerprint = Fingerprint(entry)
        fingerprint.add(sum)
        fingerprint.add(length)
        self.fingerprint = fingerprint
    }

    enum Value {
        case text(String)
        case number(Int)
    }

    /// A JSON object of these fields, in this order (sorted, as JSONText writes objects).
    static func entry(_ fields: [(String, Value)]) -> [UInt8] {
        var bytes: [UInt8] = [UInt8(ascii: "{")]
        for (position, (key, value)) in fields.enumerated() {
            if position > 0 { bytes.append(UInt8(ascii: ",")) }
            JSONText.append(key, to: &bytes)
            bytes.append(UInt8(ascii: ":"))
            switch value {
            case .text(let text): JSONText.append(text, to: &bytes)
            case .number(let number): bytes += String(number).utf8
            }
        }
        bytes.append(UInt8(ascii: "}"))
        return bytes
    }

    /// The beginning of `text` (about `excerptLength` characters), spaces collapsed, cut at a space, with an
    /// ellipsis when there is more. Read as bytes: an answer may be 50 MB, and only its beginning is looked at.
    static func excerpt(_ text: String) -> String {
        var bytes: [UInt8] = []
        var lastSpace: Int?
        var characters = 0
        for byte in text.utf8 {
            let isSpace = byte == 0x20 || (0x09...0x0D).contains(byte)
            if isSpace {
                if bytes.isEmpty || bytes.last == 0x20 { continue }
                lastSpace = bytes.count
                bytes.append(0x20)
            } else {
                bytes.append(byte)
            }
            if byte & 0xC0 != 0x80 { characters += 1 }  // not a continuation byte: a new character
            if characters > excerptLength {
                // Cut at the last space, or (one long word) before the character that did not fit.
                var end = lastSpace ?? bytes.count - 1
                while lastSpace == nil && end > 0 && bytes[end] & 0xC0 == 0x80 { end -= 1 }
                return String(decoding: bytes[..<end], as: UTF8.self) + "…"
            }
        }
        if bytes.last == 0x20 { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }
}
