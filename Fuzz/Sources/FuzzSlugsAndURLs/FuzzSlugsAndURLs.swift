import FuzzerEntry
import FuzzSupport
import QandaKit

/// The input as text through every slug and URL function; aborts when one of their promises breaks.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)

    let slug = Slug.make(from: text)
    if !slug.isEmpty {
        check(Slug.isValidSegment(slug), "Slug.make gave an invalid segment '\(slug)'")
        check(!slug.hasPrefix("-") && !slug.hasSuffix("-") && !slug.contains("--"), "stray hyphen in '\(slug)'")
        check(Slug.make(from: slug) == slug, "Slug.make is not idempotent on '\(slug)'")
        check(OutputPath.isSafe(Routes.file(for: Routes.question(slug))), "question route of '\(slug)' is not a safe path")
    }
    // Without transliteration (heading ids, citation keys) a slug keeps the same promises; text that needs none gets one slug either way.
    let untransliterated = Slug.make(from: text, transliterating: false)
    check(untransliterated.isEmpty || (Slug.isValidSegment(untransliterated) && Slug.make(from: untransliterated) == untransliterated),
          "Slug.make(transliterating: false) gave '\(untransliterated)'")
    check(Slug.needsTransliteration(text) || untransliterated == slug, "'\(slug)' differs from '\(untransliterated)' without transliteration")

    if Slug.isValidSegment(text) {
        check(text != "." && text != ".." && !text.contains("/") && !text.contains("\\") && !text.hasPrefix("."),
                     "valid segment '\(text)'")
        check(OutputPath.isSafe(Routes.file(for: Routes.question(text))), "valid segment '\(text)' gives an unsafe path")
    }

    if Slug.isSafeFileName(text) {
        check(!text.isEmpty && text.utf8.first != UInt8(ascii: ".") && !text.utf8.contains(UInt8(ascii: "/"))
                && !text.utf8.contains(UInt8(ascii: "\\")) && !text.utf8.contains(0),
                     "safe file name '\(text)'")
        check(OutputPath.isSafe(Routes.attachment(thread: "x", file: text)), "safe file name '\(text)' gives an unsafe path")
    }

    for path in [text, "/" + text, "/" + text + "/"] {
        guard let segments = Slug.aliasSegments(path) else { continue }
        check(!segments.isEmpty, "alias '\(path)' accepted with no segments")
        for segment in segments {
            // "a..b" or "1.." is an ordinary name; only a whole segment of dots walks out of a folder.
            check(!segment.isEmpty && segment != "." && segment != ".." && !segment.hasPrefix(".")
                         && !segment.contains("/") && !segment.contains("\\")
                         && Slug.isValidSegment(segment), "alias '\(path)' accepted with segment '\(segment)'")
        }
        check(OutputPath.isSafe(segments.joined(separator: "/") + "/index.html"), "alias '\(path)' gives an unsafe path")
    }

    if OutputPath.isSafe(text) {
        check(!text.hasPrefix("/") && !text.split(separator: "/", omittingEmptySubsequences: false).contains { $0 == ".." || $0 == "." || $0.isEmpty },
                     "OutputPath.isSafe accepted '\(text)'")
    }

    // Links written into pages: the base path, then only unreserved characters and %XX.
    for base in ["https://example.org/", "https://example.org/kb/"] {
        let routes = Routes(config: SiteConfig(title: "T", baseURL: base, publisher: "P"))
        let link = routes.link(text)
        check(link.hasPrefix(routes.basePath), "link does not start with the base path")
        let encoded = link.utf8.dropFirst(routes.basePath.utf8.count)
        check(encoded.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || "-._~/%".utf8.contains(byte)
        }, "link '\(link)' holds a character that needs encoding")
        check(routes.absolute(text).hasPrefix(base), "absolute URL does not start with the base URL")
    }

    // A link with a scheme is never taken for a path on the site.
    if MarkdownLink.isInternal(text) {
        let beforePath = text.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        check(!beforePath.contains(":") && !text.hasPrefix("//") && !text.hasPrefix("#"), "'\(text)' taken as internal")
    }
    _ = Routes.answerFragment(text)
    return 0
}

/// The program's entry point under SwiftPM (see FuzzerEntry.h).
@_cdecl("FuzzSlugsAndURLs_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    qanda_fuzzer_main(argc, argv)
}
