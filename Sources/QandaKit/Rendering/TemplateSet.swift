import Foundation
import Mustache

/// The templates a build renders with: the built-in theme, with files from Templates/ replacing built-ins of the
/// same name or adding partials. Parsed once per build, never per page.
package struct TemplateSet: Sendable {
    package let library: MustacheLibrary
    /// Output name -> bytes of static theme files (the stylesheet), after overrides.
    package let staticFiles: [String: String]
    /// Names of templates that came from Templates/.
    package let overridden: [String]
    /// Of every template and static file in use: every page depends on it.
    let fingerprint: Fingerprint

    package static let folderName = "Templates"

    /// Loads Templates/ (which may be absent) over the built-in theme. Every problem is a diagnostic.
    package static func load(siteFolder: String) -> (TemplateSet?, [Diagnostic]) {
        let folder = siteFolder + "/" + folderName
        var sources = DefaultTheme.templates
        var staticFiles = DefaultTheme.staticFiles
        var overridden: [String] = []
        var diagnostics: [Diagnostic] = []
        for entry in DirectoryListing.entries(of: folder) ?? [] where entry.kind == .file {
            let file = "\(folderName)/\(entry.name)"
            let isTemplate = entry.name.hasSuffix(".mustache")
            guard isTemplate || staticFiles[entry.name] != nil else { continue }  // a README or notes: not ours
            guard let bytes = FileBytes.read(folder + "/" + entry.name), case .success(let text) = SourceText.decode(bytes) else {
                diagnostics.append(Diagnostic(.notUTF8, file: file, message: "cannot read this template as UTF-8 text",
                                              hint: "save it as UTF-8"))
                continue
            }
            if isTemplate {
                let name = String(entry.name.dropLast(".mustache".count))
                sources[name] = text.text
                overridden.append(name)
            } else {
                staticFiles[entry.name] = text.text
            }
        }
        var templates: [String: MustacheTemplate] = [:]
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            do {
                templates[name] = try MustacheTemplate(string: FastEscaping.pragma + source)
            } catch let error as MustacheTemplate.ParserError {
                let file = "\(folderName)/\(name).mustache"
                if case .expectedSectionEnd? = error.error as? MustacheTemplate.Error, let open = MustacheNames.unclosedSection(in: source) {
                    // The parser stops at the end of the text; the tag that opened the section is what to fix.
                    let tag = "{{\(open.sigil)\(open.name)}}"
                    diagnostics.append(Diagnostic(.templateSyntax, file: file, line: open.line, column: open.column,
                                                  message: "template syntax error: the section \(tag) is never closed",
                                                  hint: "add {{/\(open.name)}} where the section should end"))
                    continue
                }
                diagnostics.append(Diagnostic(.templateSyntax, file: file,
                                              line: max(1, error.context.lineNumber - 1), column: error.context.columnNumber,
                                              message: "template syntax error: \(describe(error.error))",
                                              hint: "check that every {{#section}} has a matching {{/section}} and every tag is closed"))
            } catch {
                diagnostics.append(Diagnostic(.templateSyntax, file: "\(folderName)/\(name).mustache",
                                              message: "template syntax error: \(error)"))
            }
        }
        diagnostics += TemplateVocabulary.check(overrides: overridden.sorted(), sources: sources)
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        var fingerprint = Fingerprint()
        for (name, text) in sources.sorted(by: { $0.key < $1.key }) + staticFiles.sorted(by: { $0.key < $1.key }) {
            fingerprint.add(name)
            fingerprint.add(text)
        }
        return (TemplateSet(library: MustacheLibrary(templates: templates), staticFiles: staticFiles,
                            overridden: overridden.sorted(), fingerprint: fingerprint), diagnostics)
    }

    /// Renders a page with its layout template.
    package func render(_ context: any PageContext, layout: String) -> String {
        library.render(context, withTemplate: layout) ?? ""
    }

    /// swift-mustache's own HTML escaper looks every character up in a dictionary: 11% of a build's CPU. Each
    /// template starts with a standalone pragma line (removed with its newline, so output and line numbers
    /// are those of the user's text, less one) that selects `HTML.escape`, which gives the same bytes.
    enum FastEscaping {
        static let pragma: String = {
            MustacheContentTypes.register(ContentType(), named: name)
            return "{{% CONTENT_TYPE: \(name) }}\n"
        }()
        static let name = "QANDA_HTML"
        struct ContentType: MustacheContentType {
            func escapeText(_ text: String) -> String { HTML.escape(text) }
        }
    }

    private static func describe(_ error: Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect?: "a closing tag does not match the section it closes"
        case .unfinishedName?: "a tag is not closed with }}"
        case .expectedSectionEnd?: "a section is never closed"
        case .invalidSetDelimiter?: "invalid delimiter change"
        case .illegalTokenInsideInheritSection?, .textInsideInheritSection?:
            "only {{$block}} overrides may appear inside {{<parent}}"
        default: "\(error)"
        }
    }
}

/// Text values print as themselves. Without this, swift-mustache tries three more casts on each string it prints
/// and formats it with `String(describing:)` (about a tenth of rendering); the bytes are the same.
extension String: @retroactive MustacheCustomRenderable {
    public var renderText: String { self }
    public var isNull: Bool { false }
}
