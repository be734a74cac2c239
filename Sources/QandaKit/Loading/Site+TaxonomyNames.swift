import Foundation

extension Site {
    /// Names in a language's `categories:`/`tags:` that no category or tag of the site has: errors at their line,
    /// with the closest name the site has.
    package func unknownTaxonomyNames(_ names: TaxonomyNames) -> [Diagnostic] {
        func check(_ given: [String: TaxonomyNames.Name], against list: [Taxonomy], what: String) -> [Diagnostic] {
            let slugs = Set(list.map(\.slug))
            return given.keys.sorted().filter { !slugs.contains($0) }.map { slug in
                let entry = given[slug]!
                let suggestion = Suggestion.closest(to: entry.written, in: list.map(\.name))
                return Diagnostic(.unknownKey, at: entry.location,
                                  message: "the site has no \(what) '\(entry.written)'" + (suggestion.map { " (did you mean '\($0)'?)" } ?? ""),
                                  hint: "write the \(what) as the questions' front matter names it")
            }
        }
        return check(names.categories, against: categories, what: "category") + check(names.tags, against: tags, what: "tag")
    }

    /// The site as a language names its categories and tags: same slugs and threads, the translated names shown
    /// and sorted by.
    package mutating func renameTaxonomies(_ names: TaxonomyNames) {
        guard !names.isEmpty else { return }
        func renamed(_ list: [Taxonomy], _ given: [String: TaxonomyNames.Name]) -> [Taxonomy] {
            list.map { item in
                var item = item
                if let entry = given[item.slug] { item.name = entry.name }
                return item
            }.sorted { a, b in
                let order = a.name.compare(b.name, options: [.caseInsensitive], locale: Locale(identifier: config.language))
                return order != .orderedSame ? order == .orderedAscending : a.slug < b.slug
            }
        }
        categories = renamed(categories, names.categories)
        tags = renamed(tags, names.tags)
        shownTaxonomyNames = names
    }

    /// A category as the pages name it: the language's name for it, or as the front matter writes it.
    package func shownCategoryName(_ written: String) -> String {
        shownTaxonomyNames.categories.isEmpty ? written : shownTaxonomyNames.categories[Slug.make(from: written)]?.name ?? written
    }

    /// A tag as the pages name it.
    package func shownTagName(_ written: String) -> String {
        shownTaxonomyNames.tags.isEmpty ? written : shownTaxonomyNames.tags[Slug.make(from: written)]?.name ?? written
    }
}
