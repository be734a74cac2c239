import Foundation
import Hummingbird
import HummingbirdTesting
import QandaKit
import Testing
@testable import QandaServer

/// A real server on a free loopback port, a real watcher on a temporary copy of the `basic` fixture, and a
/// Server-Sent Events client: edit, break and fix the sources and see what browsers would see.
@Suite(.serialized) struct LiveReloadTests {
    static let questionFile = "Content/questions/sleep-and-worry/question.md"
    static let answerFile = "Content/questions/sleep-and-worry/ada.md"
    static let questionPage = "/kb/questions/sleep-and-worry/"

    @Test(.timeLimit(.minutes(1))) func editBreakAndFix() async throws {
        let site = TemporarySite()
        let snapshot = SiteSnapshot(siteFolder: site.path, options: Fixtures.options, fixedNow: true)
        let watcher = try FileWatcher(siteFolder: site.path)
        defer { watcher.stop() }
        let app = SiteServer(snapshot: snapshot, host: "127.0.0.1", port: 0).application(watching: watcher)

        try await app.test(.live) { client in
            let port = try #require(client.port)
            let first = try await client.execute(uri: Self.questionPage, method: .get)
            #expect(first.status == .ok)
            #expect(String(buffer: first.body).contains("Why do I worry at night?"))

            let events = try EventStreamClient(port: port)
            defer { events.close() }
            let hello = try await events.next("hello")
            #expect(hello.data.hasSuffix("-1"))

            // An edit: new content served, and a reload.
            site.write(site.read(Self.questionFile).replacingOccurrences(
                of: "title: Why do I worry at night?", with: "title: Why do I worry so late?"), to: Self.questionFile)
            let reload = try await events.next("reload")
            #expect(reload.data == "2")
            let edited = try await client.execute(uri: Self.questionPage, method: .get)
            #expect(String(buffer: edited.body).contains("Why do I worry so late?"))

            // Broken: an `errors` event with the diagnostics; the last good page is still served.
            let good = site.read(Self.answerFile)
            site.write(good.replacingOccurrences(of: "author: ada-lovelace", with: "author: ada-lovelac"), to: Self.answerFile)
            let errors = try await events.next("errors")
            #expect(errors.data.contains(#""code":"unknown-author""#))
            #expect(errors.data.contains(#""file":"Content/questions/sleep-and-worry/ada.md""#))
            #expect(errors.data.contains(#""line":2"#))
            #expect(!errors.data.contains("\n"))
            let stillServed = try await client.execute(uri: Self.questionPage, method: .get)
            #expect(stillServed.status == .ok)
            #expect(String(buffer: stillServed.body).contains("Why do I worry so late?"))

            // A browser that connects now hears about the errors at once.
            let late = try EventStreamClient(port: port)
            defer { late.close() }
            #expect(try await late.next("errors").data == errors.data)

            // Fixed: reload again.
            site.write(good, to: Self.answerFile)
            let fixed = try await events.next("reload")
            #expect(fixed.data == "3")
            #expect(try await late.next("reload").data == "3")
        }
    }

    /// The same with inotify and with the portable scan (`qanda serve --poll`, and every system but Linux).
    @Test(.timeLimit(.minutes(1)), arguments: [false, true]) func newFoldersAreWatched(polling: Bool) async throws {
        let site = TemporarySite()
        let snapshot = SiteSnapshot(siteFolder: site.path, options: Fixtures.options, fixedNow: true)
        let watcher = try FileWatcher(siteFolder: site.path, polling: polling, pollInterval: .milliseconds(100))
        defer { watcher.stop() }
        #expect(watcher.isPolling == polling)
        let app = SiteServer(snapshot: snapshot, host: "127.0.0.1", port: 0).application(watching: watcher)

        try await app.test(.live) { client in
            let port = try #require(client.port)
            let events = try EventStreamClient(port: port)
            defer { events.close() }
            _ = try await events.next("hello")
            // A new thread folder, then (after its rebuild) a change inside it: both rebuild.
            site.write("""
            ---
            title: A brand new question?
            date: 2021-01-01
            category: Sleep Help
            reviewed:
              by: board
              date: 2024-01-15
            ---
            Body.
            """, to: "Content/questions/brand-new/question.md")
            site.write("---\nauthor: ada-lovelace\ndate: 2021-01-02\n---\nAn answer.\n", to: "Content/questions/brand-new/ada.md")
            _ = try await events.next("reload")
            #expect(try await Self.eventually(client, "/kb/questions/brand-new/", contains: "An answer."))

            site.write("---\nauthor: ada-lovelace\ndate: 2021-01-02\n---\nAn edited answer.\n", to: "Content/questions/brand-new/ada.md")
            _ = try await events.next("reload")
            #expect(try await Self.eventually(client, "/kb/questions/brand-new/", contains: "An edited answer."))

            // A template created after the start (Templates/ did not exist): watched through the site folder.
            site.write("{{<base}}{{$content}}<p>custom 404 page</p>{{/content}}{{/base}}\n", to: "Templates/404.mustache")
            _ = try await events.next("reload")
            #expect(try await Self.eventually(client, "/kb/nope/", contains: "custom 404 page"))
            let missing = try await client.execute(uri: "/kb/nope/", method: .get)
            #expect(missing.status == .notFound)
        }
    }

    @Test(.timeLimit(.minutes(1))) func burstsAreCoalesced() async throws {
        let site = TemporarySite()
        let watcher = try FileWatcher(siteFolder: site.path, quietPeriod: .milliseconds(100))
        defer { watcher.stop() }
        for index in 0..<20 {
            site.write("---\ntitle: About \(index)\n---\nText.\n", to: "Content/pages/about.md")
        }
        try await Self.nextSignal(watcher)
        #expect(watcher.takeChanges() == ["Content/pages/about.md"])
        // Nothing else was queued.
        try await Task.sleep(for: .milliseconds(300))
        #expect(watcher.takeChanges().isEmpty)
        // Files outside qanda.yml, Content/ and Templates/, and hidden files, are not watched.
        site.write("x", to: "notes.txt")
        site.write("x", to: "Content/.question.md.swp")
        try await Task.sleep(for: .milliseconds(300))
        #expect(watcher.takeChanges().isEmpty)
        site.write(site.read("qanda.yml"), to: "qanda.yml")
        try await Self.nextSignal(watcher)
        #expect(watcher.takeChanges() == ["qanda.yml"])
        // A temporary file that comes and goes within a burst is no change; one renamed over a source (as
        // `sed -i` and many editors save) leaves only the source.
        site.write("x", to: "Content/pages/4913")
        try FileManager.default.removeItem(atPath: site.path + "/Content/pages/4913")
        site.write("---\ntitle: About us\n---\nText.\n", to: "Content/pages/about.md.tmp")
        #expect(rename(site.path + "/Content/pages/about.md.tmp", site.path + "/Content/pages/about.md") == 0)
        try await Self.nextSignal(watcher)
        #expect(watcher.takeChanges() == ["Content/pages/about.md"])
        site.write("x", to: "Content/pages/4913")
        try FileManager.default.removeItem(atPath: site.path + "/Content/pages/4913")
        try await Task.sleep(for: .milliseconds(300))
        #expect(watcher.takeChanges().isEmpty)
    }

    /// The portable scan reports edits, new files and removed ones, and ignores what the build ignores.
    @Test(.timeLimit(.minutes(1))) func pollingSeesEditsAddsAndRemovals() async throws {
        let site = TemporarySite()
        let watcher = try FileWatcher(siteFolder: site.path, polling: true, pollInterval: .milliseconds(50))
        defer { watcher.stop() }
        site.write("---\ntitle: About us\n---\nNew text.\n", to: "Content/pages/about.md")
        try await Self.nextSignal(watcher)
        #expect(watcher.takeChanges() == ["Content/pages/about.md"])
        site.write("x", to: "notes.txt")
        site.write("x", to: "Content/pages/.about.md.swp")
        try await Task.sleep(for: .milliseconds(300))
        #expect(watcher.takeChanges().isEmpty)
        site.write("---\ntitle: About all of us\n---\nNewer text.\n", to: "Content/pages/about.md")
        site.write("---\ntitle: Contact\n---\nWrite to us.\n", to: "Content/pages/contact.md")
        try await Self.nextSignal(watcher)
        #expect(watcher.takeChanges() == ["Content/pages/about.md", "Content/pages/contact.md"])
        try FileManager.default.removeItem(atPath: site.path + "/Content/pages/contact.md")
        try await Self.nextSignal(watcher)
        #expect(watcher.takeChanges() == ["Content/pages/contact.md"])
    }

    static func nextSignal(_ watcher: FileWatcher) async throws {
        let signals = watcher.signals
        try await withTimeout(5, "a change signal") {
            for await _ in signals { return }
            throw TimeoutError(what: "a change signal (stream ended)", seconds: 5)
        }
    }

    /// GETs `path` until its body contains `text` (a reload may come from an earlier burst than the one awaited).
    static func eventually(_ client: any TestClientProtocol, _ path: String, contains text: String) async throws -> Bool {
        let deadline = ContinuousClock.now + .seconds(10)
        while ContinuousClock.now < deadline {
            let response = try await client.execute(uri: path, method: .get)
            if String(buffer: response.body).contains(text) { return true }
            try await Task.sleep(for: .milliseconds(50))
        }
        return false
    }

    @Test(.timeLimit(.minutes(1))) func busyPortIsAClearError() async throws {
        let snapshot = SiteSnapshot(siteFolder: Fixtures.site("basic"), options: Fixtures.options, fixedNow: true)
        let holder = SiteServer(snapshot: snapshot, host: "127.0.0.1", port: 0).application()
        try await holder.test(.live) { client in
            let port = try #require(client.port)
            // The test framework listens on "localhost"; take the same port on 127.0.0.1 to be sure it is busy.
            let error = await #expect(throws: SiteServer.ServeError.self) {
                try await withTimeout(20, "serve to fail") {
                    try await SiteServer(snapshot: snapshot, host: "localhost", port: port).run()
                }
            }
            #expect(error == .portInUse(host: "localhost", port: port))
            #expect(error?.description.contains("--port") == true)
        }
    }
}
