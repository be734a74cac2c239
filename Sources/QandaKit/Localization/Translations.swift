/// What templates see as `t`: every translated string without placeholders, by its key (`{{t.latest_questions}}`,
/// `{{t.cite_this_page}}`). Made once per build and language (a class, so that every page holds it without
/// copying it).
final class Translations: TemplateObject {
    private let texts: [TextKey: String]
    /// The same by key name: templates look strings up by name, on every page, and a String enum's
    /// `init(rawValue:)` compares the name with each case in turn.
    private let byName: [String: String]

    init(texts: [TextKey: String]) {
        self.texts = texts
        byName = Dictionary(uniqueKeysWithValues: texts.map { ($0.key.rawValue, $0.value) })
    }

    func text(_ key: TextKey) -> String { texts[key] ?? "" }

    typealias Name = TextKey

    func value(of name: TextKey) -> Any { text(name) }

    func child(named name: String) -> Any? { byName[name] }
}
