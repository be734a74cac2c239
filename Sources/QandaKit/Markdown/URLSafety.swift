/// URL schemes that run code in the reader's browser.
enum URLSafety {
    private static let safeImageData = ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"]

    static func isDangerous(_ url: String, isImage: Bool) -> Bool {
        // Browsers ignore ASCII whitespace and control characters inside a scheme ("java\tscript:").
        let scheme = String(url.unicodeScalars.filter { $0.value > 0x20 }.prefix(16)).lowercased()
        if scheme.hasPrefix("javascript:") || scheme.hasPrefix("vbscript:") || scheme.hasPrefix("file:") { return true }
        if scheme.hasPrefix("data:") {
            return !(isImage && safeImageData.contains { url.lowercased().hasPrefix($0) })
        }
        return false
    }
}
