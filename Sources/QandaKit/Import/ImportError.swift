/// Why an import stopped: bad input (a CSV column the map does not name, text that is not UTF-8) or a site it cannot
/// write. Read as one line: where (file and line, or the map's line and column), what is wrong, then what to do.
package struct ImportError: Error, Equatable, CustomStringConvertible {
    /// `counsel_chat.csv:27`, `import/counselchat.yml:12:9`; nil when the problem is not in one file.
    package var location: String?
    package var message: String
    package var hint: String?

    package init(location: String? = nil, message: String, hint: String? = nil) {
        self.location = location
        self.message = message
        self.hint = hint
    }

    package var description: String {
        (location.map { "\($0): " } ?? "") + message + (hint.map { "\n  hint: \($0)" } ?? "")
    }
}
