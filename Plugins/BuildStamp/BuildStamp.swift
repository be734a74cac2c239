import Foundation
import PackagePlugin

/// Stamps the commit the package is built from, and whether its tree had uncommitted changes, into the target
/// (`Stamped.commit`, `Stamped.uncommittedChanges`), so that `qanda --version` and the build cache know which
/// code made a site. A build command whose inputs are the files that say where git's HEAD is (HEAD, the branch's
/// ref, packed-refs, the index) and every source file of the package: it runs again when a commit is made, the
/// branch changes, or a source is edited, and otherwise not at all. It rewrites the generated file only when its
/// contents change, so a build with nothing new neither recompiles nor relinks. Outside a git checkout of this
/// package (a source tarball, no git), the commit is nil.
@main
struct BuildStamp: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let package = context.package.directoryURL
        let output = context.pluginWorkDirectoryURL.appending(path: "Stamped.swift")
        let sources = context.package.targets.compactMap { $0 as? SourceModuleTarget }
            .flatMap { $0.sourceFiles.map(\.url) }
        // The built-in theme's files are sources too, though Package.swift excludes them (Plugins/EmbedTheme).
        let theme = package.appending(path: "Sources/QandaKit/Rendering/Theme/Files")
        let themeFiles = (try? FileManager.default.contentsOfDirectory(at: theme, includingPropertiesForKeys: nil)) ?? []
        return [.buildCommand(
            displayName: "Stamping the git commit into \(target.name)",
            executable: URL(fileURLWithPath: "/bin/sh"),
            arguments: ["-c", Self.script, "stamp", package.path, output.path],
            inputFiles: Self.gitState(of: package) + sources + themeFiles,
            outputFiles: [output]
        )]
    }

    /// The files git changes when HEAD moves or the index does, for a checkout or a worktree (`.git` a file
    /// naming the real folder); none outside git.
    static func gitState(of package: URL) -> [URL] {
        let dotGit = package.appending(path: ".git")
        var gitFolder = dotGit
        if let link = try? String(contentsOf: dotGit, encoding: .utf8), link.hasPrefix("gitdir: ") {
            let path = link.dropFirst("gitdir: ".count).trimmingCharacters(in: .whitespacesAndNewlines)
            gitFolder = path.hasPrefix("/") ? URL(fileURLWithPath: path) : package.appending(path: path)
        }
        var common = gitFolder
        if let path = try? String(contentsOf: gitFolder.appending(path: "commondir"), encoding: .utf8) {
            let path = path.trimmingCharacters(in: .whitespacesAndNewlines)
            common = path.hasPrefix("/") ? URL(fileURLWithPath: path) : gitFolder.appending(path: path)
        }
        var files = [gitFolder.appending(path: "HEAD"), gitFolder.appending(path: "index"), common.appending(path: "packed-refs")]
        if let head = try? String(contentsOf: gitFolder.appending(path: "HEAD"), encoding: .utf8), head.hasPrefix("ref: ") {
            files.append(common.appending(path: head.dropFirst("ref: ".count).trimmingCharacters(in: .whitespacesAndNewlines)))
        }
        return files.filter { FileManager.default.fileExists(atPath: $0.path) }
    }

    /// `$1` the package folder, `$2` the file to write. `-ef` makes sure git answers for this package, not for a
    /// repository that merely contains its folder.
    static let script = #"""
    package="$1" out="$2"
    commit=nil changes=false
    if top=$(git -C "$package" rev-parse --show-toplevel 2>/dev/null) && [ "$top" -ef "$package" ] &&
       hash=$(git -C "$package" rev-parse --short HEAD 2>/dev/null); then
        commit="\"$hash\""
        if [ -n "$(git -C "$package" --no-optional-locks status --porcelain 2>/dev/null)" ]; then changes=true; fi
    fi
    printf '// Written by the BuildStamp plugin at build time.\nenum Stamped {\n    static let commit: String? = %s\n    static let uncommittedChanges = %s\n}\n' \
        "$commit" "$changes" > "$out.new"
    if cmp -s "$out.new" "$out"; then rm "$out.new"; else mv "$out.new" "$out"; fi
    """#
}
