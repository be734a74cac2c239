import Foundation

/// A Stack Exchange data dump folder: the files the import reads, and the address of the site they come from.
package struct StackExchangeDump: Sendable {
    /// The folder as the user named it; files are shown inside it (`dump/Posts.xml`).
    package let folder: String
    package let posts: String
    package let users: String
    package let tags: String
    /// Optional: without it, bodies are converted from the HTML in Posts.xml.
    package let postHistory: String?
    /// `https://cooking.stackexchange.com`, without a `/` at the end.
    package let siteURL: String

    /// - Parameter siteURL: the site's address; nil to take it from the folder's name (`cooking.stackexchange.com`).
    package init(folder: String, siteURL: String?) throws {
        self.folder = folder
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw StackExchangeDumpError(file: folder, message: "no such folder",
                                         hint: "give the folder you extracted the site's dump archive into (it holds Posts.xml, Users.xml and Tags.xml)")
        }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        func find(_ name: String) -> String? {
            let match = entries.contains(name) ? name : entries.first { $0.lowercased() == name.lowercased() }
            return match.map { Self.join(folder, $0) }
        }
        func require(_ name: String) throws -> String {
            guard let path = find(name) else {
                throw StackExchangeDumpError(
                    file: Self.join(folder, name), message: "\(name) is missing from the dump folder",
                    hint: "a Stack Exchange dump folder holds Posts.xml, Users.xml and Tags.xml (and PostHistory.xml): extract "
                        + "the site's whole archive into it (7z x cooking.stackexchange.com.7z -o<folder>); Stack Overflow's "
                        + "files come as separate archives (stackoverflow.com-Posts.7z, stackoverflow.com-Users.7z, ...): "
                        + "extract each into the same folder")
            }
            return path
        }
        posts = try require("Posts.xml")
        users = try require("Users.xml")
        tags = try require("Tags.xml")
        postHistory = find("PostHistory.xml")
        self.siteURL = try Self.siteAddress(siteURL, folder: folder)
    }

    private static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// The address given, checked, or one made from a folder named like a host (`cooking.stackexchange.com`).
    static func siteAddress(_ given: String?, folder: String) throws -> String {
        if let given {
            guard let url = URL(string: given), ["http", "https"].contains(url.scheme?.lowercased() ?? ""),
                  let host = url.host, !host.isEmpty, url.query == nil, url.fragment == nil else {
                throw StackExchangeDumpError(file: folder, message: "--site-url '\(given)' is not a site's address",
                                             hint: "give the address of the site the dump comes from, such as https://cooking.stackexchange.com")
            }
            var address = given
            while address.hasSuffix("/") { address.removeLast() }
            return address
        }
        let name = URL(fileURLWithPath: folder).standardizedFileURL.lastPathComponent.lowercased()
        guard isHostName(name) else {
            throw StackExchangeDumpError(
                file: folder, message: "cannot tell which site the dump comes from: the folder's name, '\(name)', is not a site's host name",
                hint: "give the site's address with --site-url https://cooking.stackexchange.com (every imported page links back to "
                    + "its original post there), or name the folder after the site (cooking.stackexchange.com)")
        }
        return "https://" + name
    }

    /// `cooking.stackexchange.com`, `stackoverflow.com`: labels of letters, digits and hyphens, the last one letters.
    static func isHostName(_ name: String) -> Bool {
        let labels = name.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, let last = labels.last, last.count >= 2, last.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return labels.allSatisfy { label in
            !label.isEmpty && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        }
    }
}
