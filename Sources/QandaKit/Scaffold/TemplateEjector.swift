/// `qanda templates eject|list`: copies of the built-in theme in Templates/, for editing. A copy is written
/// only where there is none, so an edited template is never lost.
package enum TemplateEjector {
    /// Every name `eject` takes, in the order `list` prints them: the base page, the layouts, the partials,
    /// then the files copied as they are (the stylesheet, the favicon).
    package static var names: [String] {
        let layouts = (["base"] + DefaultTheme.layoutNames).filter { DefaultTheme.templates[$0] != nil }
        let partials = DefaultTheme.templates.keys.filter { !layouts.contains($0) }.sorted()
        return layouts + partials + DefaultTheme.staticFiles.keys.sorted()
    }

    /// The file in Templates/ that overrides a built-in: `question` -> `question.mustache`, `qanda.css` as it is.
    package static func fileName(for name: String) -> String {
        DefaultTheme.staticFiles[name] != nil ? name : name + ".mustache"
    }

    /// The built-in text of a name, or nil when there is no such built-in.
    package static func builtIn(_ name: String) -> String? {
        DefaultTheme.staticFiles[name] ?? DefaultTheme.templates[name]
    }

    /// The files to write for `names` (every built-in when empty). `question.mustache` is taken for `question`.
    /// Unknown names are one error that lists the valid ones.
    package static func files(named requested: [String]) throws -> [ScaffoldFile] {
        let chosen = requested.isEmpty ? names : requested.map { name in
            name.hasSuffix(".mustache") && builtIn(name) == nil ? String(name.dropLast(".mustache".count)) : name
        }
        let unknown = zip(requested, chosen).filter { builtIn($0.1) == nil }.map(\.0)
        guard unknown.isEmpty else { throw ScaffoldError.unknownTemplates(unknown, valid: names) }
        var seen: Set<String> = []
        return chosen.filter { seen.insert($0).inserted }.map { name in
            ScaffoldFile(path: TemplateSet.folderName + "/" + fileName(for: name), contents: builtIn(name)!)
        }
    }

    /// Writes the copies into the site's Templates/, skipping every file that is already there.
    package static func eject(_ requested: [String], siteFolder: String) throws -> [ScaffoldOutcome] {
        let planned = try files(named: requested)
        try NewContent.requireSite(siteFolder)
        return try ScaffoldWriter.write(planned, into: siteFolder)
    }
}
