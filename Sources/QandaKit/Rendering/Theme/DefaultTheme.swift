/// The built-in theme, embedded in the binary so that `qanda` is one file to install. An editor overrides any
/// of these by putting a file of the same name in Templates/ (`question.mustache`, `qanda.css`).
public enum DefaultTheme {
    /// Template name (file name without .mustache) -> Mustache source.
    public static let templates: [String: String] = layouts.merging(partials) { a, _ in a }

    /// Files copied to the output as they are, by output name.
    public static let staticFiles: [String: String] = [Routes.stylesheet: stylesheet]

    /// Templates that render whole pages, by layout; each is a child of `base` through template inheritance.
    public static let layoutNames = ["home", "question", "list", "terms", "authors", "author", "page", "search", "404", "alias"]
}
