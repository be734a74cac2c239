/// Escaping for the few pieces of HTML that Qanda writes itself (the templates escape through swift-mustache).
public enum HTML {
    /// `& < > " '` as `&amp; &lt; &gt; &quot; &#39;`, byte for byte what swift-mustache's escaper gives, over
    /// UTF-8 bytes; text with nothing to escape (nearly all of it) comes back as it is, uncopied.
    public static func escape(_ text: String) -> String {
        let special = { (byte: UInt8) in byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27 }
        guard text.utf8.contains(where: special) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 32)
        for byte in text.utf8 {
            switch byte {
            case 0x26: bytes += "&amp;".utf8
            case 0x3C: bytes += "&lt;".utf8
            case 0x3E: bytes += "&gt;".utf8
            case 0x22: bytes += "&quot;".utf8
            case 0x27: bytes += "&#39;".utf8
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Escapes `& < > " '` (the apostrophe as `apostrophe`) and drops the scalars `keeping` refuses; what XML
    /// output uses too (`XMLText.escape`).
    static func escape(_ text: String, apostrophe: String, keeping: (Unicode.Scalar) -> Bool) -> String {
        let needsWork = { (scalar: Unicode.Scalar) -> Bool in
            switch scalar {
            case "&", "<", ">", "\"", "'": true
            default: !keeping(scalar)
            }
        }
        guard text.unicodeScalars.contains(where: needsWork) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += apostrophe
            default: if keeping(scalar) { result.unicodeScalars.append(scalar) }
            }
        }
        return result
    }
}
