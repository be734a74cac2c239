import Foundation
import PackagePlugin

/// Embeds the built-in theme (the files of QandaKit's Rendering/Theme/Files/: the templates, the stylesheet, the
/// favicon) into the target as `EmbeddedTheme.base64`, and the built-in translation tables (Localization/Tables/:
/// one `<language>.yml` each) as `EmbeddedTranslations.base64`, so that `qanda` stays one file to install. One
/// build command per folder, whose inputs are that folder's files: it runs again when one is edited, added or
/// removed, and otherwise not at all. It rewrites the generated file only when its contents change. Base64
/// because any bytes survive it and it needs no escaping in a Swift string literal (and compiles far faster than
/// a byte array).
@main
struct EmbedTheme: BuildToolPlugin {
    /// Each embedded folder of the package (Package.swift excludes them from QandaKit's sources) and the enum
    /// that holds its files.
    static let folders = [
        (path: "Sources/QandaKit/Rendering/Theme/Files", enumName: "EmbeddedTheme"),
        (path: "Sources/QandaKit/Localization/Tables", enumName: "EmbeddedTranslations"),
    ]

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        try Self.folders.map { embedded in
            let folder = context.package.directoryURL.appending(path: embedded.path)
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }.sorted()
            let files = names.map { folder.appending(path: $0) }
            for file in files {
                // A name goes into a Swift string literal as it is, and becomes a template name, an output file or
                // a language code.
                let plain = file.lastPathComponent.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }
                var isFolder: ObjCBool = false
                if !plain || !FileManager.default.fileExists(atPath: file.path, isDirectory: &isFolder) || isFolder.boolValue {
                    throw EmbeddedFileError(path: file.path)
                }
            }
            let output = context.pluginWorkDirectoryURL.appending(path: embedded.enumName + ".swift")
            return .buildCommand(
                displayName: "Embedding \(embedded.path) into \(target.name)",
                executable: URL(fileURLWithPath: "/bin/sh"),
                arguments: ["-c", Self.script, "embed", output.path, embedded.enumName, embedded.path] + files.map(\.path),
                inputFiles: files,
                outputFiles: [output]
            )
        }
    }

    /// `$1` the file to write, `$2` the enum's name, `$3` the folder (for the comment), then the folder's files.
    static let script = #"""
    set -e
    out="$1"; name="$2"; folder="$3"; shift 3
    {
        printf '// Written by the EmbedTheme plugin at build time from %s/.\n' "$folder"
        printf 'enum %s {\n    /// File name -> its bytes in base64.\n    static let base64: [String: String] = [\n' "$name"
        for file; do
            data=$(base64 < "$file")
            printf '        "%s": "%s",\n' "${file##*/}" "$(printf '%s' "$data" | tr -d '\n')"
        done
        printf '    ]\n}\n'
    } > "$out.new"
    if cmp -s "$out.new" "$out"; then rm "$out.new"; else mv "$out.new" "$out"; fi
    """#
}

struct EmbeddedFileError: Error, CustomStringConvertible {
    let path: String

    var description: String {
        "\(path): an embedded folder holds only files named with letters, digits, '.', '-' and '_'; rename or remove it"
    }
}
