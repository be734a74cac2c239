import Foundation

/// `manifest.json`: every URL a build published. People cite these URLs, so `qanda check --against` compares a
/// site with an earlier build's manifest and fails when a URL would disappear without an alias.
package struct SiteManifest: Sendable, Equatable {
    package var baseURL: String
    /// Site paths without the base path: "/", "/questions/x/", "/questions/x/cite.bib".
    package var urls: [String]
    /// The URLs of withdrawn threads (their notices and aliases; their citation files and attachments are gone
    /// with them): a later site may drop them and everything under them without `url-removed`.
    package var withdrawn: [String]

    package init(config: SiteConfig, paths: [String], withdrawn: [String] = []) {
        baseURL = config.baseURL
        urls = paths.map { "/" + $0 }
        self.withdrawn = withdrawn
    }

    init(baseURL: String, urls: [String], withdrawn: [String] = []) {
        self.baseURL = baseURL
        self.urls = urls
        self.withdrawn = withdrawn
    }

    /// One URL per line, so that diffs of two manifests read well. `withdrawn` only when there are some, so a
    /// site without withdrawn threads writes the manifest it always did.
    package var json: String {
        let head = JSONText.serialize(["generator": "qanda \(QandaVersion.current)", "base_url": baseURL] as [String: Any])
        let list = { (urls: [String]) in "[" + urls.map { JSONText.serialize($0) }.joined(separator: ",\n") + "]" }
        return head.dropLast() + ",\"urls\":" + list(urls) + (withdrawn.isEmpty ? "" : ",\n\"withdrawn\":" + list(withdrawn)) + "}\n"
    }

    /// Reads a manifest, or the manifest inside a previous output folder.
    package static func read(_ path: String) throws -> SiteManifest {
        var file = path
        if DirectoryListing.kind(of: path) == .folder { file = path + "/" + SiteOutline.manifestPath }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw OutputError("cannot read \(file); give a previous output folder or its manifest.json")
        }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let urls = object["urls"] as? [String] else {
            throw OutputError("\(file) is not a Qanda manifest (no \"urls\" list)")
        }
        return SiteManifest(baseURL: object["base_url"] as? String ?? "", urls: urls, withdrawn: object["withdrawn"] as? [String] ?? [])
    }
}
