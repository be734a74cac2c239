/// Why a change source could not start, for the terminal.
package struct ChangeSourceError: Error, CustomStringConvertible {
    package var description: String
    package init(_ description: String) { self.description = description }
}
