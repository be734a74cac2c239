/// Escaping for the few pieces of HTML that Qanda writes itself (the templates escape through swift-mustache).
public enum HTML {
    public static func escape(_ text: String) -> String { escape(text, apostrophe: "&#39;", keeping: { _ in true }) }

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
