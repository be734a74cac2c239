/// Why a change source could not start, for the terminal.
public struct ChangeSourceError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
