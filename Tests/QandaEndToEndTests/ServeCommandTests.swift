import Foundation
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
#if canImport(Glibc)
import Glibc
#endif

/// `qanda serve` as an editor runs it: the real executable on a temporary copy of the `basic` fixture
/// (base_url https://example.org/kb/), on a free loopback port, talked to over real sockets. Pages through
/// URLSession as a browser gets them; exact request paths (which URLSession would normalise), conditional and
/// HEAD requests through a raw HTTP/1.1 client; live reload through a Server-Sent Events client on a socket.
///
/// Every test kills its server on every path; every wait has a timeout. Serialized: each test starts its own
/// server, and the machines that run the suite may have two cores.
@Suite(.serialized) struct ServeCommandTests {
    static let questionPage = "/kb/questions/sleep-and-worry/"
    static let answerFile = "Content/questions/sleep-and-worry/ada.md"
    static let questionTitle = "Why do I worry at night?"
    static let answerSentence = "Try a worry window."

    // MARK: 1. Pages as a browser gets them

    @Test(.timeLimit(.minutes(2))) func servesPagesWithTheLiveReloadScript() async throws {
        let served = try ServedCopy()
        defer { served.stop() }
        let site = served.site
        let server = served.server
        let port = try await served.server.waitUntilServing()

        // The announced address: loopback, the chosen port, the base path of base_url.
        #expect(server.stdout == "Serving http://127.0.0.1:\(port)/kb/ (Ctrl-C to stop)\n")
        #expect(server.stderr.hasPrefix("Built "), "\(server.stderr)")
        #expect(!server.stderr.contains("error"), "\(server.stderr)")

        let home = try await Browser.get(try #require(server.url))
        #expect(home.status == 200)
        #expect(home.contentType == "text/html; charset=utf-8")
        #expect(home.body.contains("<a class=\"site-title\" href=\"/kb/\">Fixture Answers</a>"))
        #expect(home.body.contains(Self.questionTitle), "the newest question is listed on the home page")

        let question = try await Browser.get(port: port, Self.questionPage)
        #expect(question.status == 200)
        #expect(question.contentType == "text/html; charset=utf-8")
        #expect(question.body.contains(Self.questionTitle))
        #expect(question.body.contains(Self.answerSentence))
        #expect(question.body.contains("The accepted answer."))
        #expect(!question.body.contains("A draft answer nobody should see."), "drafts are left out without --drafts")

        for page in [home, question] {
            // The live-reload script, once, before </body>, listening at the events path.
            #expect(page.body.components(separatedBy: "<script data-qanda-serve>").count == 2)
            #expect(page.body.contains("new EventSource(\"/__qanda/events\")"))
            let script = try #require(page.body.range(of: "<script data-qanda-serve>"))
            let end = try #require(page.body.range(of: "</body>", options: .backwards))
            #expect(script.upperBound < end.lowerBound)
        }

        // Files other than HTML: their own types, no script.
        let css = try await Browser.get(port: port, "/kb/qanda.css")
        #expect(css.status == 200)
        #expect(css.contentType == "text/css; charset=utf-8")
        #expect(!css.body.contains("data-qanda-serve"))
        let chart = try await Browser.get(port: port, "/kb/questions/sleep-and-worry/chart.svg")
        #expect(chart.status == 200)
        #expect(chart.contentType == "image/svg+xml")

        // Nothing is written to disk.
        let entries = try FileManager.default.contentsOfDirectory(atPath: site).sorted()
        #expect(entries == ["Content", "qanda.yml"])
        #expect(server.isRunning)
    }

    // MARK: 2. An edit reloads open pages

    @Test(.timeLimit(.minutes(2))) func anEditReloadsOpenPagesWithTheNewText() async throws {
        let served = try ServedCopy()
        defer { served.stop() }
        let site = served.site
        let server = served.server
        let port = try await served.server.waitUntilServing()

        let events = try await EventStream.open(port: port)
        defer { events.close() }
        #expect(events.status == 200)
        #expect(events.header("Content-Type") == "text/event-stream; charset=utf-8")
        let hello = try await events.next("hello")
        #expect(hello.data.hasSuffix("-1"), "generation 1 after the first build: \(hello.data)")

        // Saved in place.
        let answerPath = site + "/" + Self.answerFile
        let original = try String(contentsOfFile: answerPath, encoding: .utf8)
        try #require(original.contains(Self.answerSentence))
        let stderrBefore = server.stderr.utf8.count
        try original.replacingOccurrences(of: Self.answerSentence, with: "Keep a worry notebook by the bed.")
            .write(toFile: answerPath, atomically: false, encoding: .utf8)
        let reload = try await events.next("reload")
        #expect(reload.data == "2")
        let edited = try await Browser.get(port: port, Self.questionPage)
        #expect(edited.status == 200)
        #expect(edited.body.contains("Keep a worry notebook by the bed."))
        #expect(!edited.body.contains(Self.answerSentence))
        #expect(edited.body.contains("data-qanda-serve"))
        let log = try await server.waitForStderr(containing: "reloading", after: stderrBefore)
        #expect(log.contains("Changed: \(Self.answerFile)"), "\(log)")

        // Saved as many editors do: a new (hidden) file renamed over the old one.
        let temporary = site + "/Content/questions/sleep-and-worry/.ada.md.swp"
        try original.replacingOccurrences(of: Self.answerSentence, with: "Write the worries down, then close the notebook.")
            .write(toFile: temporary, atomically: false, encoding: .utf8)
        #expect(rename(temporary, answerPath) == 0)
        let second = try await events.next("reload")
        #expect(second.data == "3")
        let renamed = try await Browser.get(port: port, Self.questionPage)
        #expect(renamed.body.contains("Write the worries down, then close the notebook."))
        #expect(!renamed.body.contains("Keep a worry notebook by the bed."))
        #expect(server.isRunning)
    }

    // MARK: 3. Broken sources: the last good site stays, the errors are reported, a fix recovers

    @Test(.timeLimit(.minutes(2))) func brokenSourcesKeepTheLastGoodSiteUntilFixed() async throws {
        let served = try ServedCopy()
        defer { served.stop() }
        let site = served.site
        let server = served.server
        let port = try await served.server.waitUntilServing()

        let good = try await Browser.get(port: port, Self.questionPage)
        #expect(good.status == 200)
        let goodTag = try #require(good.header("ETag"))
        let events = try await EventStream.open(port: port)
        defer { events.close() }
        _ = try await events.next("hello")

        // An unknown author in an answer's front matter.
        let answerPath = site + "/" + Self.answerFile
        let original = try String(contentsOfFile: answerPath, encoding: .utf8)
        let stderrBefore = server.stderr.utf8.count
        try original.replacingOccurrences(of: "author: ada-lovelace", with: "author: ada-lovelac")
            .write(toFile: answerPath, atomically: false, encoding: .utf8)

        // Browsers hear the errors (the JSON of `qanda check --format json`, on one line)...
        let errors = try await events.next("errors")
        #expect(errors.data.contains(#""code":"unknown-author""#), "\(errors.data)")
        #expect(errors.data.contains(#""file":"Content/questions/sleep-and-worry/ada.md""#))
        #expect(errors.data.contains(#""line":2"#))
        #expect(errors.data.contains(#""errors":1"#))
        #expect(errors.data.contains("did you mean 'ada-lovelace'?"))
        // ...the terminal shows them compiler style...
        let log = try await server.waitForStderr(containing: "still serving the last good site", after: stderrBefore)
        #expect(log.contains("Content/questions/sleep-and-worry/ada.md:2:9: error[unknown-author]: unknown author 'ada-lovelac' (did you mean 'ada-lovelace'?)"), "\(log)")
        #expect(log.contains("error: build failed with 1 error"), "\(log)")
        #expect(!log.contains("\u{1B}["), "no colour codes with CI set and a pipe")
        // ...and the last good site is still served, byte for byte.
        let stillServed = try await Browser.get(port: port, Self.questionPage)
        #expect(stillServed.status == 200)
        #expect(stillServed.body.contains(Self.questionTitle))
        #expect(stillServed.body.contains(Self.answerSentence))
        #expect(stillServed.header("ETag") == goodTag)
        let home = try await Browser.get(port: port, "/kb/")
        #expect(home.status == 200)
        // A page opened now learns about the errors at once.
        let late = try await EventStream.open(port: port)
        defer { late.close() }
        #expect(try await late.next("errors").data == errors.data)
        #expect(server.isRunning)

        // Fixed, with a new sentence: every open page reloads, and the new text is served.
        let stderrBeforeFix = server.stderr.utf8.count
        try original.replacingOccurrences(of: Self.answerSentence, with: "A worry window, fixed.")
            .write(toFile: answerPath, atomically: false, encoding: .utf8)
        let reload = try await events.next("reload")
        #expect(reload.data == "2", "the broken build made no generation")
        #expect(try await late.next("reload").data == "2")
        let fixed = try await Browser.get(port: port, Self.questionPage)
        #expect(fixed.status == 200)
        #expect(fixed.body.contains("A worry window, fixed."))
        #expect(fixed.header("ETag") != goodTag)
        let fixLog = try await server.waitForStderr(containing: "reloading", after: stderrBeforeFix)
        #expect(!fixLog.contains("error"), "\(fixLog)")
        // A page opened after the fix hears no errors.
        let after = try await EventStream.open(port: port)
        defer { after.close() }
        #expect(try await after.next("hello").data.hasSuffix("-2"))
        try await Task.sleep(for: .milliseconds(300))
        #expect(!after.received.contains { $0.name == "errors" })
    }

    @Test(.timeLimit(.minutes(2))) func aSiteBrokenFromTheStartIsServedOnceFixed() async throws {
        let folder = TemporaryFolder()
        defer { withExtendedLifetime(folder) {} }  // removed only after the server is gone
        let site = folder.copySite("basic")
        let answerPath = site + "/" + Self.answerFile
        let original = try String(contentsOfFile: answerPath, encoding: .utf8)
        try original.replacingOccurrences(of: "author: ada-lovelace", with: "author: nobody")
            .write(toFile: answerPath, atomically: false, encoding: .utf8)
        let server = try ServeProcess(site: site)
        defer { server.kill() }
        let port = try await server.waitUntilServing()
        // The base path is not known before a good build: the root is announced.
        #expect(server.stdout == "Serving http://127.0.0.1:\(port)/ (Ctrl-C to stop)\n")
        #expect(server.stderr.contains("Content/questions/sleep-and-worry/ada.md:2:9: error[unknown-author]: unknown author 'nobody'"),
                "\(server.stderr)")
        #expect(server.stderr.contains("nothing to serve until they are fixed"), "\(server.stderr)")

        // Every page: 503, the errors listed, and the reload script.
        let page = try await RawHTTP.request(port: port, "GET", Self.questionPage)
        #expect(page.status == 503)
        #expect(page.header("Retry-After") == "1")
        #expect(page.header("Content-Type") == "text/html; charset=utf-8")
        #expect(page.text.contains("<li><code>Content/questions/sleep-and-worry/ada.md:2</code>: unknown author 'nobody'</li>"),
                "\(page.text)")
        #expect(page.text.contains("data-qanda-serve"))
        #expect(!page.text.contains(Self.questionTitle))
        let events = try await EventStream.open(port: port)
        defer { events.close() }
        #expect(try await events.next("hello").data.hasSuffix("-0"))
        #expect(try await events.next("errors").data.contains(#""code":"unknown-author""#))

        // Fixed: the first good build, a reload, the site at its base path, and the new address printed.
        let stderrBefore = server.stderr.utf8.count
        try original.write(toFile: answerPath, atomically: false, encoding: .utf8)
        #expect(try await events.next("reload").data == "1")
        let fixed = try await Browser.get(port: port, Self.questionPage)
        #expect(fixed.status == 200)
        #expect(fixed.body.contains(Self.answerSentence))
        let root = try await RawHTTP.request(port: port, "GET", "/")
        #expect(root.header("Location") == "/kb/")
        let log = try await server.waitForStderr(containing: "The base path changed", after: stderrBefore)
        #expect(log.contains("now serving http://127.0.0.1:\(port)/kb/"), "\(log)")
    }

    // MARK: The served site is what `qanda build` writes

    /// After each kind of edit (each rebuild reloads only what changed), every file served equals, byte for byte
    /// once the live-reload script is taken out, what a clean `qanda build --no-search` of the same sources writes.
    @Test(.timeLimit(.minutes(2))) func afterEachEditTheServedSiteEqualsACleanBuild() async throws {
        let served = try ServedCopy()
        defer { served.stop() }
        let folder = served.folder
        let site = served.site
        let server = served.server
        let port = try await served.server.waitUntilServing()
        let events = try await EventStream.open(port: port)
        defer { events.close() }
        _ = try await events.next("hello")

        func replace(_ file: String, _ old: String, _ new: String) throws {
            let path = site + "/" + file
            let text = try String(contentsOfFile: path, encoding: .utf8)
            try #require(text.contains(old), "\(file) has no '\(old)'")
            try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: false, encoding: .utf8)
        }
        let question = "Content/questions/sleep-and-worry/question.md"
        let edits: [(String, () throws -> Void)] = [
            ("an author's name", { try replace("Content/authors/sam-member.md", "name: Sam Member", "name: Samuel Member") }),
            ("a question's title", { try replace(question, "title: Why do I worry at night?", "title: Why do I worry so late?") }),
            ("a category", { try replace(question, "category: Sleep Help", "category: Night Help") }),
            ("the tags", { try replace(question, "tags: [sleep, worry]", "tags: [sleep]") }),
            ("an answer's votes", { try replace("Content/questions/sleep-and-worry/sam-low.md", "votes: 1", "votes: 9") }),
            ("the accepted answer", { try replace("Content/questions/sleep-and-worry/sam-accepted.md", "accepted: true", "accepted: false") }),
            ("a page's title", { try replace("Content/pages/about.md", "title: About us", "title: About the site") }),
            ("the reviewer's name", { try replace("Content/authors/board.md", "name: Fixture Advisory Board", "name: Fixture Review Board") }),
            ("the site's title", { try replace("qanda.yml", "title: Fixture Answers", "title: Fixture Q&A") }),
            ("an answer removed", { try FileManager.default.removeItem(atPath: site + "/Content/questions/sleep-and-worry/sam-old.md") }),
            ("a template added", { folder.write("<footer>custom footer</footer>\n", to: "site/Templates/footer.mustache") }),
            ("an attachment added", {
                try FileManager.default.copyItem(atPath: site + "/Content/authors/ada.svg",
                                                 toPath: site + "/Content/questions/sleep-and-worry/extra.svg")
            }),
            ("a question's date", { try replace(question, "date: 2020-03-01", "date: 2018-03-01") }),
            // Content/static/ did not exist when the server started, and .well-known/ is hidden.
            ("a file at the site root", { folder.write("Contact: mailto:a@example.org\n", to: "site/Content/static/.well-known/security.txt") }),
            ("a file at the site root edited", { folder.write("Contact: mailto:b@example.org\n", to: "site/Content/static/.well-known/security.txt") }),
            ("a file at the site root added", { folder.write("kb.example.org\n", to: "site/Content/static/CNAME") }),
        ]
        for (label, edit) in edits {
            try edit()
            _ = try await events.next("reload")
            try await events.waitForQuiet(milliseconds: 300)
            let output = folder.path + "/out"
            try? FileManager.default.removeItem(atPath: output)
            let build = try CommandRun.run(["build", "--site", site, "--output", output])
            try #require(build.status == 0, "after \(label): \(build.stderr)")
            let files = try FileManager.default.subpathsOfDirectory(atPath: output).filter { path in
                var isFolder: ObjCBool = false
                return FileManager.default.fileExists(atPath: output + "/" + path, isDirectory: &isFolder) && !isFolder.boolValue
            }
            try #require(files.count > 30)
            var differing: [String] = []
            // The search index's files are named by what they hold, and its ids depend on the order edits came in
            // (docs/SEARCH.md): compared below by what a reader gets, not byte for byte.
            for file in files.sorted() where !file.hasPrefix("search/") {
                let written = try [UInt8](Data(contentsOf: URL(fileURLWithPath: output + "/" + file)))
                let served = try await RawHTTP.request(port: port, "GET", "/kb/" + file)
                if served.status != 200 || Self.withoutReloadScript(served.body) != written { differing.append(file) }
            }
            #expect(differing.isEmpty, "after \(label), served differs from a clean build: \(differing)")
            let page = String(decoding: try await RawHTTP.request(port: port, "GET", "/kb/search/").body, as: UTF8.self)
            let rootLink = try #require(page.firstMatch(of: /data-root="([^"]+)"/)?.1, "after \(label): no search index")
            let root = try await RawHTTP.request(port: port, "GET", String(rootLink))
            let cleanRoot = try #require(files.first { $0.hasPrefix("search/index/root.") })
            let written = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output + "/" + cleanRoot))) as? [String: Any])
            let served = try #require(try? JSONSerialization.jsonObject(with: Data(root.body)) as? [String: Any], "after \(label): \(rootLink)")
            #expect(root.status == 200 && served["docs"] as? Int == written["docs"] as? Int, "after \(label): the served index")
            if label.hasPrefix("a file at the site root") { #expect(files.contains(".well-known/security.txt"), "after \(label)") }
            // And nothing is served that the build no longer writes (a removed answer's or thread's leftovers).
            let stale = try await RawHTTP.request(port: port, "GET", "/kb/tags/worry/")
            #expect(stale.status == (files.contains("tags/worry/index.html") ? 200 : 404), "after \(label): /kb/tags/worry/")
        }
        #expect(server.isRunning)
    }

    /// A served HTML page without the one script `qanda serve` adds.
    static func withoutReloadScript(_ body: [UInt8]) -> [UInt8] {
        let text = String(decoding: body, as: UTF8.self)
        guard let start = text.range(of: "<script data-qanda-serve>"),
              let end = text.range(of: "</script>\n", range: start.upperBound..<text.endIndex) else { return body }
        var stripped = text
        stripped.removeSubrange(start.lowerBound..<end.upperBound)
        return Array(stripped.utf8)
    }

    // MARK: 4. Paths that try to leave the site

    @Test(.timeLimit(.minutes(2))) func pathsThatLeaveTheSiteGetThe404Page() async throws {
        let served = try ServedCopy()
        defer { served.stop() }
        let server = served.server
        let port = try await served.server.waitUntilServing()

        // The raw client works: a good path, sent as is, is served.
        let control = try await RawHTTP.request(port: port, "GET", Self.questionPage)
        #expect(control.status == 200)
        #expect(control.text.contains(Self.questionTitle))

        let stderrBefore = server.stderr
        let attempts = [
            "/../../etc/passwd",
            "/../../../../../../etc/passwd",
            "/%2e%2e/%2e%2e/etc/passwd",
            "/%2E%2E/%2E%2E/%2E%2E/etc/passwd",
            "/kb/../../etc/passwd",
            "/kb/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
            "/kb/..%2f..%2f..%2fetc%2fpasswd",
            "/questions/%2F..%2F..%2Fetc%2Fpasswd",
            "/kb/questions/%2F..%2F..%2F..%2Fetc%2Fpasswd",
            "/kb/questions/..%5c..%5c..%5cetc%5cpasswd",
            "/kb/questions/..\\..\\..\\etc\\passwd",
            "/kb/%2e%2e/qanda.yml",
            "/kb/../qanda.yml",
            "/kb/%2e%2e/Content/questions/sleep-and-worry/ada.md",
            "/kb/questions/sleep-and-worry/%2e%2e/%2e%2e/%2e%2e/qanda.yml",
            "/kb/questions/sleep-and-worry/..%2F..%2F..%2Fqanda.yml",
            "/kb/questions/script-title/../sleep-and-worry/",
            "/kb/./questions/sleep-and-worry/",
            "/kb//etc/passwd",
            "/kb/%00/etc/passwd",
            "/kb/questions%00/",
            "/kb/%252e%252e/%252e%252e/etc/passwd",
            "/kb/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd",
        ]
        for path in attempts {
            for method in ["GET", "HEAD"] {
                let response = try await RawHTTP.request(port: port, method, path)
                #expect(response.status == 404, "\(method) \(path) answered \(response.status)")
                #expect(!response.text.contains("root:"), "\(method) \(path) leaked /etc/passwd")
                #expect(!response.text.contains("publisher: Fixture Health"), "\(method) \(path) leaked qanda.yml")
                #expect(!response.text.contains("author: ada-lovelace"), "\(method) \(path) leaked a source file")
                if method == "GET" {
                    #expect(response.text.contains("<h1>Page not found</h1>"), "\(path): the site's 404 page")
                }
            }
        }
        // Refused paths are not logged as errors, and the server is unharmed.
        try await Task.sleep(for: .milliseconds(200))
        #expect(server.stderr == stderrBefore)
        #expect(server.isRunning)
        #expect(try await RawHTTP.request(port: port, "GET", Self.questionPage).status == 200)
    }

    // MARK: 5. Static serving as a host does it

    @Test(.timeLimit(.minutes(2))) func missesRedirectsHeadAndConditionalRequests() async throws {
        let served = try ServedCopy()
        defer { served.stop() }
        let server = served.server
        let port = try await served.server.waitUntilServing()

        // A miss: status 404 with the site's own 404 page (and the reload script), no validators.
        for path in ["/kb/no-such-page/", "/kb/questions/no-such-question/", "/kb/nothing.css", "/elsewhere/"] {
            let miss = try await RawHTTP.request(port: port, "GET", path)
            #expect(miss.status == 404, "\(path)")
            #expect(miss.header("Content-Type") == "text/html; charset=utf-8", "\(path)")
            #expect(miss.text.contains("<title>Page not found · Fixture Answers</title>"), "\(path)")
            #expect(miss.text.contains("There is no page at this address."), "\(path)")
            #expect(miss.text.contains("data-qanda-serve"), "\(path)")
            #expect(miss.header("ETag") == nil, "\(path)")
        }
        let browserMiss = try await Browser.get(port: port, "/kb/no-such-page/")
        #expect(browserMiss.status == 404)
        #expect(browserMiss.body.contains("<h1>Page not found</h1>"))

        // A folder without its slash: a permanent redirect to the slash (the query kept).
        let folderRedirect = try await RawHTTP.request(port: port, "GET", "/kb/questions/sleep-and-worry")
        #expect([301, 308].contains(folderRedirect.status), "\(folderRedirect.status)")
        #expect(folderRedirect.header("Location") == "/kb/questions/sleep-and-worry/")
        let withQuery = try await RawHTTP.request(port: port, "GET", "/kb/questions?page=2")
        #expect([301, 308].contains(withQuery.status), "\(withQuery.status)")
        #expect(withQuery.header("Location") == "/kb/questions/?page=2")
        // "/" leads to the base path.
        let root = try await RawHTTP.request(port: port, "GET", "/")
        #expect([301, 302, 303, 307, 308].contains(root.status), "\(root.status)")
        #expect(root.header("Location") == "/kb/")
        // Where the redirect leads (resolved as a browser resolves it) is the page. (Not by letting URLSession
        // follow it: swift-corelibs-foundation rebuilds a relative Location from `URL.path`, which drops the
        // trailing slash, and so loops on every "/x" -> "/x/" redirect.)
        let location = try #require(folderRedirect.header("Location"))
        let target = try #require(URL(string: location,
                                      relativeTo: URL(string: "http://127.0.0.1:\(port)/kb/questions/sleep-and-worry")))
        let followed = try await Browser.get(target.absoluteURL)
        #expect(followed.status == 200)
        #expect(followed.url == "http://127.0.0.1:\(port)\(Self.questionPage)", "\(followed.url)")
        #expect(followed.body.contains(Self.questionTitle))

        // GET and HEAD: the same head, HEAD without a body.
        let get = try await RawHTTP.request(port: port, "GET", Self.questionPage)
        #expect(get.status == 200)
        let etag = try #require(get.header("ETag"))
        let lastModified = try #require(get.header("Last-Modified"))
        #expect(get.header("Content-Length") == String(get.body.count))
        let head = try await RawHTTP.request(port: port, "HEAD", Self.questionPage)
        #expect(head.status == 200)
        #expect(head.body.isEmpty, "HEAD sent \(head.body.count) body bytes")
        #expect(head.header("Content-Length") == String(get.body.count))
        #expect(head.header("Content-Type") == "text/html; charset=utf-8")
        #expect(head.header("ETag") == etag)
        #expect(head.header("Last-Modified") == lastModified)
        let headMiss = try await RawHTTP.request(port: port, "HEAD", "/kb/no-such-page/")
        #expect(headMiss.status == 404)
        #expect(headMiss.body.isEmpty)

        // Conditional requests: the ETag (strong or weak form) or the date gives 304 without a body.
        for headers in [["If-None-Match": etag], ["If-None-Match": "W/" + etag], ["If-None-Match": "\"other\", " + etag],
                        ["If-Modified-Since": lastModified]] {
            let cached = try await RawHTTP.request(port: port, "GET", Self.questionPage, headers: headers)
            #expect(cached.status == 304, "\(headers)")
            #expect(cached.body.isEmpty, "\(headers)")
            #expect(cached.header("ETag") == etag, "\(headers)")
        }
        let stale = try await RawHTTP.request(port: port, "GET", Self.questionPage, headers: ["If-None-Match": "\"not-it\""])
        #expect(stale.status == 200)
        #expect(stale.body == get.body)
        // If-None-Match wins over a matching date.
        let both = try await RawHTTP.request(port: port, "GET", Self.questionPage,
                                             headers: ["If-None-Match": "\"not-it\"", "If-Modified-Since": lastModified])
        #expect(both.status == 200)

        // Other methods are not allowed.
        let post = try await RawHTTP.request(port: port, "POST", Self.questionPage, headers: ["Content-Length": "0"])
        #expect(post.status == 405)
        #expect(post.header("Allow") == "GET, HEAD")
        #expect(server.isRunning)
    }

    // MARK: 6. Ctrl-C

    @Test(.timeLimit(.minutes(2))) func ctrlCStopsTheServerCleanly() async throws {
        let served = try ServedCopy()
        defer { served.stop() }
        let server = served.server
        let port = try await served.server.waitUntilServing()
        #expect(try await RawHTTP.request(port: port, "GET", Self.questionPage).status == 200)
        // A browser tab is open on a page: its event stream must not hold the server up.
        let events = try await EventStream.open(port: port)
        defer { events.close() }
        _ = try await events.next("hello")

        let started = ContinuousClock.now
        server.signal(SIGINT)
        let status = try await server.waitForExit(within: 10)
        let took = ContinuousClock.now - started
        #expect(status == .exit(0), "stderr: \(server.stderr)")
        #expect(took < .seconds(5), "stopping took \(took)")
        #expect(server.stderr.hasSuffix("Stopped.\n"), "\(server.stderr)")
        #expect(try await events.waitForEnd(within: 5), "the event stream ended")
        // The port is free again.
        #expect(throws: (any Error).self) { try RawHTTP.connect(port: port).close() }
    }

    // MARK: 7. A busy port

    @Test(.timeLimit(.minutes(2))) func aBusyPortIsAnErrorNamingThePortAndTheOption() async throws {
        let folder = TemporaryFolder()
        defer { withExtendedLifetime(folder) {} }  // removed only after the server is gone
        let site = folder.copySite("basic")
        let first = try ServeProcess(site: site)
        defer { first.kill() }
        let port = try await first.waitUntilServing()

        let second = try ServeProcess(site: site, arguments: ["--port", String(port)])
        defer { second.kill() }
        let status = try await second.waitForExit(within: 60)
        #expect(status == .exit(1), "stderr: \(second.stderr)")
        #expect(second.stderr.contains("port \(port)"), "\(second.stderr)")
        #expect(second.stderr.contains("already in use"), "\(second.stderr)")
        #expect(second.stderr.contains("--port"), "\(second.stderr)")
        #expect(!second.stdout.contains("Serving"), "\(second.stdout)")

        // The first server is unharmed.
        #expect(first.isRunning)
        let page = try await RawHTTP.request(port: port, "GET", Self.questionPage)
        #expect(page.status == 200)
        #expect(page.text.contains(Self.questionTitle))
    }
}

// MARK: - The server process

private struct ServeTestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// `qanda serve` in a child process with CI set, its standard output and error collected as they come.
/// `kill()` (also run when the value goes away) ends it whatever state it is in.
/// A copy of the `basic` fixture served by `qanda serve`. `stop()` ends the server; the copy is removed only
/// after that, when the value goes away.
private final class ServedCopy: @unchecked Sendable {
    let folder = TemporaryFolder()
    let site: String
    let server: ServeProcess

    init() throws {
        site = folder.copySite("basic")
        server = try ServeProcess(site: site)
    }

    func stop() { server.kill() }
}

private final class ServeProcess: @unchecked Sendable {
    enum Status: Equatable { case exit(Int32), signal(Int32) }

    private let process = Process()
    private let lock = NSLock()
    private var out = [UInt8]()
    private var err = [UInt8]()
    private var announced: String?
    /// How many of the two pipes reached their end (the process closed them, by exiting).
    private var pipesClosed = 0

    init(site: String, arguments: [String] = ["--port", "0"]) throws {
        process.executableURL = URL(fileURLWithPath: CommandRun.executable)
        process.arguments = ["serve", "--site", site] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["CI"] = "true"
        process.environment = environment
        let outPipe = Pipe(), errPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        collect(outPipe.fileHandleForReading) { $0.out.append(contentsOf: $1) }
        collect(errPipe.fileHandleForReading) { $0.err.append(contentsOf: $1) }
    }

    deinit { kill() }

    /// Reads a pipe on its own thread until the process closes it.
    private func collect(_ handle: FileHandle, into append: @escaping @Sendable (ServeProcess, [UInt8]) -> Void) {
        let thread = Thread { [self] in
            while true {
                let data = handle.availableData
                if data.isEmpty { break }
                lock.lock()
                append(self, Array(data))
                lock.unlock()
            }
            lock.lock()
            pipesClosed += 1
            lock.unlock()
        }
        thread.start()
    }

    var stdout: String { lock.lock(); defer { lock.unlock() }; return String(decoding: out, as: UTF8.self) }
    var stderr: String { lock.lock(); defer { lock.unlock() }; return String(decoding: err, as: UTF8.self) }
    var isRunning: Bool { process.isRunning }

    /// The address printed on standard output.
    var url: URL? { announced.flatMap(URL.init(string:)) }

    /// Waits for `Serving http://127.0.0.1:PORT/... (Ctrl-C to stop)` (the first build of a debug binary may
    /// be slow); returns the port.
    func waitUntilServing(within seconds: Double = 60) async throws -> Int {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        let pattern = #/Serving (http://127\.0\.0\.1:(\d+)/\S*) \(Ctrl-C to stop\)\n/#
        while ContinuousClock.now < deadline {
            if let match = stdout.firstMatch(of: pattern), let port = Int(match.output.2) {
                announced = String(match.output.1)
                return port
            }
            if !process.isRunning {
                try await waitForPipes()
                throw ServeTestError("qanda serve exited (\(process.terminationStatus)) before serving; stdout: \(stdout) stderr: \(stderr)")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw ServeTestError("qanda serve did not announce its address within \(seconds) s; stdout: \(stdout) stderr: \(stderr)")
    }

    /// Standard error written after byte `offset`, once it contains `text`.
    func waitForStderr(containing text: String, after offset: Int, within seconds: Double = 15) async throws -> String {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        while ContinuousClock.now < deadline {
            let new = String(decoding: Array(stderr.utf8).dropFirst(offset), as: UTF8.self)
            if new.contains(text) { return new }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw ServeTestError("'\(text)' not on standard error within \(seconds) s; stderr: \(stderr)")
    }

    func signal(_ number: Int32) {
        if process.isRunning { _ = Glibc.kill(process.processIdentifier, number) }
    }

    /// How the process ended, once it has, within `seconds`.
    func waitForExit(within seconds: Double) async throws -> Status {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        while process.isRunning {
            guard ContinuousClock.now < deadline else {
                throw ServeTestError("qanda serve still running after \(seconds) s; stderr: \(stderr)")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        process.waitUntilExit()
        try await waitForPipes()
        return process.terminationReason == .exit ? .exit(process.terminationStatus) : .signal(process.terminationStatus)
    }

    /// Once the process is gone: until everything it wrote has been read.
    private func waitForPipes() async throws {
        let deadline = ContinuousClock.now + .seconds(5)
        while lock.withLock({ pipesClosed < 2 }) && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    func kill() {
        guard process.isRunning else { return }
        _ = Glibc.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}

// MARK: - Clients

/// Runs blocking socket code on a thread of its own, never on the test's cooperative threads.
private func onOwnThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try body() }) }.start()
    }
}

/// Pages as a browser gets them: URLSession, no cache, redirects followed.
private enum Browser {
    struct FreePage: Sendable {
        var status: Int
        var url: String
        var headers: [String: String]
        var body: String
        var contentType: String? { header("Content-Type") }
        func header(_ name: String) -> String? {
            headers.first { $0.key.lowercased() == name.lowercased() }?.value
        }
    }

    static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        configuration.timeoutIntervalForRequest = 20
        configuration.timeoutIntervalForResource = 30
        return URLSession(configuration: configuration)
    }()

    static func get(port: Int, _ path: String) async throws -> FreePage {
        try await get(try #require(URL(string: "http://127.0.0.1:\(port)\(path)")))
    }

    static func get(_ url: URL) async throws -> FreePage {
        var request = URLRequest(url: url)
        request.cachePolicy = .reloadIgnoringLocalCacheData
        return try await withCheckedThrowingContinuation { continuation in
            let task = session.dataTask(with: request) { data, response, error in
                if let error { return continuation.resume(throwing: error) }
                guard let response = response as? HTTPURLResponse else {
                    return continuation.resume(throwing: ServeTestError("no HTTP response for \(url)"))
                }
                var headers: [String: String] = [:]
                for (key, value) in response.allHeaderFields { headers["\(key)"] = "\(value)" }
                continuation.resume(returning: FreePage(status: response.statusCode, url: response.url?.absoluteString ?? "",
                                                    headers: headers, body: String(decoding: data ?? Data(), as: UTF8.self)))
            }
            task.resume()
        }
    }
}

/// HTTP/1.1 over a plain socket, the request line sent exactly as given (no normalising of the path).
private enum RawHTTP {
    struct Response: Sendable {
        var status: Int
        var headers: [(name: String, value: String)]
        var body: [UInt8]
        var text: String { String(decoding: body, as: UTF8.self) }
        func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }
    }

    /// A connected socket to 127.0.0.1:port; sends and receives time out after `timeout` seconds.
    struct Socket {
        let descriptor: Int32

        func send(_ text: String) throws {
            var bytes = Array(text.utf8)[...]
            while !bytes.isEmpty {
                let sent = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                if sent < 0 {
                    if errno == EINTR { continue }
                    throw ServeTestError("send failed: \(String(cString: strerror(errno)))")
                }
                bytes = bytes.dropFirst(sent)
            }
        }

        /// Some bytes; empty at the end of the stream. Throws on a timeout.
        func receive() throws -> [UInt8] {
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = recv(descriptor, &buffer, buffer.count, 0)
                if count >= 0 { return Array(buffer[0..<count]) }
                if errno == EINTR { continue }
                throw ServeTestError("receive failed: \(String(cString: strerror(errno)))")
            }
        }

        func shutdown() { _ = Glibc.shutdown(descriptor, Int32(SHUT_RDWR)) }
        func close() { _ = Glibc.close(descriptor) }
    }

    static func connect(port: Int, timeout: Int = 20) throws -> Socket {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw ServeTestError("socket failed: \(String(cString: strerror(errno)))") }
        var time = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr = in_addr(s_addr: inet_addr("127.0.0.1"))
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            let reason = String(cString: strerror(errno))
            Glibc.close(descriptor)
            throw ServeTestError("connect to 127.0.0.1:\(port) failed: \(reason)")
        }
        return Socket(descriptor: descriptor)
    }

    static func requestText(port: Int, _ method: String, _ path: String, headers: [String: String]) -> String {
        var text = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { text += "\(name): \(value)\r\n" }
        return text + "\r\n"
    }

    static func request(port: Int, _ method: String, _ path: String, headers: [String: String] = [:]) async throws -> Response {
        try await onOwnThread {
            let socket = try connect(port: port)
            defer { socket.close() }
            try socket.send(requestText(port: port, method, path, headers: headers))
            var received = [UInt8]()
            while true {
                let bytes = try socket.receive()
                if let response = try parse(received + bytes, method: method, atEnd: bytes.isEmpty) { return response }
                if bytes.isEmpty {
                    throw ServeTestError("\(method) \(path): connection closed after \(received.count) bytes, before a whole response")
                }
                received += bytes
            }
        }
    }

    /// The response once it is complete. A response that has no body (HEAD, 304) is complete only when the
    /// connection closes, so that stray body bytes are seen.
    static func parse(_ data: [UInt8], method: String, atEnd: Bool) throws -> Response? {
        guard let headEnd = find(Array("\r\n\r\n".utf8), in: data[...]) else { return nil }
        var lines = String(decoding: data[..<headEnd], as: UTF8.self).components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst()
        let parts = statusLine.split(separator: " ")
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/1."), let status = Int(parts[1]) else {
            throw ServeTestError("not an HTTP response: \(statusLine)")
        }
        let headers = lines.compactMap { line -> (name: String, value: String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        var response = Response(status: status, headers: headers, body: [])
        let rest = data[(headEnd + 4)...]
        if method == "HEAD" || status == 304 || status == 204 {
            guard atEnd else { return nil }
            response.body = Array(rest)
        } else if response.header("Transfer-Encoding")?.lowercased() == "chunked" {
            var decoder = ChunkDecoder()
            decoder.pending = Array(rest)
            response.body = try decoder.decodeAvailable()
            guard decoder.finished else { return nil }
        } else if let length = response.header("Content-Length").flatMap(Int.init) {
            guard rest.count >= length else { return nil }
            response.body = Array(rest.prefix(length))
        } else {
            guard atEnd else { return nil }
            response.body = Array(rest)
        }
        return response
    }

    static func find(_ needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var start = haystack.startIndex
        while start + needle.count <= haystack.endIndex {
            if haystack[start..<(start + needle.count)].elementsEqual(needle) { return start }
            start += 1
        }
        return nil
    }
}

/// Chunked transfer coding, decoded as bytes arrive.
private struct ChunkDecoder {
    var pending: [UInt8] = []
    var finished = false

    /// Decodes every whole chunk in `pending`, leaving a partial one there.
    mutating func decodeAvailable() throws -> [UInt8] {
        var decoded = [UInt8]()
        while !finished, let lineEnd = RawHTTP.find(Array("\r\n".utf8), in: pending[...]) {
            let sizeText = String(decoding: pending[..<lineEnd], as: UTF8.self).split(separator: ";").first ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) else {
                throw ServeTestError("bad chunk size line: \(String(decoding: pending[..<lineEnd], as: UTF8.self))")
            }
            if size == 0 {
                finished = true
                pending = []
                break
            }
            let start = lineEnd + 2
            guard pending.count >= start + size + 2 else { break }
            decoded += pending[start..<(start + size)]
            pending.removeFirst(start + size + 2)
        }
        return decoded
    }
}

/// The live-reload stream as a browser's EventSource reads it: `GET /__qanda/events` on a socket read by a
/// thread of its own; events are kept in order, and each `next` takes the next one of a name.
private final class EventStream: @unchecked Sendable {
    struct Event: Sendable, Equatable {
        var name: String
        var data: String
    }

    private let socket: RawHTTP.Socket
    private let lock = NSLock()
    private var events: [Event] = []
    private var cursor = 0
    private var ended = false
    private var head: (status: Int, headers: [(name: String, value: String)])?
    private var closed = false

    private init(socket: RawHTTP.Socket) {
        self.socket = socket
    }

    static func open(port: Int) async throws -> EventStream {
        let socket = try RawHTTP.connect(port: port, timeout: 60)
        let stream = EventStream(socket: socket)
        try socket.send("GET /__qanda/events HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n\r\n")
        Thread { stream.read() }.start()
        // The response head arrives at once.
        let deadline = ContinuousClock.now + .seconds(15)
        while stream.locked({ $0.head == nil && !$0.ended }) {
            guard ContinuousClock.now < deadline else {
                stream.close()
                throw ServeTestError("no response head from the event stream within 15 s")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        return stream
    }

    private func locked<T>(_ body: (EventStream) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(self)
    }

    var status: Int? { locked { $0.head?.status } }

    func header(_ name: String) -> String? {
        locked { $0.head?.headers.first { $0.name.lowercased() == name.lowercased() }?.value }
    }

    /// Every event received so far.
    var received: [Event] { locked { $0.events } }

    private func read() {
        var raw = [UInt8]()
        var chunked: ChunkDecoder?
        var text = [UInt8]()
        var name = "message", data: [String] = []
        reading: while true {
            guard let bytes = try? socket.receive(), !bytes.isEmpty else { break }
            if locked({ $0.head == nil }) {
                raw += bytes
                guard let headEnd = RawHTTP.find(Array("\r\n\r\n".utf8), in: raw[...]) else { continue }
                var lines = String(decoding: raw[..<headEnd], as: UTF8.self).components(separatedBy: "\r\n")
                let status = Int(lines.removeFirst().split(separator: " ").dropFirst().first ?? "") ?? 0
                let headers = lines.compactMap { line -> (name: String, value: String)? in
                    guard let colon = line.firstIndex(of: ":") else { return nil }
                    return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
                }
                locked { $0.head = (status, headers) }
                if headers.contains(where: { $0.name.lowercased() == "transfer-encoding" && $0.value.lowercased() == "chunked" }) {
                    chunked = ChunkDecoder()
                }
                let rest = Array(raw[(headEnd + 4)...])
                raw = []
                if chunked != nil { chunked!.pending += rest } else { text += rest }
            } else if chunked != nil {
                chunked!.pending += bytes
            } else {
                text += bytes
            }
            if chunked != nil {
                guard let decoded = try? chunked!.decodeAvailable() else { break }
                text += decoded
            }
            while let newline = text.firstIndex(of: UInt8(ascii: "\n")) {
                var line = String(decoding: text[..<newline], as: UTF8.self)
                text.removeFirst(newline + 1)
                if line.hasSuffix("\r") { line.removeLast() }
                if line.isEmpty {
                    if !data.isEmpty {
                        let event = Event(name: name, data: data.joined(separator: "\n"))
                        locked { $0.events.append(event) }
                    }
                    name = "message"
                    data = []
                } else if line.hasPrefix("event:") {
                    name = line.dropFirst(6).trimmingCharacters(in: .whitespaces)
                } else if line.hasPrefix("data:") {
                    data.append(String(line.dropFirst(line.hasPrefix("data: ") ? 6 : 5)))
                }
            }
            if chunked?.finished == true { break reading }
        }
        locked { $0.ended = true }
    }

    /// The next event named `name` after the last one taken (others are skipped), within `seconds`.
    func next(_ name: String, within seconds: Double = 20) async throws -> Event {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        while true {
            let (found, ended): (Event?, Bool) = locked { stream in
                while stream.cursor < stream.events.count {
                    let event = stream.events[stream.cursor]
                    stream.cursor += 1
                    if event.name == name { return (event, stream.ended) }
                }
                return (nil, stream.ended)
            }
            if let found { return found }
            if ended { throw ServeTestError("event stream ended before '\(name)'; received \(received)") }
            guard ContinuousClock.now < deadline else {
                throw ServeTestError("no '\(name)' event within \(seconds) s; received \(received)")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    /// Returns once no event (other than pings, which are comments) has arrived for `milliseconds`: a change
    /// that came as several bursts has been rebuilt in full. Takes every event so far.
    func waitForQuiet(milliseconds: Int, within seconds: Double = 20) async throws {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        var count = locked { $0.events.count }
        var since = ContinuousClock.now
        while ContinuousClock.now - since < .milliseconds(milliseconds) {
            guard ContinuousClock.now < deadline else { throw ServeTestError("events kept coming for \(seconds) s: \(received)") }
            try await Task.sleep(for: .milliseconds(20))
            let now = locked { $0.events.count }
            if now != count {
                count = now
                since = ContinuousClock.now
            }
        }
        locked { $0.cursor = $0.events.count }
    }

    /// Whether the server ended the stream within `seconds`.
    func waitForEnd(within seconds: Double) async throws -> Bool {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        while ContinuousClock.now < deadline {
            if locked({ $0.ended }) { return true }
            try await Task.sleep(for: .milliseconds(20))
        }
        return false
    }

    func close() {
        let first = locked { stream -> Bool in
            defer { stream.closed = true }
            return !stream.closed
        }
        guard first else { return }
        // Wakes the reading thread (recv returns 0); the descriptor is closed once it is done with it.
        socket.shutdown()
        let deadline = Date().addingTimeInterval(5)
        while !locked({ $0.ended }) && Date() < deadline { usleep(10_000) }
        socket.close()
    }

    deinit { close() }
}
