import Foundation
import PackagePlugin

/// Stamps the commit the package is built from, and whether its tree had uncommitted changes, into the target
/// (`Stamped.commit`, `Stamped.uncommittedChanges`), so that `qanda --version` and the build cache know which
/// code made a site. It runs before every build (a prebuild command: git's answer can change without any file
/// SwiftPM watches changing), but rewrites the file only when its contents change, so an unchanged tree neither
/// recompiles nor relinks. Outside a git checkout of this package (a source tarball, no git), the commit is nil.
@main
struct BuildStamp: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let output = context.pluginWorkDirectoryURL.appending(path: "Stamp")
        return [.prebuildCommand(
            displayName: "Stamping the git commit into \(target.name)",
            executable: URL(fileURLWithPath: "/bin/sh"),
            arguments: ["-c", Self.script, "stamp", context.package.directoryURL.path, output.path],
            outputFilesDirectory: output
        )]
    }

    /// `$1` the package folder, `$2` the folder for the generated file. `-ef` makes sure git answers for this
    /// package, not for a repository that merely contains its folder.
    static let script = #"""
    package="$1" out="$2"
    commit=nil changes=false
    if top=$(git -C "$package" rev-parse --show-toplevel 2>/dev/null) && [ "$top" -ef "$package" ] &&
       hash=$(git -C "$package" rev-parse --short HEAD 2>/dev/null); then
        commit="\"$hash\""
        if [ -n "$(git -C "$package" --no-optional-locks status --porcelain 2>/dev/null)" ]; then changes=true; fi
    fi
    mkdir -p "$out"
    printf '// Written by the BuildStamp plugin at build time.\nenum Stamped {\n    static let commit: String? = %s\n    static let uncommittedChanges = %s\n}\n' \
        "$commit" "$changes" > "$out/Stamped.swift.new"
    if cmp -s "$out/Stamped.swift.new" "$out/Stamped.swift"; then rm "$out/Stamped.swift.new"
    else mv "$out/Stamped.swift.new" "$out/Stamped.swift"; fi
    """#
}
