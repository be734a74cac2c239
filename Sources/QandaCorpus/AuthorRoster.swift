/// Every author of a corpus, drawn once before the threads (a few thousand at most, so kept in memory): more
/// people for larger sites, so that author pages have realistic lengths at any size.
package struct AuthorRoster: Sendable {
    package let authors: [CorpusAuthor]
    package let clinicians: [CorpusAuthor]
    package let members: [CorpusAuthor]
    package let reviewers: [CorpusAuthor]

    package init(questions: Int, seed: UInt64) {
        let clinicianCount = min(max(questions / 40, 6), 400)
        let memberCount = min(max(questions / 12, 8), 3000)
        var ids = UniqueNames()
        var authors: [CorpusAuthor] = []
        for organization in Vocabulary.organizations {
            _ = ids.claim(organization.id)
            authors.append(CorpusAuthor(id: organization.id, kind: .organization, name: organization.name, bio: organization.bio))
        }
        for index in 0..<(clinicianCount + memberCount) {
            var random = SplitMix64(seed: seed, stream: 2, index: UInt64(index))
            authors.append(Self.person(index < clinicianCount ? .clinician : .member, random: &random, ids: &ids))
        }
        self.authors = authors
        clinicians = authors.filter { $0.kind == .clinician }
        members = authors.filter { $0.kind == .member }
        reviewers = authors.filter(\.reviews)
    }

    static func person(_ kind: CorpusAuthor.Kind, random: inout SplitMix64, ids: inout UniqueNames) -> CorpusAuthor {
        let given: String, family: String, name: String, baseID: String
        switch random.weighted([86, 8, 6]) {
        case 0:
            let first = random.pick(Vocabulary.givenNames), last = random.pick(Vocabulary.familyNames)
            (given, family, name, baseID) = (first.display, last.display, first.display + " " + last.display, first.ascii + "-" + last.ascii)
        case 1:
            let person = random.pick(Vocabulary.eastAsianNames)
            (given, family, name, baseID) = (person.given, person.family, person.family + person.given, person.id)
        default:
            let person = random.pick(Vocabulary.rightToLeftNames)
            (given, family, name, baseID) = (person.given, person.family, person.given + " " + person.family, person.id)
        }
        var author = CorpusAuthor(id: ids.claim(baseID), kind: kind, name: name, given: given, family: family, bio: "")
        let hobby = random.pick(Vocabulary.hobbies)
        if kind == .clinician {
            author.credentials = random.pick(Vocabulary.credentials)
            author.role = random.pick(Vocabulary.roles)
            if random.percent(70) { author.affiliation = random.pick(Vocabulary.affiliations) }
            author.reviewer = random.percent(35)
            if random.percent(40) { author.orcid = Self.orcid(random: &random) }
            if random.percent(50) { author.url = "https://therapists.example.org/\(author.id)" }
            if random.percent(4) { author.suffix = random.pick(Vocabulary.suffixes) }
            if random.percent(30) { author.photo = author.id + ".svg" }
            author.bio = "\(given) (*\(author.role ?? "clinician")*) has worked with adults and families for "
                + "\(random.int(3...30)) years. Outside the office, \(given) enjoys \(hobby).\n\n"
                + (random.percent(30) ? "Read the [editorial policy](/pages/editorial-policy/) for how answers are reviewed.\n" : "")
        } else {
            if random.percent(25) { author.role = random.pick(Vocabulary.communityRoles) }
            author.bio = random.percent(20) ? "" : "A member of the community. Likes \(hobby). 🌿\n"
        }
        return author
    }

    /// A random ORCID iD with its ISO 7064 11-2 check character, so that Qanda's checksum accepts it.
    static func orcid(random: inout SplitMix64) -> String {
        var digits = (0..<15).map { _ in random.below(10) }
        digits[0] = 0; digits[1] = 0; digits[2] = 0; digits[3] = random.pick([1, 2, 3])
        var total = 0
        for digit in digits { total = (total + digit) * 2 }
        let result = (12 - total % 11) % 11
        let check = result == 10 ? "X" : String(result)
        let text = digits.map(String.init).joined() + check
        var grouped = ""
        for (offset, character) in text.enumerated() {
            if offset > 0 && offset % 4 == 0 { grouped += "-" }
            grouped.append(character)
        }
        return grouped
    }

    /// A small portrait placeholder: initials on a coloured circle.
    package static func photo(for author: CorpusAuthor) -> String {
        let initials = String(author.given?.prefix(1) ?? "") + String(author.family?.prefix(1) ?? "")
        var hash: UInt32 = 2_166_136_261
        for byte in author.id.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return """
            <svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 96 96">
            <circle cx="48" cy="48" r="48" fill="hsl(\(hash % 360), 45%, 55%)"/>
            <text x="48" y="60" font-family="sans-serif" font-size="36" text-anchor="middle" fill="#fff">\(initials)</text>
            </svg>

            """
    }
}
