import Foundation

/// An outside tool run to the end (pandoc, python3, sha256sum): what it printed and how it exited.
struct ToolRun {
    let status: Int32
    let output: String
    let errors: String

    static func run(_ executable: URL, _ arguments: [String], in directory: URL? = nil) throws -> ToolRun {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Reading one pipe to the end before the other: these tools write to stderr only a little, when they fail.
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return ToolRun(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self), errors: errorText)
    }
}
