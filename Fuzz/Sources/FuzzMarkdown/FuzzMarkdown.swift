import Foundation
import FuzzerEntry
import FuzzSupport
import QandaKit
import QandaProbe

/// MarkdownRenderer on arbitrary text. The first byte picks the options (raw HTML, base path, links only, id prefix,
/// summary length); the rest is the Markdown. Aborts when safe output (raw HTML off) could run script.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: start, count: count)
    guard let options = bytes.first else { return 0 }
    let markdown = String(decoding: bytes.dropFirst(), as: UTF8.self)
    let allowsRawHTML = options & 1 != 0
    let basePath = ["/", "/kb/", "/a%20b/", "/x/y/"][Int(options >> 1) & 3]
    let renderer = MarkdownRenderer(allowsRawHTML: allowsRawHTML, basePath: basePath, linksOnly: options & 8 != 0)
    let idPrefix = options & 16 != 0 ? "answer-fuzz-" : ""
    let summaryLength = Int(options >> 5) * 40
    let rendered = renderer.render(markdown, idPrefix: idPrefix, reservedIDs: ["main", "question"], summaryLength: summaryLength)
    let links = renderer.links(in: markdown)
    if options & 8 != 0 {
        check(rendered.html.isEmpty, "linksOnly rendered HTML")
        check(rendered.links == links, "linksOnly links differ from links(in:)")
    } else {
        check(rendered.links == links, "render's links differ from links(in:)")
        if summaryLength == 0 { check(rendered.summary.isEmpty, "summary without a length") }
        check(rendered.summary.count <= max(0, summaryLength) + 1 || summaryLength == 0, "summary longer than its limit")
        check(!rendered.plainText.hasPrefix(" ") && !rendered.plainText.hasSuffix(" "), "plain text not trimmed")
        // Positions that `qanda check` reports: inside the text.
        // cmark ends a line at LF, CRLF or a lone CR (bodies from files never hold a CR: SourceText turns them into LF).
        let utf8 = Array(markdown.utf8)
        let lineCount = SourceFileProbe.lineCount(of: utf8)
        for link in rendered.links {
            check(MarkdownLink.isInternal(link.url) && link.line >= 1 && link.line <= lineCount && link.column >= 1, "link \(link)")
        }
        // With raw HTML allowed, the editor's own <a href> passes through as written: nothing to check there.
        if !allowsRawHTML {
            checkSafe(rendered.html)
            checkURLAttributes(rendered.html)
        }
    }
    return 0
}

/// Raw HTML is omitted, so no script element can come out.
private func checkSafe(_ html: String) {
    check(html.range(of: "<script", options: .caseInsensitive) == nil, "<script in safe HTML")
}

/// Every href and src that the renderer writes (those of links and images, quoted with ") is emptied when its
/// scheme runs code: javascript:, vbscript:, file:, and data: other than images.
private func checkURLAttributes(_ html: String) {
    let bytes = Array(html.utf8)
    var index = 0
    while index < bytes.count {
        var valueStart = -1
        if bytes[index...].starts(with: #"href=""#.utf8) { valueStart = index + 6 }
        else if bytes[index...].starts(with: #"src=""#.utf8) { valueStart = index + 5 }
        guard valueStart >= 0 else { index += 1; continue }
        var end = valueStart
        while end < bytes.count && bytes[end] != UInt8(ascii: "\"") { end += 1 }
        let tagStart = bytes[..<index].lastIndex(of: UInt8(ascii: "<")) ?? 0
        let isImage = bytes[tagStart...].starts(with: "<img".utf8)
        let value = decodeEntities(String(decoding: bytes[valueStart..<end], as: UTF8.self))
        // What a browser's URL parser does first: leading C0 controls and spaces go, tabs and newlines anywhere go.
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: value.unicodeScalars.drop { $0.value <= 0x20 }.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" })
        let scheme = String(scalars).lowercased()
        let dangerous = scheme.hasPrefix("javascript:") || scheme.hasPrefix("vbscript:") || scheme.hasPrefix("file:")
            || (scheme.hasPrefix("data:") && !(isImage && ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"]
                .contains { scheme.hasPrefix($0) }))
        check(!dangerous, "dangerous URL in the HTML: \(value)")
        index = end + 1
    }
}

private func decodeEntities(_ text: String) -> String {
    guard text.contains("&") else { return text }
    var result = ""
    var index = text.startIndex
    while index < text.endIndex {
        if text[index] == "&", let semicolon = text[index...].prefix(12).firstIndex(of: ";") {
            let name = text[text.index(after: index)..<semicolon]
            var scalar: Unicode.Scalar?
            switch name {
            case "amp": scalar = "&"
            case "quot": scalar = "\""
            case "lt": scalar = "<"
            case "gt": scalar = ">"
            case "colon": scalar = ":"
            case "Tab": scalar = "\t"
            case "NewLine": scalar = "\n"
            default:
                if name.hasPrefix("#x") || name.hasPrefix("#X") { scalar = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init) }
                else if name.hasPrefix("#") { scalar = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init) }
            }
            if let scalar {
                result.unicodeScalars.append(scalar)
                index = text.index(after: semicolon)
                continue
            }
        }
        result.append(text[index])
        index = text.index(after: index)
    }
    return result
}

/// The program's entry point under SwiftPM (see FuzzerEntry.h).
@_cdecl("FuzzMarkdown_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    qanda_fuzzer_main(argc, argv)
}
