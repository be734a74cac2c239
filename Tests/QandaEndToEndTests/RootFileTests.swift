import Foundation
import Testing
@testable import QandaKit

#if canImport(Glibc)
import Glibc
#endif

/// `Content/static/` is published at the site root as it is, by `qanda build` as a user runs it: byte for byte,
/// kept when unchanged, gone when removed; a file where the build writes its own, a link out of the site or a
/// name like ".." stops the build with nothing written.
@Suite struct RootFileTests {
    /// Every byte value, so nothing is read as text on the way.
    static let binary = [UInt8](0...255) + [UInt8](repeating: 0, count: 3) + [0xFF, 0xFE, 0x0D, 0x0A]

    /// The `basic` fixture with a tree of static files, and where it builds to.
    struct StaticSite {
        let folder = TemporaryFolder()
        let site: String
        var output: String { folder.path + "/out" }

        init() {
            site = folder.copySite("basic")
            folder.write("answers.example.org\n", to: "site/Content/static/CNAME")
            folder.write("", to: "site/Content/static/.nojekyll")
            folder.write("/*\n  X-Frame-Options: DENY\n", to: "site/Content/static/_headers")
            folder.write("Contact: mailto:security@example.org\nExpires: 2030-01-01T00:00:00Z\n",
                         to: "site/Content/static/.well-known/security.txt")
            folder.write("deep\n", to: "site/Content/static/a/b/c/d.txt")
            // Tools' files stay out of the site.
            folder.write("", to: "site/Content/static/.well-known/.gitkeep")
            folder.write("\u{0}", to: "site/Content/static/.DS_Store")
            FileManager.default.createFile(atPath: site + "/Content/static/favicon.ico", contents: Data(RootFileTests.binary))
        }

        func build() throws -> CommandRun { try CommandRun.run(["build", "--site", site, "--output", output, "--no-search"]) }
        func check() throws -> CommandRun { try CommandRun.run(["check", "--site", site, "--today", "2025-06-01"]) }
    }

    static func bytes(_ path: String) -> [UInt8]? { FileManager.default.contents(atPath: path).map { [UInt8]($0) } }

    static func inode(_ path: String) -> UInt64? {
        var info = stat()
        return lstat(path, &info) == 0 ? UInt64(info.st_ino) : nil
    }

    /// Every file of a folder with its bytes and inode: what "untouched" means.
    static func snapshot(_ folder: String) -> [String: ([UInt8], UInt64)] {
        var result: [String: ([UInt8], UInt64)] = [:]
        for file in DirectoryListing.filesRecursively(under: folder).files {
            result[file] = (bytes(folder + "/" + file) ?? [], inode(folder + "/" + file) ?? 0)
        }
        return result
    }

    static func same(_ a: [String: ([UInt8], UInt64)], _ b: [String: ([UInt8], UInt64)]) -> Bool {
        a.keys.sorted() == b.keys.sorted() && a.allSatisfy { path, value in b[path].map { $0.0 == value.0 && $0.1 == value.1 } ?? false }
    }

    @Test func theStaticTreeIsCopiedToTheSiteRootByteForByte() throws {
        let site = StaticSite()
        let run = try site.build()
        #expect(run.status == 0, "\(run.stderr)")
        for file in ["CNAME", ".nojekyll", "_headers", ".well-known/security.txt", "a/b/c/d.txt", "favicon.ico"] {
            #expect(Self.bytes(site.output + "/" + file) == Self.bytes(site.site + "/Content/static/" + file), "\(file)")
        }
        #expect(Self.bytes(site.output + "/favicon.ico") == Self.binary)
        #expect(Self.bytes(site.output + "/.nojekyll") == [])
        #expect(!FileManager.default.fileExists(atPath: site.output + "/.DS_Store"))
        #expect(!FileManager.default.fileExists(atPath: site.output + "/.well-known/.gitkeep"))
        // The build's own files are all still there.
        #expect(FileManager.default.fileExists(atPath: site.output + "/index.html"))
        #expect(FileManager.default.fileExists(atPath: site.output + "/robots.txt"))
        // Listed in the manifest like the assets, so `check --against` notices one that goes away.
        let manifest = try SiteManifest.read(site.output)
        for url in ["/CNAME", "/.well-known/security.txt", "/favicon.ico", "/a/b/c/d.txt", "/assets/extra.css"] {
            #expect(manifest.urls.contains(url), "\(url)")
        }
        #expect(!manifest.urls.contains("/.DS_Store"))
    }

    @Test func unchangedStaticFilesAreKeptAndRemovedOnesDisappear() throws {
        let site = StaticSite()
        #expect(try site.build().status == 0)
        let cname = Self.inode(site.output + "/CNAME"), security = Self.inode(site.output + "/.well-known/security.txt")
        #expect(cname != nil)
        // Nothing changed: no file is written again.
        #expect(try site.build().status == 0)
        #expect(Self.inode(site.output + "/CNAME") == cname)
        // One edited, one removed, one added: the others stay the files they were.
        site.folder.write("kb.example.org\n", to: "site/Content/static/CNAME")
        try FileManager.default.removeItem(atPath: site.site + "/Content/static/a")
        try FileManager.default.removeItem(atPath: site.site + "/Content/static/_headers")
        site.folder.write("google-site-verification: google1234.html\n", to: "site/Content/static/google1234.html")
        let run = try site.build()
        #expect(run.status == 0, "\(run.stderr)")
        #expect(Self.bytes(site.output + "/CNAME") == Array("kb.example.org\n".utf8))
        #expect(!FileManager.default.fileExists(atPath: site.output + "/_headers"))
        #expect(!FileManager.default.fileExists(atPath: site.output + "/a"), "the emptied folder goes too")
        #expect(Self.bytes(site.output + "/google1234.html") == Array("google-site-verification: google1234.html\n".utf8))
        #expect(Self.inode(site.output + "/.well-known/security.txt") == security)
        let manifest = try SiteManifest.read(site.output)
        #expect(!manifest.urls.contains("/_headers"))
        #expect(manifest.urls.contains("/google1234.html"))
        // The same bytes as a clean build of the same sources.
        let clean = site.folder.path + "/clean"
        #expect(try CommandRun.run(["build", "--site", site.site, "--output", clean, "--no-search", "--no-cache"]).status == 0)
        let built = Self.snapshot(site.output).mapValues(\.0), fresh = Self.snapshot(clean).mapValues(\.0)
        #expect(built.keys.sorted() == fresh.keys.sorted())
        #expect(built.filter { fresh[$0.key] != $0.value }.keys.sorted() == [])
    }

    /// A removed `.well-known/` file is a lost URL, like a removed page.
    @Test func aRemovedStaticFileIsAURLRemoved() throws {
        let site = StaticSite()
        #expect(try site.build().status == 0)
        try FileManager.default.removeItem(atPath: site.site + "/Content/static/.well-known/security.txt")
        let run = try CommandRun.run(["check", "--site", site.site, "--today", "2025-06-01", "--against", site.output])
        #expect(run.status == 1)
        #expect(run.stdout.contains("error[url-removed]: /.well-known/security.txt was published before and this site no longer has it"), "\(run.stdout)")
        #expect(!run.stdout.contains("/CNAME was published"))
    }

    /// The collision, the build's file it names, and the start of the message.
    @Test(arguments: [
        ("index.html", "would replace the home page (index.html) the build writes"),
        ("robots.txt", "would replace the robots.txt the build writes"),
        ("questions/sleep-and-worry/index.html", "would replace the page /questions/sleep-and-worry/ of Content/questions/sleep-and-worry/"),
        ("questions/notes.txt", "would go into questions/, a folder the build writes"),
        ("manifest.json", "would replace the manifest.json the build writes"),
        ("assets/extra.css", "would replace the copy of Content/assets/extra.css the build writes"),
        // The search index and its script live under search/ (docs/SEARCH.md), which the build owns whole.
        ("search/index/root.json", "would go into search/, a folder the build writes"),
        ("search/qanda-search.js", "would go into search/, a folder the build writes"),
    ])
    func aFileWhereTheBuildWritesItsOwnStopsTheBuild(_ path: String, _ message: String) throws {
        let site = StaticSite()
        #expect(try site.build().status == 0)
        let before = Self.snapshot(site.output)
        site.folder.write("mine\n", to: "site/Content/static/" + path)
        let run = try site.build()
        #expect(run.status == 1)
        #expect(run.stderr.contains("Content/static/\(path): error[static-collision]: Content/static/\(path) \(message)"), "\(run.stderr)")
        #expect(run.stderr.contains("hint: rename or move it in Content/static/"))
        #expect(Self.same(before, Self.snapshot(site.output)), "the previous site must stay as it was")
        let check = try site.check()
        #expect(check.status == 1)
        #expect(check.stdout.contains("Content/static/\(path): error[static-collision]"), "\(check.stdout)")
    }

    /// A page's folder belongs to the build, and so do the names the site reserves: a file in place of a folder
    /// the build makes, a folder in place of its file, or a file inside its folders is refused.
    @Test func foldersTheBuildOwnsAreRefusedToo() async throws {
        let folder = TemporaryFolder()
        let site = folder.copySite("basic")
        folder.write("x\n", to: "site/Content/static/pages/about")
        folder.write("x\n", to: "site/Content/static/search")
        folder.write("x\n", to: "site/Content/static/robots.txt/inside.txt")
        folder.write("x\n", to: "site/Content/static/old/night-worry/notes.txt")
        // Beside an alias's folder is not inside it; and pagefind/ is no longer the build's (Pagefind is gone).
        folder.write("x\n", to: "site/Content/static/old/other.txt")
        folder.write("x\n", to: "site/Content/static/pagefind/pagefind.js")
        let (result, sink) = await buildInMemory(site)
        #expect(!result.succeeded)
        #expect(sink.files.isEmpty)
        #expect(result.diagnostics.map(\.file) == ["old/night-worry/notes.txt", "pages/about", "robots.txt/inside.txt", "search"]
            .map { "Content/static/" + $0 })
        #expect(result.diagnostics.allSatisfy { $0.code == .staticCollision })
        #expect(result.diagnostics.map(\.message) == [
            "Content/static/old/night-worry/notes.txt would go into old/night-worry/, the folder of the redirect /old/night-worry/, an alias of Content/questions/sleep-and-worry/",
            "Content/static/pages/about would be a file where the build makes the folder pages/about/ for the page /pages/about/ of Content/pages/about.md",
            "Content/static/robots.txt/inside.txt would need a folder robots.txt/ in place of the robots.txt the build writes",
            "Content/static/search would be a file where the build makes the folder search/ for the page /search/ the build writes",
        ])
    }

    /// With no reserved name among the static files, only the aliases and the root files are looked at: an
    /// alias's redirect is still found.
    @Test func anAliasIsFoundWithoutAReservedName() async throws {
        let folder = TemporaryFolder()
        let site = folder.copySite("basic")
        folder.write("x\n", to: "site/Content/static/old/night-worry/index.html")
        folder.write("x\n", to: "site/Content/static/CNAME")
        let (result, _) = await buildInMemory(site)
        #expect(result.diagnostics.map(\.message) == [
            "Content/static/old/night-worry/index.html would replace the redirect /old/night-worry/, an alias of Content/questions/sleep-and-worry/",
        ])
    }

    @Test func aLinkOutOfTheSiteStopsTheBuild() throws {
        let site = StaticSite()
        #expect(try site.build().status == 0)
        let before = Self.snapshot(site.output)
        site.folder.write("secret\n", to: "outside.txt")
        try FileManager.default.createSymbolicLink(atPath: site.site + "/Content/static/notes.txt", withDestinationPath: "../../../outside.txt")
        let run = try site.build()
        #expect(run.status == 1)
        #expect(run.stderr.contains("Content/static/notes.txt: error[static-unsafe]: symbolic link leads out of the site folder"), "\(run.stderr)")
        #expect(run.stderr.contains("copy the file into Content/static/ instead of linking to it"))
        #expect(Self.same(before, Self.snapshot(site.output)))
        #expect(try site.check().stdout.contains("Content/static/notes.txt: error[static-unsafe]"))
    }

    /// A link to a file inside the site is published as that file's bytes (a link to a folder is not followed).
    @Test func aLinkInsideTheSiteIsFollowed() throws {
        let site = StaticSite()
        try FileManager.default.createSymbolicLink(atPath: site.site + "/Content/static/extra.css", withDestinationPath: "../assets/extra.css")
        try FileManager.default.createSymbolicLink(atPath: site.site + "/Content/static/every-asset", withDestinationPath: "../assets")
        // Outside Content/ but inside the site folder: what the build cache scans does not hold it.
        site.folder.write("Team: us\n", to: "site/humans.txt")
        try FileManager.default.createSymbolicLink(atPath: site.site + "/Content/static/humans.txt", withDestinationPath: "../../humans.txt")
        let run = try site.build()
        #expect(run.status == 0, "\(run.stderr)")
        #expect(Self.bytes(site.output + "/extra.css") == Self.bytes(site.site + "/Content/assets/extra.css"))
        #expect(DirectoryListing.kind(of: site.output + "/extra.css") == .file)
        #expect(!FileManager.default.fileExists(atPath: site.output + "/every-asset"))
        #expect(run.stderr.contains("Content/static/every-asset: warning[symlink-not-followed]"), "\(run.stderr)")
        // Editing the file the link leads to is a change the next build publishes.
        #expect(Self.bytes(site.output + "/humans.txt") == Array("Team: us\n".utf8))
        site.folder.write("body { color: red; }\n", to: "site/Content/assets/extra.css")
        site.folder.write("Team: all of us\n", to: "site/humans.txt")
        let second = try site.build()
        #expect(second.status == 0)
        #expect(!second.stdout.contains("Nothing changed"), "\(second.stdout)")
        #expect(Self.bytes(site.output + "/extra.css") == Array("body { color: red; }\n".utf8))
        #expect(Self.bytes(site.output + "/humans.txt") == Array("Team: all of us\n".utf8))
        // Only the linked file changed: the build cache must still notice it.
        site.folder.write("Team: everyone\n", to: "site/humans.txt")
        #expect(try site.build().status == 0)
        #expect(Self.bytes(site.output + "/humans.txt") == Array("Team: everyone\n".utf8))
    }

    /// Names a host could read as "." or "..": dots and spaces only (Windows trims them), the same
    /// percent-encoded or in fullwidth dots, and backslashes. A segment ".." itself cannot exist on disk.
    @Test(arguments: ["...", ". .", "%2e%2e", "%2E.", "\u{FF0E}\u{FF0E}", "..\\secret", "a\\b"])
    func aNameThatReadsAsDotDotStopsTheBuild(_ name: String) async throws {
        let folder = TemporaryFolder()
        let site = folder.copySite("basic")
        folder.write("x\n", to: "site/Content/static/inner/" + name)
        let (result, sink) = await buildInMemory(site)
        #expect(!result.succeeded)
        #expect(sink.files.isEmpty)
        let diagnostic = try #require(result.diagnostics.first { $0.code == .staticUnsafe })
        #expect(diagnostic.file == "Content/static/inner/" + name)
        #expect(diagnostic.message.contains("the name '\(name)'"))
    }

    /// Names that only look odd are fine: "..x", "x..", a lone dot file.
    @Test func oddButSafeNamesArePublished() async throws {
        let folder = TemporaryFolder()
        let site = folder.copySite("basic")
        for name in ["..x", "x..", ".x", "a b.txt", "ünï.txt"] { folder.write(name, to: "site/Content/static/" + name) }
        let (result, sink) = await buildInMemory(site)
        #expect(result.succeeded, "\(result.diagnostics)")
        for name in ["..x", "x..", ".x", "a b.txt", "ünï.txt"] { #expect(sink.text(name) == name) }
    }
}
