internal import CCmarkGFM
import Foundation

/// GitHub-flavored Markdown to HTML through libcmark-gfm: the only file that touches the C library.
///
/// Tables, strikethrough, autolinks, task lists, footnotes, smart punctuation and heading ids. Raw HTML is
/// omitted unless `allowsRawHTML`, and the tagfilter extension stays on either way. Site-absolute links
/// (`/questions/x/`) get the site's base path, so they stay right when the site lives under `/kb/`.
public struct MarkdownRenderer: Sendable {
    public var allowsRawHTML: Bool
    /// The path of the site's root on its host, starting and ending with "/".
    public var basePath: String
    /// `qanda check` needs only the links of a body, not its HTML.
    public var linksOnly = false

    public init(allowsRawHTML: Bool = false, basePath: String = "/", linksOnly: Bool = false) {
        self.allowsRawHTML = allowsRawHTML
        self.basePath = basePath
        self.linksOnly = linksOnly
    }

    public struct Rendered: Sendable {
        public var html: String
        /// The text of the first paragraphs, without markup, cut at a word near `summaryLength`.
        public var summary: String
        /// All the text, without markup (for structured data and citations).
        public var plainText: String
        /// Links and images that point into the site, as written, for `qanda check`.
        public var links: [MarkdownLink]
    }

    /// - Parameters:
    ///   - idPrefix: put before every heading id, so several bodies on one page never share an id.
    ///   - reservedIDs: ids the page already uses; a heading with the same id gets a numbered one.
    public func render(_ markdown: String, idPrefix: String = "", reservedIDs: Set<String> = [],
                       summaryLength: Int = 0) -> Rendered {
        if linksOnly { return Rendered(html: "", summary: "", plainText: "", links: links(in: markdown)) }
        return convert(markdown, idPrefix: idPrefix, reservedIDs: reservedIDs, summaryLength: summaryLength, renderHTML: true)
    }

    /// Parses and walks the document; without `renderHTML` it stops after the walk, with the links only.
    private func convert(_ markdown: String, idPrefix: String, reservedIDs: Set<String>, summaryLength: Int,
                         renderHTML: Bool) -> Rendered {
        _ = Self.registerExtensions
        // Table alignment as style attributes: the align attribute is obsolete HTML.
        var options = CMARK_OPT_SMART | CMARK_OPT_FOOTNOTES | CMARK_OPT_GITHUB_PRE_LANG | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE
            | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES
        if allowsRawHTML { options |= CMARK_OPT_UNSAFE }
        let optionBits = Int32(options)

        guard let parser = cmark_parser_new(optionBits) else { return Rendered(html: "", summary: "", plainText: "", links: []) }
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough", "autolink", "tasklist", "tagfilter"] {
            if let extensionPointer = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, extensionPointer)
            }
        }
        markdown.utf8CString.withUnsafeBufferPointer { buffer in
            cmark_parser_feed(parser, buffer.baseAddress, buffer.count - 1)
        }
        // cmark-gfm 0.29 switches the extensions' special characters on and off in one process-wide table while
        // it parses inlines (inside finish), so two finishes at once garble each other's strikethrough and
        // autolinks. Block parsing (feed) and rendering stay parallel; finish takes turns.
        Self.finishLock.lock()
        let finished = cmark_parser_finish(parser)
        Self.finishLock.unlock()
        guard let document = finished else { return Rendered(html: "", summary: "", plainText: "", links: []) }
        defer { cmark_node_free(document) }
        let extensions = cmark_parser_get_syntax_extensions(parser)

        var headings: [OpaquePointer] = []
        var summary = TextCollector()
        var links: [MarkdownLink] = []
        let iterator = cmark_iter_new(document)
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if event == CMARK_EVENT_ENTER {
                switch type {
                case CMARK_NODE_HEADING: headings.append(node)
                case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                    if let link = internalLink(node, isImage: type == CMARK_NODE_IMAGE) { links.append(link) }
                    if renderHTML { fixURL(of: node, isImage: type == CMARK_NODE_IMAGE) }
                // The text is for HTML pages only: `qanda check` skips it (with the memchr scans, a quarter less user CPU).
                case CMARK_NODE_TEXT, CMARK_NODE_CODE: if renderHTML { summary.add(literal(of: node)) }
                case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: if renderHTML { summary.add(" ") }
                default: break
                }
            } else if renderHTML && (type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING || type == CMARK_NODE_ITEM) {
                summary.endBlock()
            }
        }
        cmark_iter_free(iterator)
        guard renderHTML else { return Rendered(html: "", summary: "", plainText: "", links: links) }

        var usedIDs = reservedIDs
        for heading in headings {
            let id = uniqueID(idPrefix + headingSlug(plainText(of: heading)), used: &usedIDs)
            replaceWithIdentifiedHeading(heading, id: id, options: optionBits, extensions: extensions)
        }

        guard let cString = cmark_render_html(document, optionBits, extensions) else { return Rendered(html: "", summary: "", plainText: "", links: []) }
        defer { free(cString) }
        var html = String(cString: cString)
        if !idPrefix.isEmpty && Self.mayHaveFootnotes(markdown) { html = prefixFootnoteIDs(html, idPrefix) }
        let plainText = summary.text
        return Rendered(html: html, summary: TextCollector.summary(of: plainText, limit: summaryLength), plainText: plainText,
                        links: links)
    }

    /// Footnotes need "[^" in the source; a byte scan is far cheaper than searching the HTML.
    private static func mayHaveFootnotes(_ markdown: String) -> Bool {
        containsByte(UInt8(ascii: "["), in: markdown) { $0 == UInt8(ascii: "^") }
    }

    /// Whether `byte` occurs followed by a byte that `next` accepts: memchr, as a loop over the bytes of every
    /// body was 2% of `qanda check`.
    private static func containsByte(_ byte: UInt8, in text: String, followedBy next: (UInt8) -> Bool) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let start = bytes.baseAddress else { return false }
            var offset = 0
            while offset < bytes.count - 1, let hit = memchr(start + offset, Int32(byte), bytes.count - 1 - offset) {
                let position = start.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if next(bytes[position + 1]) { return true }
                offset = position + 1
            }
            return false
        }
    }

    /// cmark-gfm numbers footnotes `fn-1` in every document; several answers on one page need their own. Puts
    /// the prefix into `id="fn-…"`, `id="fnref-…"`, `href="#fn-…"` and `href="#fnref-…"`, in one pass over the
    /// bytes (four Foundation replacements through NSString were half of this file's time in a build).
    private func prefixFootnoteIDs(_ html: String, _ prefix: String) -> String {
        var html = html
        return html.withUTF8 { bytes -> String? in
            let quote = UInt8(ascii: "\"")
            var output: [UInt8] = []
            var copied = 0
            var searchFrom = 0
            while searchFrom < bytes.count,
                  let hit = memchr(bytes.baseAddress! + searchFrom, Int32(quote), bytes.count - searchFrom) {
                let position = bytes.baseAddress!.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                searchFrom = position + 1
                // The prefix goes after `id="` or after `href="#`, when `fn-` or `fnref-` follows.
                let insertAt: Int
                if Self.bytes(bytes, endingAt: position, equal: "id=") { insertAt = position + 1 }
                else if Self.bytes(bytes, endingAt: position, equal: "href="), position + 1 < bytes.count,
                        bytes[position + 1] == UInt8(ascii: "#") { insertAt = position + 2 }
                else { continue }
                guard Self.bytes(bytes, startingAt: insertAt, equal: "fn-") || Self.bytes(bytes, startingAt: insertAt, equal: "fnref-")
                else { continue }
                if output.isEmpty { output.reserveCapacity(bytes.count + 64 * prefix.utf8.count) }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<insertAt]))
                output.append(contentsOf: prefix.utf8)
                copied = insertAt
            }
            guard copied > 0 else { return nil }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
            return String(decoding: output, as: UTF8.self)
        } ?? html
    }

    private static func bytes(_ bytes: UnsafeBufferPointer<UInt8>, endingAt end: Int, equal text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard end >= count else { return false }
        return memcmp(bytes.baseAddress! + end - count, text.utf8Start, count) == 0
    }

    private static func bytes(_ bytes: UnsafeBufferPointer<UInt8>, startingAt start: Int, equal text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard start + count <= bytes.count else { return false }
        return memcmp(bytes.baseAddress! + start, text.utf8Start, count) == 0
    }

    private static let finishLock = NSLock()

    private static let registerExtensions: Void = cmark_gfm_core_extensions_ensure_registered()

    // MARK: Links

    /// The internal links of a body, without rendering it. A link needs "](" (inline) or "]:" (a reference
    /// definition), so most bodies are answered by a byte scan without parsing.
    public func links(in markdown: String) -> [MarkdownLink] {
        // Every link or image has "](" (inline) or "]:" (a reference definition).
        guard Self.containsByte(UInt8(ascii: "]"), in: markdown, followedBy: { $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: ":") })
        else { return [] }
        return convert(markdown, idPrefix: "", reservedIDs: [], summaryLength: 0, renderHTML: false).links
    }

    /// A link or image without a scheme (`/questions/x/`, `diagram.png`, `../y/`): one that must resolve inside the site.
    private func internalLink(_ node: OpaquePointer, isImage: Bool) -> MarkdownLink? {
        guard let pointer = cmark_node_get_url(node) else { return nil }
        let url = String(cString: pointer)
        guard MarkdownLink.isInternal(url) else { return nil }
        var line = Int(cmark_node_get_start_line(node)), column = Int(cmark_node_get_start_column(node))
        // The table extension re-creates the paragraph lines before a table header without a source position: its
        // links count lines and columns from 0 within it. The table that follows starts where that paragraph did.
        var block = cmark_node_parent(node)
        while let current = block, cmark_node_get_type(current) != CMARK_NODE_PARAGRAPH { block = cmark_node_parent(current) }
        if let paragraph = block, cmark_node_get_start_line(paragraph) == 0, let table = cmark_node_next(paragraph),
           cmark_node_get_start_line(table) > 0 {
            line += Int(cmark_node_get_start_line(table))
            column += Int(cmark_node_get_start_column(table))
        }
        return MarkdownLink(url: url, line: line, column: column, isImage: isImage)
    }

    /// Site-absolute URLs get the base path; script-running schemes are emptied even when raw HTML is allowed.
    private func fixURL(of node: OpaquePointer, isImage: Bool) {
        guard let pointer = cmark_node_get_url(node) else { return }
        let url = String(cString: pointer)
        if url.hasPrefix("/") && !url.hasPrefix("//") && basePath != "/" {
            cmark_node_set_url(node, basePath + url.dropFirst())
        } else if URLSafety.isDangerous(url, isImage: isImage) {
            cmark_node_set_url(node, "")
        }
    }

    // MARK: Heading ids

    /// cmark-gfm writes `<h2>` without attributes, so a heading is rendered alone, given its id, and put back
    /// as a custom block holding that HTML (custom blocks are the library's way to inject output).
    private func replaceWithIdentifiedHeading(_ heading: OpaquePointer, id: String, options: Int32,
                                              extensions: UnsafeMutablePointer<cmark_llist>?) {
        guard let cString = cmark_render_html(heading, options, extensions) else { return }
        var html = String(cString: cString)
        free(cString)
        let level = cmark_node_get_heading_level(heading)
        let openTag = "<h\(level)>"
        guard html.hasPrefix(openTag) else { return }
        html = "<h\(level) id=\"\(HTML.escape(id))\">" + html.dropFirst(openTag.count)
        guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return }
        cmark_node_set_on_enter(block, html)
        cmark_node_replace(heading, block)
        cmark_node_free(heading)
    }

    private func uniqueID(_ base: String, used: inout Set<String>) -> String {
        var candidate = base
        var number = 1
        while used.contains(candidate) {
            candidate = "\(base)-\(number)"
            number += 1
        }
        used.insert(candidate)
        return candidate
    }

    private func headingSlug(_ text: String) -> String {
        // Not transliterated: authors link to ids such as #section-2 under non-Latin headings, and they must stay.
        let slug = Slug.make(from: text, transliterating: false)
        return slug.isEmpty ? "section" : slug
    }

    private func plainText(of node: OpaquePointer) -> String {
        var text = ""
        let iterator = cmark_iter_new(node)
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(child)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE { text += literal(of: child) }
        }
        cmark_iter_free(iterator)
        return text
    }

    private func literal(of node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }
}

/// Collects the text of the blocks, one space between blocks: the body as plain text.
private struct TextCollector {
    /// UTF-8 bytes with every run of whitespace already collapsed to one space, so no second pass is needed.
    private var bytes: [UInt8] = []

    mutating func add(_ piece: String) {
        var piece = piece
        piece.withUTF8 { text in
            // Runs between blanks are appended whole, not byte by byte.
            var runStart = 0
            for index in text.indices {
                let byte = text[index]
                guard byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<index]))
                if let last = bytes.last, last != 0x20 { bytes.append(0x20) }
                runStart = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart...]))
        }
    }

    mutating func endBlock() {
        if let last = bytes.last, last != 0x20 { bytes.append(0x20) }
    }

    /// Whitespace runs collapsed to one space, none at the ends.
    var text: String {
        var end = bytes.endIndex
        while end > bytes.startIndex && bytes[end - 1] == 0x20 { end -= 1 }
        return String(decoding: bytes[..<end], as: UTF8.self)
    }

    /// The beginning of `text`, cut at a word before `limit` characters, with "…" when cut.
    static func summary(of text: String, limit: Int) -> String {
        guard limit > 0 else { return "" }
        // One character more, so a word that ends exactly at the limit is kept. Counting every character of a long
        // answer to learn that it is longer than the limit cost more than cutting it.
        let cut = text.prefix(limit + 1)
        guard cut.count > limit else { return text }
        let atWord = cut.lastIndex(of: " ").map { cut[..<$0] } ?? text.prefix(limit)
        return atWord.trimmingCharacters(in: .punctuationCharacters) + "…"
    }
}

/// A link or image in a Markdown body that points into the site; line and column are within the body.
public struct MarkdownLink: Sendable, Equatable {
    public var url: String
    public var line: Int
    public var column: Int
    public var isImage: Bool

    /// No scheme, not protocol-relative, not only a fragment: a path on this site.
    public static func isInternal(_ url: String) -> Bool {
        guard let first = url.first, first != "#", !url.hasPrefix("//") else { return false }
        let beforePath = url.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return !beforePath.contains(":")
    }
}
