/// The Snowball "english" stemmer (Porter2), written here from the published description of the algorithm
/// (snowballstem.org/algorithms/english), current revision: the prefix list of R1 includes past, univers, later,
/// emerg, organ and inter, and Step 1b handles dying/lying, inning/outing and proceed/exceed/succeed itself.
/// It works on bytes of lowercase ASCII letters (what `SearchTokenizer` passes it); other bytes count as consonants.
/// Apostrophes are not handled: the tokenizer removes them first.
package struct EnglishStemmer {
    private var word: [UInt8]
    /// Start of the regions R1 and R2 (Porter2's p1, p2), as offsets from the start of the word.
    private var r1 = 0
    private var r2 = 0

    private init(_ word: [UInt8]) { self.word = word }

    package static func stem(_ word: String) -> String {
        String(decoding: stem(Array(word.utf8)), as: UTF8.self)
    }

    package static func stem(_ word: [UInt8]) -> [UInt8] {
        if let exception = exceptions[word] { return exception }
        guard word.count > 2 else { return word }
        var stemmer = EnglishStemmer(word)
        let foundY = stemmer.markConsonantY()
        stemmer.markRegions()
        stemmer.step1a()
        stemmer.step1b()
        stemmer.step1c()
        stemmer.step2()
        stemmer.step3()
        stemmer.step4()
        stemmer.step5()
        if foundY {
            for index in stemmer.word.indices where stemmer.word[index] == upperY { stemmer.word[index] = y }
        }
        return stemmer.word
    }

    // MARK: - Letters

    private static let y = UInt8(ascii: "y")
    private var y: UInt8 { Self.y }
    private static let upperY = UInt8(ascii: "Y")
    private var upperY: UInt8 { Self.upperY }

    /// a e i o u y; a 'y' marked consonant ('Y') is not one.
    private static func isVowel(_ letter: UInt8) -> Bool {
        switch letter {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"), UInt8(ascii: "y"): true
        default: false
        }
    }

    private func isVowel(at index: Int) -> Bool { Self.isVowel(word[index]) }

    /// A short syllable ends at `end`: consonant-vowel-consonant where the last is not w, x or Y; or a word of
    /// vowel-consonant only; or "past" (so pasted -> paste).
    private func isShortSyllable(endingAt end: Int) -> Bool {
        if end >= 3, !isVowel(at: end - 1), isVowel(at: end - 2), !isVowel(at: end - 3) {
            let last = word[end - 1]
            if last != UInt8(ascii: "w"), last != UInt8(ascii: "x"), last != upperY { return true }
        }
        if end == 2, !isVowel(at: 1), isVowel(at: 0) { return true }
        return hasSuffix("past", endingAt: end)
    }

    // MARK: - Prelude and regions

    /// Marks as 'Y' a y that starts the word or follows a vowel, so that it counts as a consonant.
    private mutating func markConsonantY() -> Bool {
        var found = false
        if word[0] == y { word[0] = upperY; found = true }
        var index = 0
        while index + 1 < word.count {
            if isVowel(at: index) && word[index + 1] == y {
                word[index + 1] = upperY
                found = true
                index += 2
            } else {
                index += 1
            }
        }
        return found
    }

    /// Words whose R1 begins after a known prefix, so that generate, communism or university keep it.
    private static let regionPrefixes: [[UInt8]] = ["gener", "commun", "arsen", "past", "univers", "later", "emerg", "organ", "inter"].map { Array($0.utf8) }

    private mutating func markRegions() {
        if let prefix = Self.regionPrefixes.first(where: { word.starts(with: $0) }) {
            r1 = prefix.count
        } else {
            r1 = regionStart(after: 0)
        }
        r2 = regionStart(after: r1)
    }

    /// The position just after the first non-vowel that follows a vowel, looking from `start`; the word's end if none.
    private func regionStart(after start: Int) -> Int {
        var index = start
        while index < word.count && !isVowel(at: index) { index += 1 }
        while index < word.count && isVowel(at: index) { index += 1 }
        return min(index + 1, word.count)
    }

    // MARK: - Suffixes

    private func hasSuffix(_ suffix: String, endingAt end: Int) -> Bool {
        let bytes = suffix.utf8
        guard bytes.count <= end else { return false }
        return word[(end - bytes.count)..<end].elementsEqual(bytes)
    }

    private func hasSuffix(_ suffix: String) -> Bool { hasSuffix(suffix, endingAt: word.count) }

    /// Suffixes with their bytes ready, so matching does not walk Strings for every word.
    private typealias SuffixList = [(name: String, bytes: [UInt8])]

    private static func suffixList(_ names: some Sequence<String>) -> SuffixList { names.map { ($0, Array($0.utf8)) } }

    /// The longest of `suffixes` the word ends with, as Snowball's `among` picks it: later rules see only that one.
    private func longestSuffix(of suffixes: SuffixList) -> String? {
        var best: String?
        var bestLength = -1
        for suffix in suffixes where suffix.bytes.count > bestLength && suffix.bytes.count <= word.count
            && word[(word.count - suffix.bytes.count)...].elementsEqual(suffix.bytes) {
            best = suffix.name
            bestLength = suffix.bytes.count
        }
        return best
    }

    /// The longest of `suffixes`, and where it starts, when it starts inside the region beginning at `region` (R1
    /// or R2): steps 2 to 4 remove or replace only such a suffix.
    private func longestSuffix(of suffixes: SuffixList, inRegion region: Int) -> (suffix: String, start: Int)? {
        guard let suffix = longestSuffix(of: suffixes) else { return nil }
        let start = word.count - suffix.utf8.count
        return start >= region ? (suffix, start) : nil
    }

    private mutating func replaceSuffix(_ length: Int, with replacement: String) {
        word.removeLast(length)
        word.append(contentsOf: replacement.utf8)
    }

    // MARK: - Steps

    private static let step1aSuffixes = suffixList(["sses", "ied", "ies", "s", "us", "ss"])

    private mutating func step1a() {
        guard let suffix = longestSuffix(of: Self.step1aSuffixes) else { return }
        let start = word.count - suffix.utf8.count
        switch suffix {
        case "sses": replaceSuffix(4, with: "ss")
        case "ied", "ies": replaceSuffix(3, with: start > 1 ? "i" : "ie")  // ties -> tie, cries -> cri
        case "s":
            // Delete the s when the part before the letter preceding it has a vowel: gas, this stay; kiwis -> kiwi.
            if start >= 2 && (0..<(start - 1)).contains(where: isVowel(at:)) { word.removeLast() }
        default: break  // us, ss
        }
    }

    private static let step1bSuffixes = suffixList(["eed", "eedly", "ed", "edly", "ing", "ingly"])

    private mutating func step1b() {
        guard let suffix = longestSuffix(of: Self.step1bSuffixes) else { return }
        let start = word.count - suffix.utf8.count
        switch suffix {
        case "eed", "eedly":
            guard start >= r1 else { return }
            let stemPart = word[..<start]
            if stemPart.elementsEqual("proc".utf8) || stemPart.elementsEqual("exc".utf8) || stemPart.elementsEqual("succ".utf8) { return }
            replaceSuffix(suffix.utf8.count, with: "ee")
            return
        case "ing":
            // dying -> die, lying -> lie; inning, outing, canning, herring, earring and evening stay.
            if start == 2 && word[1] == y && !isVowel(at: 0) {
                replaceSuffix(4, with: "ie")
                return
            }
            for whole in ["inn", "out", "cann", "herr", "earr", "even"] where start == whole.utf8.count && hasSuffix(whole, endingAt: start) {
                return
            }
        default: break
        }
        guard (0..<start).contains(where: isVowel(at:)) else { return }
        word.removeLast(suffix.utf8.count)
        if hasSuffix("at") || hasSuffix("bl") || hasSuffix("iz") {
            word.append(UInt8(ascii: "e"))  // luxuriated -> luxuriate
        } else if let last = word.last, word.count >= 2, word[word.count - 2] == last,
                  "bdfgmnprt".utf8.contains(last) {
            // hopping -> hop; but a word that is only a, e or o and the double stays: added -> add.
            let isWholeWordAEO = word.count == 3 && "aeo".utf8.contains(word[0])
            if !isWholeWordAEO { word.removeLast() }
        } else if word.count == r1 && isShortSyllable(endingAt: word.count) {
            word.append(UInt8(ascii: "e"))  // hoped -> hope
        }
    }

    private mutating func step1c() {
        guard word.count > 2, let last = word.last, last == y || last == upperY, !isVowel(at: word.count - 2) else { return }
        word[word.count - 1] = UInt8(ascii: "i")
    }

    private static let step2Rules: [String: String] = [
        "tional": "tion", "enci": "ence", "anci": "ance", "abli": "able", "entli": "ent",
        "izer": "ize", "ization": "ize", "ational": "ate", "ation": "ate", "ator": "ate",
        "alism": "al", "aliti": "al", "alli": "al", "fulness": "ful", "ousli": "ous", "ousness": "ous",
        "iveness": "ive", "iviti": "ive", "biliti": "ble", "bli": "ble", "ogist": "og", "ogi": "og",
        "fulli": "ful", "lessli": "less", "li": "",
    ]
    private static let step2Suffixes = suffixList(step2Rules.keys)

    private mutating func step2() {
        guard let (suffix, start) = longestSuffix(of: Self.step2Suffixes, inRegion: r1) else { return }
        switch suffix {
        case "ogi": guard start > 0 && word[start - 1] == UInt8(ascii: "l") else { return }
        case "li": guard start > 0 && "cdeghkmnrt".utf8.contains(word[start - 1]) else { return }
        default: break
        }
        replaceSuffix(suffix.utf8.count, with: Self.step2Rules[suffix]!)
    }

    private static let step3Rules: [String: String] = [
        "tional": "tion", "ational": "ate", "alize": "al", "icate": "ic", "iciti": "ic", "ical": "ic",
        "ful": "", "ness": "", "ative": "",
    ]
    private static let step3Suffixes = suffixList(step3Rules.keys)

    private mutating func step3() {
        guard let (suffix, start) = longestSuffix(of: Self.step3Suffixes, inRegion: r1) else { return }
        if suffix == "ative" && start < r2 { return }
        replaceSuffix(suffix.utf8.count, with: Self.step3Rules[suffix]!)
    }

    private static let step4Suffixes = suffixList(["al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment",
                                                   "ent", "ism", "ate", "iti", "ous", "ive", "ize", "ion"])

    private mutating func step4() {
        guard let (suffix, start) = longestSuffix(of: Self.step4Suffixes, inRegion: r2) else { return }
        if suffix == "ion" {
            guard start > 0, word[start - 1] == UInt8(ascii: "s") || word[start - 1] == UInt8(ascii: "t") else { return }
        }
        word.removeLast(suffix.utf8.count)
    }

    private mutating func step5() {
        guard let last = word.last else { return }
        let start = word.count - 1
        if last == UInt8(ascii: "e") {
            if start >= r2 || (start >= r1 && !isShortSyllable(endingAt: start)) { word.removeLast() }
        } else if last == UInt8(ascii: "l") {
            if start >= r2 && start > 0 && word[start - 1] == UInt8(ascii: "l") { word.removeLast() }
        }
    }

    // MARK: - Exceptions

    /// Whole words with a fixed stem, checked before any step.
    private static let exceptions: [[UInt8]: [UInt8]] = {
        let pairs = [
            ("skis", "ski"), ("skies", "sky"),
            ("idly", "idl"), ("gently", "gentl"), ("ugly", "ugli"), ("early", "earli"), ("only", "onli"), ("singly", "singl"),
            ("sky", "sky"), ("news", "news"), ("howe", "howe"),
            ("atlas", "atlas"), ("cosmos", "cosmos"), ("bias", "bias"), ("andes", "andes"),
        ]
        return Dictionary(uniqueKeysWithValues: pairs.map { (Array($0.0.utf8), Array($0.1.utf8)) })
    }()
}
