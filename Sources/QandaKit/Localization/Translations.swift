/// What templates see as `t`: every translated string without placeholders, by its key (`{{t.latest_questions}}`,
/// `{{t.cite_this_page}}`). Made once per build and language (a class, so that every page holds it without
/// copying it).
final class Translations: TemplateObject {
    private let texts: [TextKey: String]

    init(texts: [TextKey: String]) {
        self.texts = texts
    }

    func text(_ key: TextKey) -> String { texts[key] ?? "" }

    typealias Name = TextKey

    func value(of name: TextKey) -> Any { text(name) }
}
