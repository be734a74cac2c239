import Foundation

/// Under which licence Stack Exchange publishes a post: the `ContentLicense` of the post's row when the dump has
/// it, else by the date of the post's current revision, as Stack Exchange's licensing announcement sets it
/// (https://meta.stackexchange.com/q/347758): CC BY-SA 2.5 before 2011-04-08, 3.0 from then up to but not
/// including 2018-05-02, 4.0 from 2018-05-02 (UTC).
package enum StackExchangeLicense {
    /// The licence's name and the address of its text.
    package static func license(contentLicense: String?, revisionDate: String) -> (name: String, url: String?) {
        if let name = contentLicense?.trimmingCharacters(in: .whitespaces), !name.isEmpty {
            return (name, url(of: name))
        }
        // The dump's timestamps are UTC, `2011-04-08T00:00:00.000`: compared as text, the day decides.
        let day = String(revisionDate.prefix(10))
        let name = day < "2011-04-08" ? "CC BY-SA 2.5" : day < "2018-05-02" ? "CC BY-SA 3.0" : "CC BY-SA 4.0"
        return (name, url(of: name))
    }

    /// The licence text of the names Stack Exchange uses; nil for any other.
    package static func url(of name: String) -> String? {
        switch name.uppercased() {
        case "CC BY-SA 2.5": "https://creativecommons.org/licenses/by-sa/2.5/"
        case "CC BY-SA 3.0": "https://creativecommons.org/licenses/by-sa/3.0/"
        case "CC BY-SA 4.0": "https://creativecommons.org/licenses/by-sa/4.0/"
        default: nil
        }
    }
}
