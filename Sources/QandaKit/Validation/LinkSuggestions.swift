/// "Did you mean" for a link or image that reaches nothing. A missing file is offered files of similar names
/// from where it could be (the thread's folder, Content/assets/, Content/static/), never a page; a missing page
/// is offered pages of its section whose names are a few edits away or begin with what was written
/// (`/questions/panic/` → `/questions/panic-attack-in-the-grocery-store/`). Made only when some link is broken.
struct LinkSuggestions: Sendable {
    static let maximum = 3

    let site: Site
    /// Per section of the site ("questions", "authors", …), its page names, sorted.
    private let sections: [String: [String]]
    private let threadIndex: [String: Int]
    /// Page routes and top-level files, with a leading slash, sorted: what a link outside the sections may offer.
    private let routes: [String]

    init(site: Site, outline: SiteOutline) {
        self.site = site
        sections = [
            "questions": site.threads.map(\.slug).sorted(),
            "authors": site.authors.map(\.id).sorted(),
            "pages": site.pages.map(\.slug).sorted(),
            "categories": site.categories.map(\.slug).sorted(),
            "tags": site.tags.map(\.slug).sorted(),
        ]
        threadIndex = Dictionary(site.threads.enumerated().map { ($1.slug, $0) }, uniquingKeysWith: { first, _ in first })
        routes = outline.pathsInAnyOrder.filter { $0.hasSuffix("/") || !$0.utf8.contains(UInt8(ascii: "/")) }.sorted().map { "/" + $0 }
    }

    /// Pages for a link that meant a page, as site paths ("/questions/x/").
    func pages(near target: String) -> [String] {
        let segments = target.split(separator: "/").map(String.init)
        guard let first = segments.first else { return [] }
        if segments.count >= 2, let names = sections[first] {
            // The page exists, and what follows its name does not (`/questions/x/page/9/`, `/questions/x/y/`).
            if Self.contains(segments[1], in: names) { return ["/\(first)/\(segments[1])/"] }
            let near = Self.near(segments[1], in: names)
            if !near.isEmpty { return near.map { "/\(first)/\($0)/" } }
        }
        // A page named without its section: /about/ for /pages/about/.
        let last = segments.last!.lowercased()
        let named = sections.keys.sorted().filter { section in
            section != first && Self.contains(last, in: sections[section]!)
        }
        if !named.isEmpty { return named.prefix(Self.maximum).map { "/\($0)/\(last)/" } }
        return Self.near("/" + target, in: routes, prefixes: false)
    }

    /// Files for a link that meant a file (an image, `worksheet.pdf`), as the link should be written.
    /// - Parameters:
    ///   - origin: where the link is written; its own folder's files are offered first.
    ///   - relative: the link was written relative to its page, so a file of its own folder is named alone.
    func files(near target: String, origin: LinkRules.Origin?, relative: Bool) -> [String] {
        let name = String(target.split(separator: "/").last ?? "")
        guard !name.isEmpty else { return [] }
        var candidates: [(name: String, reference: String)] = []
        // A link into another thread's folder means that folder's files.
        let segments = target.split(separator: "/")
        var folderThread: Int?
        if case .thread(let index) = origin { folderThread = index }
        if segments.count >= 3, segments[0] == "questions", let index = threadIndex[String(segments[1])] { folderThread = index }
        if let index = folderThread {
            let thread = site.threads[index]
            let own = origin == .thread(index) && relative
            candidates += thread.attachments.map { file in
                (Self.lastSegment(file), own ? file : "/" + Routes.attachment(thread: thread.slug, file: file))
            }
        }
        if case .author(let index) = origin, let photo = site.authors[index].photo {
            candidates.append((photo, relative ? photo : "/" + Routes.authorPhoto(site.authors[index].id, file: photo)))
        }
        candidates += site.assets.map { (Self.lastSegment($0), "/" + Routes.asset($0)) }
        candidates += site.rootFiles.map { (Self.lastSegment($0.path), "/" + $0.path) }
        let ranked = candidates.compactMap { candidate in
            Self.fileNameScore(name, candidate.name).map { ($0, candidate.reference) }
        }
        var seen: Set<String> = []
        return ranked.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }.map(\.1).filter { seen.insert($0).inserted }
            .prefix(Self.maximum).map { $0 }
    }

    /// How near a file name is to the one a link wrote, lower is nearer; nil when it is not near at all. The same
    /// name elsewhere first, then the same name with another extension, then a few edits, then one name begun
    /// by the other (`chart.png`, `chart-2024.png`).
    static func fileNameScore(_ wanted: String, _ candidate: String) -> Int? {
        let wanted = wanted.lowercased(), candidate = candidate.lowercased()
        if wanted == candidate { return 0 }
        let (wantedStem, candidateStem) = (stem(wanted), stem(candidate))
        if wantedStem == candidateStem { return 1 }
        if let distance = distance(Array(wanted.utf8), Array(candidate.utf8), limit: limit(for: wanted)) { return 1 + distance }
        let shorter = min(wantedStem.count, candidateStem.count)
        if shorter >= 3, candidateStem.hasPrefix(wantedStem) || wantedStem.hasPrefix(candidateStem) {
            return 100 + abs(wantedStem.count - candidateStem.count)
        }
        return nil
    }

    /// Up to `maximum` of `sortedNames` near `word`: those a few edits away (fewest first), then, when
    /// `prefixes`, those that begin with it (a whole word of the name first, then the shortest).
    static func near(_ word: String, in sortedNames: [String], prefixes: Bool = true) -> [String] {
        let lowered = word.lowercased()
        let bytes = Array(lowered.utf8)
        let limit = limit(for: lowered)
        var close: [(distance: Int, name: String)] = []
        for name in sortedNames where name != word && abs(name.utf8.count - bytes.count) <= limit {
            if let distance = distance(bytes, Array(name.lowercased().utf8), limit: limit) { close.append((distance, name)) }
        }
        close.sort { $0.distance != $1.distance ? $0.distance < $1.distance : $0.name < $1.name }
        var result = close.prefix(maximum).map(\.name)
        guard prefixes, result.count < maximum, bytes.count >= 2 else { return result }
        var longer: [String] = []
        var position = lowerBound(of: lowered, in: sortedNames)
        while position < sortedNames.count, sortedNames[position].hasPrefix(lowered) {
            if sortedNames[position] != lowered { longer.append(sortedNames[position]) }
            position += 1
        }
        let boundaries: Set<UInt8> = [UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: ".")]
        func atWord(_ name: String) -> Bool {
            let rest = name.utf8.dropFirst(bytes.count)
            return rest.first.map(boundaries.contains) ?? false
        }
        longer.sort { a, b in
            if atWord(a) != atWord(b) { return atWord(a) }
            return a.utf8.count != b.utf8.count ? a.utf8.count < b.utf8.count : a < b
        }
        for name in longer where result.count < maximum && !result.contains(name) { result.append(name) }
        return result
    }

    /// As many edits as "did you mean" allows everywhere (`Suggestion.closest`).
    static func limit(for word: String) -> Int { max(2, word.count / 3) }

    static func contains(_ name: String, in sortedNames: [String]) -> Bool {
        let position = lowerBound(of: name, in: sortedNames)
        return position < sortedNames.count && sortedNames[position] == name
    }

    static func lowerBound(of name: String, in sortedNames: [String]) -> Int {
        var (low, high) = (0, sortedNames.count)
        while low < high {
            let middle = (low + high) / 2
            if sortedNames[middle] < name { low = middle + 1 } else { high = middle }
        }
        return low
    }

    static func lastSegment(_ path: String) -> String { String(path.split(separator: "/").last ?? Substring(path)) }

    static func stem(_ name: String) -> Substring {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return Substring(name) }
        return name[..<dot]
    }

    /// The edits between two byte strings (insert, delete, replace, or swap two neighbours), or nil as soon as it
    /// is sure to exceed `limit`: most names of a large site are given up after a few rows.
    static func distance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int? {
        guard abs(a.count - b.count) <= limit else { return nil }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { value = min(value, beforePrevious[j - 2] + 1) }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            // Every later value is one more than a value of this row or of the one before, whose smallest is then at
            // least the limit: nothing later comes back under it.
            if rowMinimum > limit { return nil }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }
}
