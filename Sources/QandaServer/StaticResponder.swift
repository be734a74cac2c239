import Foundation
import Hummingbird
import NIOCore

/// Answers GET and HEAD requests from a snapshot of the built site: path checks, content types, `index.html` for
/// folders, the redirect from `/x` to `/x/`, the site's 404 page, ETag / Last-Modified with 304 answers.
///
/// Nothing here touches the file system: the snapshot is all there is. Paths are still checked strictly, so a
/// request such as `/../qanda.yml` or `/%2e%2e/x` gets the 404 page rather than some "nearest" file.
package struct StaticResponder: Sendable {
    package init() {}

    /// What a request path asks for, after the checks.
    package enum Target: Equatable, Sendable {
        /// A path inside the site (relative to the base path, without a leading slash; "" for the home page).
        case file(String)
        /// `/` or `/kb` when the site lives at `/kb/`: redirected there.
        case redirect(String)
        /// A well-formed path outside the base path: a missing page.
        case outside
        /// A path that is malformed or tries to leave the site: answered like a missing page (and not logged).
        case rejected
    }

    /// Splits, decodes and checks a raw request path (as sent, still percent-encoded, without the query).
    /// Every segment is decoded once; a decoded segment may not be `.` or `..`, nor contain `/`, `\`, NUL or
    /// another control character; empty segments (`//`) and invalid percent escapes are rejected as well.
    /// Returns the decoded segments; the last is "" when the path ends with a slash.
    package static func segments(ofRawPath raw: String) -> [String]? {
        guard raw.hasPrefix("/"), !raw.contains("\\") else { return nil }
        let parts = raw.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        var decoded: [String] = []
        for (index, part) in parts.enumerated() {
            if part.isEmpty {
                // Only the last segment may be empty (a trailing slash, or "/" itself).
                guard index == parts.count - 1 else { return nil }
                decoded.append("")
                continue
            }
            guard let segment = percentDecode(part) else { return nil }
            guard segment != ".", segment != "..",
                  !segment.unicodeScalars.contains(where: { $0 == "/" || $0 == "\\" || $0.value < 0x20 || $0.value == 0x7F })
            else { return nil }
            decoded.append(segment)
        }
        return decoded
    }

    /// Where a request path leads within a site published under `basePath` ("/" or "/kb/").
    package static func target(rawPath: String, basePath: String) -> Target {
        guard let segments = segments(ofRawPath: rawPath) else { return .rejected }
        let base = basePath.split(separator: "/").map(String.init)
        if segments.count > base.count, Array(segments.prefix(base.count)) == base {
            return .file(segments.dropFirst(base.count).joined(separator: "/"))
        }
        // "/" and "/kb" lead to "/kb/"; anything else outside the base path is missing.
        let given = segments.last == "" ? Array(segments.dropLast()) : segments
        if given.count < base.count || (given.count == base.count && !base.isEmpty), Array(base.prefix(given.count)) == given {
            return .redirect(basePath)
        }
        return .outside
    }

    /// The response for `path` (relative to the base path) from `site`.
    package func respond(to request: Request, site: SiteFiles) -> Response {
        guard request.method == .get || request.method == .head else {
            return Response(status: .methodNotAllowed, headers: [.allow: "GET, HEAD", .contentLength: "0"])
        }
        let rawPath = request.uri.path
        switch Self.target(rawPath: rawPath, basePath: site.basePath) {
        case .rejected, .outside:
            return notFound(request, site: site)
        case .redirect(let location):
            // 302: the base path is a setting of qanda.yml and may change while serving; browsers keep 301s.
            return redirect(to: location + Self.querySuffix(request), status: .found, method: request.method)
        case .file(let path):
            let key = path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path
            if let file = site.files[key] {
                return serve(file, request: request, status: .ok)
            }
            if !path.isEmpty, !path.hasSuffix("/"), site.files[path + "/index.html"] != nil {
                return redirect(to: rawPath + "/" + Self.querySuffix(request), status: .movedPermanently, method: request.method)
            }
            return notFound(request, site: site)
        }
    }

    /// The site's own 404 page (with status 404), or a plain one when the site has none.
    func notFound(_ request: Request, site: SiteFiles) -> Response {
        if let page = site.files["404.html"] {
            var response = serve(page, request: request, status: .notFound, conditional: false)
            response.headers[.eTag] = nil
            response.headers[.lastModified] = nil
            return response
        }
        let body = ByteBuffer(string: "Not found\n")
        return finish(Response(status: .notFound, headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-cache"],
                               body: .init(byteBuffer: body)), method: request.method)
    }

    /// Only GET and HEAD get here, so 301/302 keep the method; the body is a short note for humans.
    func redirect(to location: String, status: HTTPResponse.Status, method: HTTPRequest.Method) -> Response {
        let body = ByteBuffer(string: "Moved to \(location)\n")
        return finish(Response(status: status,
                               headers: [.location: location, .contentType: "text/plain; charset=utf-8", .cacheControl: "no-cache"],
                               body: .init(byteBuffer: body)), method: method)
    }

    func serve(_ file: ServedFile, request: Request, status: HTTPResponse.Status, conditional: Bool = true) -> Response {
        var headers: HTTPFields = [
            .contentType: file.contentType,
            .eTag: file.etag,
            .lastModified: HTTPDate.format(file.lastModified),
            // A preview: browsers may keep a copy but must ask each time (and get a 304 when nothing changed).
            .cacheControl: "no-cache",
        ]
        if conditional, Self.isNotModified(file, request: request) {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentLength] = String(file.body.readableBytes)
        return finish(Response(status: status, headers: headers, body: .init(byteBuffer: file.body)), method: request.method)
    }

    /// HEAD: the same head as GET (Content-Length included), without the body.
    func finish(_ response: Response, method: HTTPRequest.Method) -> Response {
        method == .head ? Response(status: response.status, headers: response.headers, body: .init()) : response
    }

    /// If-None-Match wins over If-Modified-Since (RFC 9110 §13.2.2).
    static func isNotModified(_ file: ServedFile, request: Request) -> Bool {
        let noneMatch = request.headers[values: .ifNoneMatch]
        if !noneMatch.isEmpty {
            let tags = noneMatch.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
            let ours = file.etag
            return tags.contains { $0 == "*" || $0 == ours || ($0.hasPrefix("W/") && String($0.dropFirst(2)) == ours) }
        }
        if let since = request.headers[.ifModifiedSince], let date = HTTPDate.parse(since) {
            return file.lastModified.timeIntervalSince1970.rounded(.down) <= date.timeIntervalSince1970
        }
        return false
    }

    static func querySuffix(_ request: Request) -> String {
        guard let query = request.uri.query, !query.isEmpty else { return "" }
        return "?" + query
    }

    /// Percent-decoding of one path segment; nil for a malformed escape or bytes that are not UTF-8.
    static func percentDecode(_ text: Substring) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%") {
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return nil }
                bytes.append(high << 4 | low)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}

/// Content types by file extension; anything unknown is `application/octet-stream`.
package enum ContentType {
    package static func forPath(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "application/octet-stream" }
        return byExtension[name[name.index(after: dot)...].lowercased()] ?? "application/octet-stream"
    }

    static let byExtension: [String: String] = [
        "html": "text/html; charset=utf-8", "htm": "text/html; charset=utf-8",
        "css": "text/css; charset=utf-8",
        "js": "text/javascript; charset=utf-8", "mjs": "text/javascript; charset=utf-8",
        "json": "application/json", "map": "application/json",
        "xml": "application/xml; charset=utf-8", "xsl": "application/xml; charset=utf-8",
        "svg": "image/svg+xml",
        "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif", "webp": "image/webp",
        "avif": "image/avif", "ico": "image/x-icon",
        "txt": "text/plain; charset=utf-8", "md": "text/markdown; charset=utf-8", "csv": "text/csv; charset=utf-8",
        "bib": "application/x-bibtex; charset=utf-8",
        "ris": "application/x-research-info-systems; charset=utf-8",
        "wasm": "application/wasm",
        "pdf": "application/pdf", "zip": "application/zip", "gz": "application/gzip",
        "woff": "font/woff", "woff2": "font/woff2", "ttf": "font/ttf", "otf": "font/otf",
        "mp3": "audio/mpeg", "ogg": "audio/ogg", "wav": "audio/wav",
        "mp4": "video/mp4", "webm": "video/webm",
    ]
}

/// HTTP dates (IMF-fixdate, `Sun, 06 Nov 1994 08:49:37 GMT`): the only form written, and the only one browsers send.
enum HTTPDate {
    private static let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func format(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(days[Int(parts.tm_wday)]), \(two(parts.tm_mday)) \(months[Int(parts.tm_mon)]) \(parts.tm_year + 1900) "
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)) GMT"
    }

    static func parse(_ text: String) -> Date? {
        let fields = text.split(separator: " ")
        guard fields.count == 6, fields[5] == "GMT", let day = Int32(fields[1]), let month = months.firstIndex(of: String(fields[2])),
              let year = Int32(fields[3]) else { return nil }
        let clock = fields[4].split(separator: ":")
        guard clock.count == 3, let hour = Int32(clock[0]), let minute = Int32(clock[1]), let second = Int32(clock[2]) else { return nil }
        var parts = tm()
        parts.tm_year = year - 1900
        parts.tm_mon = Int32(month)
        parts.tm_mday = day
        parts.tm_hour = hour
        parts.tm_min = minute
        parts.tm_sec = second
        let seconds = timegm(&parts)
        guard seconds != -1 else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }
}
