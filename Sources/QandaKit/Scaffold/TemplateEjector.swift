/// `qanda templates eject|list`: copies of the built-in theme in Templates/, for editing. A copy is written
/// only where there is none, so an edited template is never lost. `eject i18n` writes the site's translation
/// table, `i18n/<language>.yml`, with the built-in strings its language uses, to edit in the same way.
package enum TemplateEjector {
    /// The name that ejects the translation table rather than a template (never part of "eject everything").
    package static let translationsName = LocalizationLoader.folderName

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
    /// - Parameter language: the site's language, for `i18n`.
    package static func files(named requested: [String], language: String = BuiltInTranslations.englishCode) throws -> [ScaffoldFile] {
        let chosen = requested.isEmpty ? names : requested.map { name in
            name.hasSuffix(".mustache") && builtIn(name) == nil ? String(name.dropLast(".mustache".count)) : name
        }
        let unknown = zip(requested, chosen).filter { builtIn($0.1) == nil && $0.1 != translationsName }.map(\.0)
        guard unknown.isEmpty else { throw ScaffoldError.unknownTemplates(unknown, valid: names + [translationsName]) }
        var seen: Set<String> = []
        return chosen.filter { seen.insert($0).inserted }.map { name in
            name == translationsName ? translationTable(language: language)
                : ScaffoldFile(path: TemplateSet.folderName + "/" + fileName(for: name), contents: builtIn(name)!)
        }
    }

    /// `i18n/<language>.yml` holding the built-in table the language uses (its own, or English's when Qanda has
    /// none), under a comment that says how the file is read.
    static func translationTable(language: String) -> ScaffoldFile {
        let builtIn = BuiltInTranslations.table(for: language)?.code ?? BuiltInTranslations.englishCode
        let name = LocalizationLoader.displayName(of: language)
        let origin = builtIn == BuiltInTranslations.englishCode && !language.lowercased().hasPrefix("en")
            ? "Qanda has no \(name) table: these are the English strings, to translate"
            : "Qanda's built-in strings for \(name), to change"
        let header = """
            # The site's words for \(name), over Qanda's own (README, "Languages").
            # \(origin).
            # Keep each key and its {placeholders}; write the text after the colon. A line you delete takes Qanda's
            # built-in string again. Plurals list the forms the language uses (CLDR: zero, one, two, few, many,
            # other), and "=0" for one exact number.

            """
        return ScaffoldFile(path: LocalizationLoader.file(for: language),
                            contents: header + (BuiltInTranslations.sources[builtIn] ?? ""))
    }

    /// Writes the copies into the site's Templates/ (and i18n/), skipping every file that is already there.
    package static func eject(_ requested: [String], siteFolder: String) throws -> [ScaffoldOutcome] {
        try NewContent.requireSite(siteFolder)
        let planned = try files(named: requested, language: requested.contains(translationsName) ? siteLanguage(siteFolder) : "en")
        return try ScaffoldWriter.write(planned, into: siteFolder)
    }

    /// qanda.yml's `language` (English when it cannot be read: `qanda check` says why).
    static func siteLanguage(_ siteFolder: String) -> String {
        guard let bytes = FileBytes.read(siteFolder + "/" + SiteConfigLoader.fileName),
              case .success(let text) = SourceText.decode(bytes) else { return BuiltInTranslations.englishCode }
        return SiteConfigLoader.load(text: text.text).0?.language ?? BuiltInTranslations.englishCode
    }
}
