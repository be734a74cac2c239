import Mustache

/// A typed piece of what a template sees. Its names are the cases of `Name` (snake_case, as templates write
/// them) and `value(of:)` answers each one in an exhaustive switch, so a name cannot be added without its value;
/// the vocabulary `unknown-template-variable` checks is derived from the same cases.
package protocol TemplateObject: MustacheParent, Sendable {
    associatedtype Name: RawRepresentable<String>, CaseIterable
    /// A name's value. An optional that is absent is `TemplateAbsent` (`orAbsent`), never nil: nil would let
    /// swift-mustache look the name up in the enclosing objects.
    func value(of name: Name) -> Any
    /// The kinds of object this one holds, nested or in lists: templates use their names inside its sections.
    static var parts: [any TemplateObject.Type] { get }
}

extension TemplateObject {
    package func child(named name: String) -> Any? { Name(rawValue: name).map(value(of:)) }

    package static var parts: [any TemplateObject.Type] { [] }

    /// The names this object answers.
    static var ownNames: [String] { Name.allCases.map(\.rawValue) }

    /// Every name a template can use in this object or inside its sections.
    static var vocabulary: Set<String> {
        parts.reduce(into: Set(ownNames)) { $0.formUnion($1.vocabulary) }
    }
}

/// What a template sees for a value a page does not have: false in a section (`{{#votes}}` hides, `{{^votes}}`
/// shows) and nothing when printed. Unlike a name the object lacks, it ends the lookup: an answer without votes
/// does not show the votes of the question around it.
struct TemplateAbsent: MustacheCustomRenderable {
    var renderText: String { "" }
    var isNull: Bool { true }
}

extension Optional {
    /// The value a template sees: the wrapped value, or `TemplateAbsent`.
    var orAbsent: Any {
        if let self { self } else { TemplateAbsent() }
    }
}
