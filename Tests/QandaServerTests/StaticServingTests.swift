import Foundation
import Hummingbird
import HummingbirdTesting
import QandaKit
import Testing
@testable import QandaServer

/// The site of the `basic` fixture (base_url https://example.org/kb/) served from memory, through the router
/// test framework (no socket).
@Suite struct StaticServingTests {
    static func servedBasic() async -> (SiteSnapshot, some ApplicationProtocol) {
        let snapshot = SiteSnapshot(siteFolder: Fixtures.site("basic"), options: Fixtures.options, fixedNow: true)
        let report = await snapshot.rebuild()
        #expect(report.succeeded, "\(report.diagnostics)")
        return (snapshot, SiteServer(snapshot: snapshot).application())
    }

    @Test func homeAndQuestionPagesAreHTMLWithTheReloadScript() async throws {
        let (_, app) = await Self.servedBasic()
        try await app.test(.router) { client in
            for path in ["/kb/", "/kb/questions/sleep-and-worry/", "/kb/index.html"] {
                let response = try await client.execute(uri: path, method: .get)
                #expect(response.status == .ok, "\(path)")
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let body = String(buffer: response.body)
                #expect(body.contains("<script data-qanda-serve>"), "\(path)")
                #expect(body.contains(LiveReload.eventsPath))
                // Before </body>, once.
                let script = try #require(body.range(of: "<script data-qanda-serve>"))
                let end = try #require(body.range(of: "</body>", options: .backwards))
                #expect(script.upperBound < end.lowerBound)
                #expect(body.components(separatedBy: "data-qanda-serve").count == 2)
            }
            let question = try await client.execute(uri: "/kb/questions/sleep-and-worry/", method: .get)
            #expect(String(buffer: question.body).contains("Why do I worry at night?"))
        }
    }

    @Test func otherFilesHaveTheirContentTypesAndNoScript() async throws {
        let (_, app) = await Self.servedBasic()
        let expected = [
            "/kb/qanda.css": "text/css; charset=utf-8",
            "/kb/assets/extra.css": "text/css; charset=utf-8",
            "/kb/questions/sleep-and-worry/chart.svg": "image/svg+xml",
            "/kb/questions/sleep-and-worry/cite.bib": "application/x-bibtex; charset=utf-8",
            "/kb/questions/sleep-and-worry/cite.ris": "application/x-research-info-systems; charset=utf-8",
            "/kb/questions/sleep-and-worry/cite.json": "application/json",
            "/kb/feed.xml": "application/xml; charset=utf-8",
            "/kb/sitemap.xml": "application/xml; charset=utf-8",
            "/kb/robots.txt": "text/plain; charset=utf-8",
            "/kb/manifest.json": "application/json",
        ]
        try await app.test(.router) { client in
            for (path, type) in expected {
                let response = try await client.execute(uri: path, method: .get)
                #expect(response.status == .ok, "\(path)")
                #expect(response.headers[.contentType] == type, "\(path)")
                #expect(!String(buffer: response.body).contains("data-qanda-serve"), "\(path)")
            }
        }
    }

    @Test func contentTypesByExtension() {
        #expect(ContentType.forPath("a/b.HTML") == "text/html; charset=utf-8")
        #expect(ContentType.forPath("x.js") == "text/javascript; charset=utf-8")
        #expect(ContentType.forPath("x.png") == "image/png")
        #expect(ContentType.forPath("x.jpg") == "image/jpeg")
        #expect(ContentType.forPath("x.gif") == "image/gif")
        #expect(ContentType.forPath("x.webp") == "image/webp")
        // The search index (docs/SEARCH.md): JSON for the root, directories and docs, bytes for the shards.
        #expect(ContentType.forPath("search/index/root.1a2b3c4d5e6f.json") == "application/json")
        #expect(ContentType.forPath("search/index/docs.3fa9c2.0.64.json") == "application/json")
        #expect(ContentType.forPath("search/index/terms.1a2b3c4d5e6f.bin") == "application/octet-stream")
        #expect(ContentType.forPath("search/qanda-search.1a2b3c4d5e6f.js") == "text/javascript; charset=utf-8")
        #expect(ContentType.forPath("x.wasm") == "application/wasm")
        #expect(ContentType.forPath("x.txt") == "text/plain; charset=utf-8")
        #expect(ContentType.forPath("README") == "application/octet-stream")
        #expect(ContentType.forPath(".hidden") == "application/octet-stream")
        #expect(ContentType.forPath("x.unknown") == "application/octet-stream")
    }

    @Test func missingPagesGetTheSite404Page() async throws {
        let (snapshot, app) = await Self.servedBasic()
        let page404 = try #require(snapshot.current?.files["404.html"])
        try await app.test(.router) { client in
            for path in ["/kb/nope/", "/kb/questions/nope/", "/kb/nope.css", "/elsewhere/", "/kb//questions/"] {
                let response = try await client.execute(uri: path, method: .get)
                #expect(response.status == .notFound, "\(path)")
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(response.body == page404.body, "\(path)")
            }
        }
    }

    @Test func folderWithoutSlashRedirectsAndRootGoesToTheBasePath() async throws {
        let (_, app) = await Self.servedBasic()
        try await app.test(.router) { client in
            let question = try await client.execute(uri: "/kb/questions/sleep-and-worry", method: .get)
            #expect(question.status == .movedPermanently)
            #expect(question.headers[.location] == "/kb/questions/sleep-and-worry/")
            let withQuery = try await client.execute(uri: "/kb/questions?page=1", method: .get)
            #expect(withQuery.status == .movedPermanently)
            #expect(withQuery.headers[.location] == "/kb/questions/?page=1")
            for path in ["/", "/kb"] {
                let root = try await client.execute(uri: path, method: .get)
                #expect(root.status == .found, "\(path)")
                #expect(root.headers[.location] == "/kb/", "\(path)")
            }
            // A file is not a folder.
            let css = try await client.execute(uri: "/kb/qanda.css", method: .get)
            #expect(css.status == .ok)
        }
    }

    @Test func etagAndLastModifiedAnswer304() async throws {
        let (_, app) = await Self.servedBasic()
        try await app.test(.router) { client in
            let first = try await client.execute(uri: "/kb/qanda.css", method: .get)
            let etag = try #require(first.headers[.eTag])
            let modified = try #require(first.headers[.lastModified])
            #expect(etag.hasPrefix("\"") && etag.hasSuffix("\""))
            #expect(modified.hasSuffix(" GMT"))

            let same = try await client.execute(uri: "/kb/qanda.css", method: .get, headers: [.ifNoneMatch: etag])
            #expect(same.status == .notModified)
            #expect(same.body.readableBytes == 0)
            #expect(same.headers[.eTag] == etag)
            let listed = try await client.execute(uri: "/kb/qanda.css", method: .get, headers: [.ifNoneMatch: "\"other\", W/\(etag)"])
            #expect(listed.status == .notModified)
            let other = try await client.execute(uri: "/kb/qanda.css", method: .get, headers: [.ifNoneMatch: "\"other\""])
            #expect(other.status == .ok)

            let since = try await client.execute(uri: "/kb/qanda.css", method: .get, headers: [.ifModifiedSince: modified])
            #expect(since.status == .notModified)
            let old = try await client.execute(uri: "/kb/qanda.css", method: .get,
                                               headers: [.ifModifiedSince: "Sun, 06 Nov 1994 08:49:37 GMT"])
            #expect(old.status == .ok)
            // If-None-Match wins over If-Modified-Since.
            let both = try await client.execute(uri: "/kb/qanda.css", method: .get,
                                                headers: [.ifNoneMatch: "\"other\"", .ifModifiedSince: modified])
            #expect(both.status == .ok)
            // Pages too, and the ETag is a function of the bytes.
            let page = try await client.execute(uri: "/kb/", method: .get)
            let pageTag = try #require(page.headers[.eTag])
            #expect(pageTag != etag)
            let again = try await client.execute(uri: "/kb/", method: .get, headers: [.ifNoneMatch: pageTag])
            #expect(again.status == .notModified)
        }
    }

    @Test func headHasTheHeadersOfGetWithoutTheBody() async throws {
        let (_, app) = await Self.servedBasic()
        try await app.test(.router) { client in
            for path in ["/kb/", "/kb/qanda.css", "/kb/nope/"] {
                let get = try await client.execute(uri: path, method: .get)
                let head = try await client.execute(uri: path, method: .head)
                #expect(head.status == get.status, "\(path)")
                #expect(head.body.readableBytes == 0, "\(path)")
                #expect(head.headers[.contentLength] == String(get.body.readableBytes), "\(path)")
                #expect(head.headers[.contentType] == get.headers[.contentType])
                #expect(head.headers[.eTag] == get.headers[.eTag])
            }
            let post = try await client.execute(uri: "/kb/", method: .post)
            #expect(post.status == .methodNotAllowed)
            #expect(post.headers[.allow] == "GET, HEAD")
        }
    }

    @Test func traversalAndMalformedPathsAre404() async throws {
        let (snapshot, app) = await Self.servedBasic()
        let page404 = try #require(snapshot.current?.files["404.html"])
        let attempts = [
            "/../qanda.yml", "/kb/../qanda.yml", "/kb/../../qanda.yml", "/%2e%2e/qanda.yml", "/kb/%2e%2e/qanda.yml",
            "/kb/%2E%2E/%2E%2E/qanda.yml", "/kb/questions/%2f..%2f..%2fqanda.yml", "/kb/questions/%2F..%2F..%2Fqanda.yml",
            "/kb/questions/..\\..\\qanda.yml", "/kb/questions/..%5c..%5cqanda.yml", "/kb/questions/%5C",
            "/kb/./index.html", "/kb/%2e/index.html", "/kb/index.html%00", "/kb/%00/", "/kb/%zz/", "/kb/%ff/",
            "/kb/questions/sleep-and-worry/%2e%2e/%2e%2e/%2e%2e/Content/questions/sleep-and-worry/question.md",
            "/kb/questions/sleep-and-worry/..", "/kb/questions/%2e%2e",
        ]
        try await app.test(.router) { client in
            for path in attempts {
                let response = try await client.execute(uri: path, method: .get)
                #expect(response.status == .notFound, "\(path)")
                #expect(response.body == page404.body, "\(path)")
                #expect(!String(buffer: response.body).contains("base_url"), "\(path)")
            }
        }
    }

    @Test func pathChecks() {
        #expect(StaticResponder.target(rawPath: "/", basePath: "/") == .file(""))
        #expect(StaticResponder.target(rawPath: "/questions/x/", basePath: "/") == .file("questions/x/"))
        #expect(StaticResponder.target(rawPath: "/caf%C3%A9/", basePath: "/") == .file("café/"))
        #expect(StaticResponder.target(rawPath: "/", basePath: "/kb/") == .redirect("/kb/"))
        #expect(StaticResponder.target(rawPath: "/kb", basePath: "/kb/") == .redirect("/kb/"))
        #expect(StaticResponder.target(rawPath: "/kb/", basePath: "/kb/") == .file(""))
        #expect(StaticResponder.target(rawPath: "/kb/a/b", basePath: "/kb/") == .file("a/b"))
        #expect(StaticResponder.target(rawPath: "/kbx/", basePath: "/kb/") == .outside)
        #expect(StaticResponder.target(rawPath: "/a", basePath: "/a/b/") == .redirect("/a/b/"))
        #expect(StaticResponder.target(rawPath: "/a/c", basePath: "/a/b/") == .outside)
        for bad in ["/..", "/a/../b", "/%2e%2e", "/a%2fb", "/a\\b", "/a%5cb", "/a%00", "//a", "/a//b", "/%", "/%2", "/%c3", "a"] {
            #expect(StaticResponder.target(rawPath: bad, basePath: "/") == .rejected, "\(bad)")
        }
    }

    @Test func draftsAreServedOnlyWhenAsked() async throws {
        let page = "/kb/questions/draft-thread/"
        for drafts in [false, true] {
            var options = Fixtures.options
            options.includeDrafts = drafts
            let snapshot = SiteSnapshot(siteFolder: Fixtures.site("basic"), options: options, fixedNow: true)
            await snapshot.rebuild()
            try await SiteServer(snapshot: snapshot).application().test(.router) { client in
                let response = try await client.execute(uri: page, method: .get)
                #expect(response.status == (drafts ? .ok : .notFound), "drafts: \(drafts)")
            }
        }
    }

    @Test func buildOutputNeverHasTheScript() async throws {
        let sink = MemorySink()
        let result = await SitePipeline(siteFolder: Fixtures.site("basic"), options: Fixtures.options).build(into: sink)
        #expect(result.succeeded)
        for (path, bytes) in sink.files where path.hasSuffix(".html") {
            #expect(!String(decoding: bytes, as: UTF8.self).contains("data-qanda-serve"), "\(path)")
        }
    }

    @Test func scriptInjection() {
        func inject(_ html: String) -> String { String(decoding: LiveReload.inject(into: Array(html.utf8)), as: UTF8.self) }
        #expect(inject("<p>a</p></BODY></html>") == "<p>a</p>" + LiveReload.script + "</BODY></html>")
        #expect(inject("<p>x</body> </body>") == "<p>x</body> " + LiveReload.script + "</body>")
        #expect(inject("<p>no body") == "<p>no body" + LiveReload.script)
    }

    @Test func siteWithErrorsBeforeAnyGoodBuildShowsThem() async throws {
        let site = TemporarySite()
        site.write(site.read("Content/questions/sleep-and-worry/ada.md").replacingOccurrences(
            of: "author: ada-lovelace", with: "author: ada-lovelac"), to: "Content/questions/sleep-and-worry/ada.md")
        let snapshot = SiteSnapshot(siteFolder: site.path, options: Fixtures.options, fixedNow: true)
        let report = await snapshot.rebuild()
        #expect(!report.succeeded)
        let app = SiteServer(snapshot: snapshot).application()
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/kb/", method: .get)
            #expect(response.status == .serviceUnavailable)
            let body = String(buffer: response.body)
            #expect(body.contains("Content/questions/sleep-and-worry/ada.md:2"))
            #expect(body.contains("unknown author &#39;ada-lovelac&#39;") || body.contains("unknown author 'ada-lovelac'"))
            #expect(body.contains("data-qanda-serve"))
        }
    }

    @Test func lastModifiedStaysForUnchangedFiles() async throws {
        let site = TemporarySite()
        let snapshot = SiteSnapshot(siteFolder: site.path, options: Fixtures.options, fixedNow: true)
        await snapshot.rebuild()
        let before = try #require(snapshot.current)
        try await Task.sleep(for: .milliseconds(1100))
        site.write(site.read("Content/pages/about.md") + "\nOne more line.\n", to: "Content/pages/about.md")
        let report = await snapshot.rebuild(changes: ["Content/pages/about.md"])
        #expect(report.succeeded)
        let after = try #require(snapshot.current)
        #expect(after.generation == before.generation + 1)
        let css = try #require(after.files["qanda.css"]), oldCSS = try #require(before.files["qanda.css"])
        #expect(css.lastModified == oldCSS.lastModified)
        #expect(css.etag == oldCSS.etag)
        let about = try #require(after.files["pages/about/index.html"]), oldAbout = try #require(before.files["pages/about/index.html"])
        #expect(about.etag != oldAbout.etag)
        #expect(about.lastModified > oldAbout.lastModified)
        #expect(report.changedCount < report.fileCount)
    }
    /// Content/static/ is served at the site root as the build writes it, hidden folders included, and a save
    /// there is served after the rebuild; a file where the build writes its own fails the rebuild and the last
    /// good site stays.
    @Test func filesAtTheSiteRootAreServedAndRebuilt() async throws {
        let site = TemporarySite()
        site.write("Contact: mailto:security@example.org\n", to: "Content/static/.well-known/security.txt")
        site.write("kb.example.org\n", to: "Content/static/CNAME")
        let snapshot = SiteSnapshot(siteFolder: site.path, options: Fixtures.options, fixedNow: true)
        #expect(await snapshot.rebuild().succeeded)
        let app = SiteServer(snapshot: snapshot).application()
        try await app.test(.router) { client in
            let security = try await client.execute(uri: "/kb/.well-known/security.txt", method: .get)
            #expect(security.status == .ok)
            #expect(security.headers[.contentType] == "text/plain; charset=utf-8")
            #expect(String(buffer: security.body) == "Contact: mailto:security@example.org\n")
            let cname = try await client.execute(uri: "/kb/CNAME", method: .get)
            #expect(cname.status == .ok)
            #expect(cname.headers[.contentType] == "application/octet-stream")
            #expect(String(buffer: cname.body) == "kb.example.org\n")
        }
        site.write("Contact: mailto:abuse@example.org\n", to: "Content/static/.well-known/security.txt")
        #expect(await snapshot.rebuild(changes: ["Content/static/.well-known/security.txt"]).succeeded)
        site.write("mine\n", to: "Content/static/robots.txt")
        let failed = await snapshot.rebuild(changes: ["Content/static/robots.txt"])
        #expect(!failed.succeeded)
        #expect(failed.diagnostics.map(\.code) == [.staticCollision])
        try await app.test(.router) { client in
            let security = try await client.execute(uri: "/kb/.well-known/security.txt", method: .get)
            #expect(String(buffer: security.body) == "Contact: mailto:abuse@example.org\n")
            let robots = try await client.execute(uri: "/kb/robots.txt", method: .get)
            #expect(String(buffer: robots.body).hasPrefix("User-agent:"))
        }
    }
}
