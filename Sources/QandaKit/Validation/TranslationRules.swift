/// Translations kept in step: one dated before its original's last change may no longer say the same.
package enum TranslationRules {
    package static func diagnostics(site: Site) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for thread in site.threads {
            for translation in thread.translations {
                let original = thread.question.updated ?? thread.question.date
                if translation.question.date < original {
                    diagnostics.append(outdated(translation.question, original: "question.md", changed: original, language: translation.language))
                }
                for answer in thread.answers {
                    guard let part = translation.answers[answer.id] else { continue }
                    let changed = answer.updated ?? answer.date
                    if part.date < changed {
                        diagnostics.append(outdated(part, original: answer.id + ".md", changed: changed, language: translation.language))
                    }
                }
            }
        }
        return diagnostics
    }

    private static func outdated(_ part: ThreadTranslation.Part, original: String, changed: ContentDate, language: String) -> Diagnostic {
        Diagnostic(.translationOutdated, .warning, at: part.source,
                   message: "this '\(language)' translation (\(part.date)) is older than \(original) (last changed \(changed))",
                   hint: "compare it with \(original), bring the translation in step, then set its `date:` to the day you did")
    }
}
