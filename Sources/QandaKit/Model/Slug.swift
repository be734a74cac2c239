import Foundation

/// URL path segments made from names, and the rules that keep every written file inside the output folder.
public enum Slug {
    /// "Ask the Therapist" -> "ask-the-therapist"; "Ansiedad y Pánico" -> "ansiedad-y-panico".
    /// Lowercase ASCII letters and digits joined by single hyphens; empty when nothing is left.
    public static func make(from text: String) -> String {
        // Folding goes through ICU, which is slow; ASCII text only needs lowercasing.
        let folded = text.utf8.allSatisfy { $0 < 0x80 } ? text.lowercased()
            : text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: Locale(identifier: "en_US_POSIX"))
        var result = ""
        var pendingHyphen = false
        for scalar in folded.unicodeScalars {
            let isWordCharacter = scalar.isASCII && (("a"..."z").contains(scalar) || ("0"..."9").contains(scalar))
            if isWordCharacter {
                if pendingHyphen && !result.isEmpty { result.append("-") }
                pendingHyphen = false
                result.unicodeScalars.append(scalar)
            } else if scalar == "'" || scalar == "\u{2019}" {
                continue  // "don't" -> "dont", as people expect
            } else {
                pendingHyphen = true
            }
        }
        return result
    }

    /// A folder name or `slug:` value is usable as one URL segment: a-z, 0-9, '-', '_' and '.',
    /// not starting with a dot (so never "." or ".." and never a hidden file).
    public static func isValidSegment(_ segment: String) -> Bool {
        guard let first = segment.unicodeScalars.first, first != "." else { return false }
        return segment.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || "-_.".unicodeScalars.contains(scalar))
        }
    }

    /// A name starting with a dot (`.DS_Store`, `.swp`): editor and OS litter, never published. Read as bytes: a
    /// combining mark after the dot makes one Character of both, which `hasPrefix(".")` does not match.
    public static func isHidden(_ name: some StringProtocol) -> Bool {
        name.utf8.first == UInt8(ascii: ".")
    }

    /// A relative path (`img/.cache/x.png`) with a hidden segment anywhere, read as bytes.
    public static func hasHiddenSegment(_ path: String) -> Bool {
        path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).contains { $0.first == UInt8(ascii: ".") }
    }

    /// An attachment's file name: any visible name without path separators, not hidden, not "..".
    /// Read as bytes, as `OutputPath.isSafe` reads them: compared as Characters, a combining mark after "/" or "."
    /// joins it into one Character that is neither, and "/" + U+065F passed here to be refused at write time.
    public static func isSafeFileName(_ name: String) -> Bool {
        guard let first = name.utf8.first, first != UInt8(ascii: ".") else { return false }
        guard !name.utf8.contains(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "\\") }) else { return false }
        return !name.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }

    /// An alias path (`/ask/old-url/`): absolute on the site, made of valid segments, so it maps to a folder
    /// inside the output. Returns the segments, or nil when the path could escape or is malformed.
    public static func aliasSegments(_ path: String) -> [String]? {
        guard path.hasPrefix("/"), !path.hasPrefix("//") else { return nil }
        var trimmed = path.dropFirst()
        if trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        if trimmed == "index.html" || trimmed.hasSuffix("/index.html") { trimmed = trimmed.dropLast("index.html".count); if trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() } }
        guard !trimmed.isEmpty else { return nil }
        let segments = trimmed.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard segments.allSatisfy(isValidSegment) else { return nil }
        return segments
    }
}
