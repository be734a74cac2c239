extension String {
    /// Without leading and trailing white space and line breaks: what `trimmingCharacters(in:
    /// .whitespacesAndNewlines)` gives (the same Unicode White_Space set), without its detour through NSString on
    /// Linux, which was 4% of a build. Text with nothing to trim is returned without being scanned.
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return "" }
        if !first.properties.isWhitespace && !last.properties.isWhitespace { return String(self) }
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(String.UnicodeScalarView(scalars[start...end]))
    }
}
