/// Fills the {placeholders} of vocabulary templates; {Topic} (capitalised) gives the value with a capital first letter.
struct Phrase {
    var topic: String
    var symptom: String
    var help: String
    var random: SplitMix64

    init(category: Vocabulary.Category, random: SplitMix64) {
        var random = random
        topic = random.pick(category.topics)
        symptom = random.pick(category.symptoms)
        help = random.pick(category.helps)
        self.random = random
    }

    mutating func fill(_ template: String, category: Vocabulary.Category) -> String {
        var result = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result += rest[..<open]
            let key = rest[rest.index(after: open)..<close]
            var value: String
            switch key.lowercased() {
            case "topic": value = topic
            case "symptom": value = symptom
            // Other parts of one text may name other helps; the thread's own topic stays the same throughout.
            case "help": value = random.percent(60) ? help : random.pick(category.helps)
            case "context": value = random.pick(Vocabulary.contexts)
            case "person": value = random.pick(Vocabulary.people)
            case "duration": value = random.pick(Vocabulary.durations)
            case "feeling": value = random.pick(Vocabulary.feelings)
            case "friend": value = random.pick(Vocabulary.friends)
            default: value = String(key)
            }
            if key.first?.isUppercase == true, let first = value.first { value = first.uppercased() + value.dropFirst() }
            result += value
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    /// "How do I cope with panic attacks at work?" -> "how-do-i-cope-with-panic-attacks-at-work": ASCII letters and
    /// digits joined by single hyphens, apostrophes dropped (English titles; other languages carry their slugs).
    static func slug(_ text: String) -> String {
        var result = ""
        var pendingHyphen = false
        for scalar in text.lowercased().unicodeScalars {
            if scalar.isASCII && (("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)) {
                if pendingHyphen && !result.isEmpty { result.append("-") }
                pendingHyphen = false
                result.unicodeScalars.append(scalar)
            } else if scalar != "'" && scalar != "\u{2019}" {
                pendingHyphen = true
            }
        }
        return result
    }
}
