import Foundation
import Testing
@testable import QandaKit

/// EnglishStemmer against the reference: PyPI snowballstemmer's english stemmer (`scripts/setup.sh --test` installs
/// it), run once over every word of the repository's own text, generated words with English suffixes and the
/// algorithm's edge cases.
@Suite struct EnglishStemmerTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    @Test func matchesSnowballReference() throws {
        let words = try Self.repositoryWords().union(Self.generatedWords()).union(Self.edgeCases).sorted()
        #expect(words.count > 20_000, "only \(words.count) words collected")
        let expected = try Self.referenceStems(words)
        try #require(expected.count == words.count, "snowballstemmer answered \(expected.count) stems for \(words.count) words")
        let mismatches = zip(words, expected).filter { EnglishStemmer.stem($0.0) != $0.1 }
        let report = mismatches.prefix(20).map { "\($0.0): \(EnglishStemmer.stem($0.0)) (snowballstemmer: \($0.1))" }
        #expect(mismatches.isEmpty, "\(mismatches.count) of \(words.count) words stem differently:\n\(report.joined(separator: "\n"))")
    }

    /// Known stems from the algorithm's description, so a failure reads plainly even without the reference.
    @Test(arguments: [
        ("skis", "ski"), ("skies", "sky"), ("dying", "die"), ("lying", "lie"), ("tying", "tie"), ("news", "news"),
        ("gently", "gentl"), ("ugly", "ugli"), ("only", "onli"), ("atlas", "atlas"),
        ("generate", "generat"), ("communication", "communic"), ("arsenal", "arsenal"), ("pasted", "paste"),
        ("inning", "inning"), ("innings", "inning"), ("proceed", "proceed"), ("agreed", "agre"), ("feed", "feed"),
        ("hopping", "hop"), ("hoped", "hope"), ("caresses", "caress"), ("ties", "tie"), ("cries", "cri"),
        ("gas", "gas"), ("kiwis", "kiwi"), ("running", "run"), ("anxieties", "anxieti"), ("anxious", "anxious"),
        ("sayings", "say"), ("youth", "youth"), ("by", "by"), ("a", "a"), ("", ""),
    ])
    func knownStems(_ word: String, _ stem: String) {
        #expect(EnglishStemmer.stem(word) == stem)
    }

    // MARK: - The word list

    /// Every distinct lowercase ASCII word of README.md, Content/**/*.md and the corpus vocabulary.
    static func repositoryWords() throws -> Set<String> {
        var files = [repository.appendingPathComponent("README.md"),
                     repository.appendingPathComponent("Sources/QandaCorpus/Vocabulary.swift")]
        let content = repository.appendingPathComponent("Content")
        let enumerator = try #require(FileManager.default.enumerator(at: content, includingPropertiesForKeys: nil))
        for case let url as URL in enumerator where url.pathExtension == "md" { files.append(url) }
        var words = Set<String>()
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8).lowercased()
            for word in text.utf8.split(whereSeparator: { !(UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) }) {
                words.insert(String(decoding: word, as: UTF8.self))
            }
        }
        #expect(words.count > 1_000, "only \(words.count) words in the repository's text")
        return words
    }

    /// Every suffix the algorithm looks at, so each rule meets stems of many shapes.
    static let suffixes = [
        "s", "es", "sses", "ies", "ied", "us", "ss", "ed", "eed", "edly", "eedly", "ing", "ingly", "y", "ly",
        "tional", "ational", "enci", "anci", "abli", "entli", "izer", "ization", "ation", "ator", "alism", "aliti",
        "alli", "fulness", "ousli", "ousness", "iveness", "iviti", "biliti", "bli", "ogist", "ogi", "logi", "fulli",
        "lessli", "li", "alize", "icate", "iciti", "ical", "ful", "ness", "ative", "al", "ance", "ence", "er", "ic",
        "able", "ible", "ant", "ement", "ment", "ent", "ism", "ate", "iti", "ous", "ive", "ize", "ion", "sion", "tion",
        "e", "l", "ll", "ying", "at", "bl", "iz", "ings", "ations", "ities", "nesses", "ments",
    ]

    /// 30,000 words from a fixed seed: a stem of 1-7 letters, vowels and y frequent, plus one or two suffixes.
    static func generatedWords() -> Set<String> {
        var random = SeededNumbers(state: 0x5EED_0020)
        let letters = Array("aeiouyyybcdfghklmnprstvwxzqj".utf8)
        var words = Set<String>()
        for _ in 0..<30_000 {
            var word = (0..<(1 + random.below(7))).map { _ in letters[random.below(letters.count)] }
            word += suffixes[random.below(suffixes.count)].utf8
            if random.below(4) == 0 { word += suffixes[random.below(suffixes.count)].utf8 }
            words.insert(String(decoding: word, as: UTF8.self))
        }
        return words
    }

    static let edgeCases: Set<String> = [
        "skis", "skies", "sky", "dying", "lying", "tying", "vying", "idly", "gently", "ugly", "early", "only", "singly",
        "news", "howe", "atlas", "cosmos", "bias", "andes", "inning", "outing", "canning", "herring", "earring",
        "evening", "beginning", "proceed", "exceed", "succeed", "proceeding", "exceedingly", "generate", "general",
        "generous", "communication", "community", "communism", "arsenal", "arsenic", "past", "paste", "pasted",
        "pasting", "universe", "universal", "university", "later", "lateral", "emerge", "emergency", "organ",
        "organic", "organize", "intern", "international", "internment", "interfere", "interval", "youth", "yellow",
        "toy", "toys", "saying", "sayings", "enjoy", "enjoyed", "cry", "cried", "by", "bye", "ays", "yay", "ayyy",
        "yyy", "y", "ay", "a", "aa", "added", "erred", "odd", "ebbing", "hopping", "hoped", "feed", "agreed",
        "bleed", "bled", "gas", "this", "kiwis", "caresses", "ties", "cries", "geology", "biologist", "apology",
        "hopefully", "carelessly", "luxuriated", "anxiety", "anxieties", "anxious", "anxiously", "running", "runs",
    ]

    // MARK: - The reference

    /// snowballstemmer's stems of `words`, one line each, from one python3 run. The pure-Python class is named
    /// directly so that an installed PyStemmer (possibly an older revision of the algorithm) is never used instead.
    /// The words go through a file, not a pipe: a python3 that stops at the import would leave a writer to a
    /// closed pipe, and SIGPIPE would end the whole test run instead of failing this test.
    static func referenceStems(_ words: [String]) throws -> [String] {
        let script = """
            import sys
            try:
                import snowballstemmer
            except ImportError:
                sys.exit("snowballstemmer is not installed: run scripts/setup.sh --test (or python3 -m pip install snowballstemmer)")
            stemmer = snowballstemmer.EnglishStemmer()
            with open(sys.argv[1], encoding="utf-8") as file:
                words = file.read().split("\\n")
            sys.stdout.write("\\n".join(stemmer.stemWords(words)))
            """
        let wordFile = FileManager.default.temporaryDirectory.appendingPathComponent("qanda-stemmer-words-\(UUID().uuidString).txt")
        try words.joined(separator: "\n").write(to: wordFile, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: wordFile) }
        let run = try ToolRun.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script, wordFile.path])
        try #require(run.status == 0, "the reference stemmer (python3 with PyPI snowballstemmer) failed: \(run.errors)")
        return run.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
}

/// SplitMix64 from a fixed seed, so the generated words are the same on every run and machine.
private struct SeededNumbers {
    var state: UInt64

    mutating func below(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}
