/// ORCID iDs: 16 characters in groups of four, the last a mod 11-2 check character (ISO 7064).
package enum ORCID {
    package static func isValid(_ text: String) -> Bool {
        var id = text
        for prefix in ["https://orcid.org/", "http://orcid.org/"] where id.hasPrefix(prefix) { id.removeFirst(prefix.count) }
        let characters = Array(id.replacingOccurrences(of: "-", with: ""))
        guard characters.count == 16, id.count == 19, characters.dropLast().allSatisfy(\.isASCIIDigit),
              id.split(separator: "-", omittingEmptySubsequences: false).map(\.count) == [4, 4, 4, 4] else { return false }
        var total = 0
        for character in characters.dropLast() { total = (total + Int(String(character))!) * 2 }
        let result = (12 - total % 11) % 11
        let expected: Character = result == 10 ? "X" : Character(String(result))
        return characters.last == expected
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
