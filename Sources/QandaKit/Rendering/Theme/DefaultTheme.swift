/// The built-in theme, embedded in the binary so that `qanda` is one file to install. An editor overrides any
/// of these by putting a file of the same name in Templates/ (`question.mustache`, `qanda.css`).
public enum DefaultTheme {
    /// Template name (file name without .mustache) -> Mustache source.
    public static let templates: [String: String] = layouts.merging(partials) { a, _ in a }

    /// Files copied to the output as they are, by output name.
    public static let staticFiles: [String: String] = [Routes.stylesheet: stylesheet, Routes.favicon: favicon]

    /// A speech bubble with a question mark, in the theme's accent colour.
    static let favicon = #"""
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><path d="M4 4h24a2 2 0 0 1 2 2v16a2 2 0 0 1-2 2H13l-7 6v-6H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z" fill="#1f5f8b"/><text x="16" y="20" font-family="sans-serif" font-size="16" font-weight="700" text-anchor="middle" fill="#fff">?</text></svg>

    """#

    /// Templates that render whole pages, by layout; each is a child of `base` through template inheritance.
    public static let layoutNames = ["home", "question", "list", "terms", "authors", "author", "page", "search", "404", "alias"]
}
