/// A problem with a Stack Exchange dump that stops the import: where it is (the file, and the line when there is
/// one) and what to do about it. Problems with single posts are not errors: they are skipped and reported
/// (`ImportSkip`), so one odd post never stops the import of a million others.
package struct StackExchangeDumpError: Error, Equatable, CustomStringConvertible {
    /// The file as the user named it (`dump/Posts.xml`), or the dump folder.
    package var file: String
    /// 1-based; 0 when the problem is about the whole file.
    package var line: Int
    /// 1-based, in Unicode scalars; 0 when unknown.
    package var column: Int
    package var message: String
    /// What to do about it.
    package var hint: String

    package init(file: String, line: Int = 0, column: Int = 0, message: String, hint: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.hint = hint
    }

    /// `dump/Posts.xml:12:5: message`, then the hint on a line of its own: as every import error reads (the command
    /// puts `error: ` before it).
    package var description: String {
        var place = file
        if line > 0 { place += ":\(line)" }
        if line > 0 && column > 0 { place += ":\(column)" }
        return "\(place): \(message)\n  hint: \(hint)"
    }
}
