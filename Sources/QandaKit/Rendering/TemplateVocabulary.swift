import Foundation

/// The names each layout's context provides, derived from the context types: a layout's own names, those every
/// page has, and those of every piece its context can hold. A name added to a context type is known here at once.
enum TemplateVocabulary {
    /// The context type of every layout.
    static let layouts: [any PageContext.Type] = [
        HomeContext.self, QuestionContext.self, ListContext.self, TermsContext.self, AuthorsContext.self,
        AuthorContext.self, FreePageContext.self, AliasContext.self, SearchContext.self, NotFoundContext.self,
        WithdrawnContext.self,
    ]

    static let namesByLayout: [String: Set<String>] = Dictionary(uniqueKeysWithValues: layouts.map { ($0.layout, $0.pageVocabulary) })

    static let allNames: Set<String> = namesByLayout.values.reduce(into: Set<String>()) { $0.formUnion($1) }

    /// Unknown variables and partials in the editor's templates. Built-in templates are held to the same rule by tests.
    static func check(overrides: [String], sources: [String: String]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for name in overrides {
            guard let source = sources[name], let references = MustacheNames.references(in: source) else { continue }
            let file = "\(TemplateSet.folderName)/\(name).mustache"
            let known = namesByLayout[name] ?? allNames
            var reported: Set<String> = []
            for reference in references {
                switch reference.kind {
                case .partial where sources[reference.name] == nil:
                    diagnostics.append(Diagnostic(.unknownPartial, file: file, line: reference.line, column: reference.column,
                                                  message: "template '\(reference.name)' does not exist"
                                                      + (Suggestion.closest(to: reference.name, in: sources.keys.sorted()).map { " (did you mean '\($0)'?)" } ?? ""),
                                                  hint: "built-in templates: \(DefaultTheme.templates.keys.sorted().joined(separator: ", "))"))
                case .value where !known.contains(reference.name) && reported.insert(reference.name).inserted:
                    let suggestion = Suggestion.closest(to: reference.name, in: known.sorted())
                    let scope = namesByLayout[name] == nil ? "any page" : "the \(name) page"
                    diagnostics.append(Diagnostic(
                        .unknownTemplateVariable, file: file, line: reference.line, column: reference.column,
                        message: "'\(reference.name)' is not a value \(scope) has" + (suggestion.map { " (did you mean '\($0)'?)" } ?? ""),
                        hint: "it would print nothing; the README lists each page's values"))
                default:
                    break
                }
            }
        }
        return diagnostics
    }
}
