import Foundation
import PackagePlugin

/// Embeds the built-in theme (the files of QandaKit's Rendering/Theme/Files/: the templates, the stylesheet, the
/// favicon) into the target as `EmbeddedTheme.base64`, so that `qanda` stays one file to install. A build command
/// whose inputs are those files: it runs again when one is edited, added or removed, and otherwise not at all. It
/// rewrites the generated file only when its contents change. Base64 because any bytes survive it and it needs
/// no escaping in a Swift string literal (and compiles far faster than a byte array).
@main
struct EmbedTheme: BuildToolPlugin {
    /// The theme's folder in the package; Package.swift excludes it from QandaKit's sources.
    static let folder = "Sources/QandaKit/Rendering/Theme/Files"

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let folder = context.package.directoryURL.appending(path: Self.folder)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }.sorted()
        let files = names.map { folder.appending(path: $0) }
        for file in files {
            // A name goes into a Swift string literal as it is, and becomes a template name or an output file.
            let plain = file.lastPathComponent.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }
            var isFolder: ObjCBool = false
            if !plain || !FileManager.default.fileExists(atPath: file.path, isDirectory: &isFolder) || isFolder.boolValue {
                throw ThemeFileError(path: file.path)
            }
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedTheme.swift")
        return [.buildCommand(
            displayName: "Embedding the built-in theme into \(target.name)",
            executable: URL(fileURLWithPath: "/bin/sh"),
            arguments: ["-c", Self.script, "embed", output.path] + files.map(\.path),
            inputFiles: files,
            outputFiles: [output]
        )]
    }

    /// `$1` the file to write, then the theme's files.
    static let script = #"""
    set -e
    out="$1"; shift
    {
        printf '// Written by the EmbedTheme plugin at build time from Rendering/Theme/Files/.\n'
        printf 'enum EmbeddedTheme {\n    /// File name -> its bytes in base64.\n    static let base64: [String: String] = [\n'
        for file; do
            data=$(base64 < "$file")
            printf '        "%s": "%s",\n' "${file##*/}" "$(printf '%s' "$data" | tr -d '\n')"
        done
        printf '    ]\n}\n'
    } > "$out.new"
    if cmp -s "$out.new" "$out"; then rm "$out.new"; else mv "$out.new" "$out"; fi
    """#
}

struct ThemeFileError: Error, CustomStringConvertible {
    let path: String

    var description: String {
        "\(path): the built-in theme's folder holds only files named with letters, digits, '.', '-' and '_'; rename or remove it"
    }
}
