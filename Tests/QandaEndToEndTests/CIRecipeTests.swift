import Foundation
import Testing
import Yams
@testable import QandaKit

/// The CI recipes `qanda init` writes, as a new user gets them: written by the built executable, read by the
/// tools that will run them (actionlint and shellcheck for GitHub, a YAML parser and shellcheck for GitLab).
@Suite struct CIRecipeTests {
    static let actionlint = Tool.onPath("actionlint")
    static let shellcheck = Tool.onPath("shellcheck")

    /// A released executable's checksum, as a user would give it. Given to every init but the one that tests the
    /// default: hashing the tests' 75 MB debug executable takes seconds of CPU (a release build: a fraction of one).
    static let releasedSHA256 = String(repeating: "ab", count: 32)

    func initSite(_ folder: TemporaryFolder, _ arguments: [String] = ["--qanda-sha256", releasedSHA256]) throws -> (site: String, run: CommandRun) {
        let site = folder.path + "/answers"
        let run = try CommandRun.run(["init", site, "--base-url", "https://answers.example.org/kb/"] + arguments)
        #expect(run.status == 0, "\(run.stderr)")
        return (site, run)
    }

    func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    // MARK: - GitHub

    @Test(.enabled(if: actionlint != nil, "actionlint is not installed; `scripts/setup.sh --test` installs it (PyPI)"))
    func theWorkflowPassesActionlint() throws {
        let folder = TemporaryFolder()
        let (site, _) = try initSite(folder)
        let workflow = site + "/.github/workflows/site.yml"
        let lint = try Tool.run(Self.actionlint!, ["-no-color", workflow])
        #expect(lint.status == 0, "\(lint.output)")
        #expect(lint.output.isEmpty, "\(lint.output)")

        // …and actionlint does read it: a step output that does not exist, and (with shellcheck) an unquoted
        // variable in a script, are each found.
        let text = try read(workflow)
        let wrongOutput = text.replacingOccurrences(of: "steps.check.outputs.url", with: "steps.checks.outputs.url")
        try wrongOutput.write(toFile: workflow, atomically: true, encoding: .utf8)
        #expect(try Tool.run(Self.actionlint!, ["-no-color", workflow]).output.contains("steps.checks"))
        if Self.shellcheck != nil {
            try text.replacingOccurrences(of: #"--base-url "$ADDRESS""#, with: "--base-url $ADDRESS")
                .write(toFile: workflow, atomically: true, encoding: .utf8)
            let unquoted = try Tool.run(Self.actionlint!, ["-no-color", workflow])
            #expect(unquoted.output.contains("SC2086"), "shellcheck does not run on the workflow's scripts: \(unquoted.output)")
        } else {
            Issue.record("shellcheck is not installed, so actionlint did not check the workflow's scripts; `scripts/setup.sh --test` installs it")
        }
    }

    /// The workflow installs the release of the qanda that wrote it, pinned by that executable's SHA-256, and
    /// says it is built from source when it lies in a build folder (as the tests' qanda does).
    @Test func theWorkflowPinsTheVersionAndTheExecutableThatWroteIt() throws {
        let folder = TemporaryFolder()
        let (site, run) = try initSite(folder, [])
        let digest = String(try Tool.run("/usr/bin/sha256sum", [CommandRun.executable]).output.prefix(64))
        let workflow = try read(site + "/.github/workflows/site.yml")
        #expect(workflow.contains("\n  QANDA_VERSION: \"\(QandaVersion.current)\"\n"))
        #expect(workflow.contains("\n  QANDA_SHA256: \"\(digest)\"\n"))
        #expect(workflow.contains(#"echo "${QANDA_SHA256}  $RUNNER_TEMP/${stem}/qanda" | sha256sum -c -"#))
        #expect(workflow.contains("\(QandaRelease.downloads)/v${QANDA_VERSION}/${stem}.tar.gz"))
        #expect(run.stderr.contains("note: this qanda (") && run.stderr.contains("was built from source"), "\(run.stderr)")
        #expect(run.stdout.contains("Settings > Pages > Source"))
        // No placeholder: the only thing left to the user is SITE_URL, empty and explained.
        for placeholder in ["OWNER", "<your", "TODO", "CHANGEME", "example.org", "example.com"] {
            #expect(!workflow.contains(placeholder), "the workflow holds \(placeholder)")
        }

        // A released executable's checksum, given by hand, is the one pinned; no note then.
        let other = TemporaryFolder()
        let (otherSite, pinned) = try initSite(other, ["--qanda-sha256", Self.releasedSHA256.uppercased()])
        #expect(try read(otherSite + "/.github/workflows/site.yml").contains("QANDA_SHA256: \"\(Self.releasedSHA256)\""))
        #expect(!pinned.stderr.contains("note:"), "\(pinned.stderr)")
    }

    /// Search is made by `qanda build`: neither recipe installs Pagefind (or anything from PyPI) any more.
    @Test(arguments: ["github", "gitlab"])
    func neitherRecipeInstallsASearchTool(_ host: String) throws {
        let folder = TemporaryFolder()
        let (site, _) = try initSite(folder, ["--ci", host, "--qanda-sha256", Self.releasedSHA256])
        let text = try read(site + (host == "github" ? "/.github/workflows/site.yml" : "/.gitlab-ci.yml"))
        for word in ["pagefind", "pip install", "venv", "python"] {
            #expect(!text.lowercased().contains(word), "the \(host) recipe mentions \(word)")
        }
        #expect(text.contains("search index"), "the \(host) recipe does not say where search comes from")
    }

    @Test func theWorkflowDeploysOnlyFromTheDefaultBranch() throws {
        let folder = TemporaryFolder()
        let (site, _) = try initSite(folder)
        let workflow = try #require(try Yams.load(yaml: try read(site + "/.github/workflows/site.yml")) as? [String: Any])
        let jobs = try #require(workflow["jobs"] as? [String: [String: Any]])
        #expect(Set(jobs.keys) == ["build", "deploy"])
        let deploy = try #require(jobs["deploy"])
        let publishes = "github.event_name != 'pull_request' && github.ref == format('refs/heads/{0}', github.event.repository.default_branch)"
        #expect(deploy["if"] as? String == publishes)
        #expect(deploy["permissions"] as? [String: String] == ["pages": "write", "id-token": "write"])
        #expect(deploy["concurrency"] as? [String: AnyHashable] == ["group": "pages", "cancel-in-progress": false])
        #expect((deploy["environment"] as? [String: String])?["name"] == "github-pages")
        let steps = try #require(jobs["build"]?["steps"] as? [[String: Any]])
        let upload = try #require(steps.first { ($0["uses"] as? String)?.hasPrefix("actions/upload-pages-artifact@") == true })
        #expect(upload["if"] as? String == publishes)
        let scripts = steps.compactMap { $0["run"] as? String }.joined(separator: "\n")
        #expect(scripts.contains("qanda check --format github --against \"$RUNNER_TEMP/published.json\""))
        #expect(scripts.contains("qanda build --base-url \"$ADDRESS\""))
        #expect(!scripts.contains("swift build"), "building from source is only a commented alternative")
        // `qanda build` makes the search index itself: no step installs a search tool, none turns search off.
        let names = steps.compactMap { $0["name"] as? String }
        #expect(names == ["Install Qanda", "Ask GitHub Pages for the site's address", "Check", "Build", "Upload the site for GitHub Pages"], "\(names)")
        #expect(!scripts.contains("--no-search"))
    }

    /// The workflow's own scripts, run in order as the runner runs them (`bash -eo pipefail`, GITHUB_PATH,
    /// GITHUB_OUTPUT), with a stand-in for `curl` that serves a fake release and a fake live site from a folder.
    /// The first push finds no live manifest and builds for the Pages address; once that site is live, a push
    /// that drops a page fails the check; a release whose executable is not the pinned one is refused.
    @Test func theWorkflowsStepsPublishOnFirstPushAndGuardTheNext() throws {
        let folder = TemporaryFolder()
        let web = folder.path + "/web", temp = folder.path + "/runner-temp"
        try FileManager.default.createDirectory(atPath: temp, withIntermediateDirectories: true)
        // The release: a `qanda` that runs the tests' build, in the published layout, with its .sha256.
        let stem = QandaRelease.archiveStem(version: QandaVersion.current)
        folder.write("#!/bin/sh\nexec '\(CommandRun.executable)' \"$@\"\n", to: "release/\(stem)/qanda")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path + "/release/\(stem)/qanda")
        let pinned = try #require(SHA256.hex(ofFile: folder.path + "/release/\(stem)/qanda"))
        let downloads = web + "/" + QandaRelease.downloads.dropFirst("https://".count) + "/v\(QandaVersion.current)"
        try FileManager.default.createDirectory(atPath: downloads, withIntermediateDirectories: true)
        #expect(try Tool.run("/bin/tar", ["-czf", "\(downloads)/\(stem).tar.gz", "-C", folder.path + "/release", stem]).status == 0)
        let archiveSum = try #require(SHA256.hex(ofFile: "\(downloads)/\(stem).tar.gz"))
        try "\(archiveSum)  \(stem).tar.gz\n".write(toFile: "\(downloads)/\(stem).tar.gz.sha256", atomically: true, encoding: .utf8)
        folder.write(Self.fakeCurl, to: "bin/curl")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path + "/bin/curl")

        let (site, _) = try initSite(folder, ["--qanda-sha256", pinned])
        let workflow = try #require(try Yams.load(yaml: try read(site + "/.github/workflows/site.yml")) as? [String: Any])
        let env = try #require(workflow["env"] as? [String: String])
        let steps = try #require(((workflow["jobs"] as? [String: Any])?["build"] as? [String: Any])?["steps"] as? [[String: Any]])
        func script(_ name: String) throws -> String { try #require(steps.first { $0["name"] as? String == name }?["run"] as? String) }

        /// Runs one step's script in the site folder; what it appended to GITHUB_PATH is on PATH for the next.
        func step(_ name: String, _ extra: [String: String] = [:]) throws -> (status: Int32, output: String) {
            let paths = (try? String(contentsOfFile: temp + "/path", encoding: .utf8))?.split(separator: "\n").reversed().joined(separator: ":") ?? ""
            var environment = ProcessInfo.processInfo.environment.merging(env) { $1 }.merging(extra) { $1 }
            environment["PATH"] = [folder.path + "/bin", paths, environment["PATH"] ?? "/usr/bin:/bin"].filter { !$0.isEmpty }.joined(separator: ":")
            environment["RUNNER_TEMP"] = temp
            environment["GITHUB_PATH"] = temp + "/path"
            environment["GITHUB_OUTPUT"] = temp + "/output"
            environment["FAKE_WEB"] = web
            return try Tool.run("/bin/bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", try script(name)],
                                environment: environment, in: site)
        }
        let pages = ["PAGES_URL": "https://owner.github.io/answers"]  // configure-pages' base_url, no trailing slash

        // First push: installed and verified; nothing is live yet, so the check runs without --against.
        let install = try step("Install Qanda")
        #expect(install.status == 0, "\(install.output)")
        #expect(install.output.contains("\(stem).tar.gz: OK") && install.output.contains("\(stem)/qanda: OK"), "\(install.output)")
        let first = try step("Check", pages)
        #expect(first.status == 0, "\(first.output)")
        #expect(first.output.contains("Nothing is published at https://owner.github.io/answers/ yet"), "\(first.output)")
        #expect(try String(contentsOfFile: temp + "/output", encoding: .utf8) == "url=https://owner.github.io/answers/\n")
        let build = try step("Build", ["ADDRESS": "https://owner.github.io/answers/", "CI": "true"])
        #expect(build.status == 0, "\(build.output)")
        // …with search, though nothing but Qanda was installed: the search page is there, and not the note that
        // search is unavailable.
        let search = try read(site + "/Site/search/index.html")
        #expect(search.contains("id=\"search\""), "\(search)")
        // The build wrote one index root and one script, and the page names both.
        let roots = try FileManager.default.contentsOfDirectory(atPath: site + "/Site/search/index").filter { $0.hasPrefix("root.") }
        let scripts = try FileManager.default.contentsOfDirectory(atPath: site + "/Site/search").filter { $0.hasPrefix("qanda-search.") }
        #expect(roots.count == 1 && scripts.count == 1, "\(roots) \(scripts)")
        #expect(search.contains("data-root=\"/answers/search/index/\(roots.first ?? "")\""), "\(search)")
        #expect(search.contains("/answers/search/\(scripts.first ?? "")"), "\(search)")
        let manifest = try read(site + "/Site/manifest.json")
        #expect(manifest.contains(#""base_url":"https:\/\/owner.github.io\/answers\/""#) || manifest.contains(#""base_url":"https://owner.github.io/answers/""#), "\(manifest.prefix(200))")

        // The site is live. A push that renames the sample thread would take its URL away: the check fails.
        let live = web + "/owner.github.io/answers"
        try FileManager.default.createDirectory(atPath: live, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: site + "/Site/manifest.json", toPath: live + "/manifest.json")
        #expect(try step("Check", pages).status == 0)
        try FileManager.default.moveItem(atPath: site + "/Content/questions/\(SiteScaffold.sampleThread)",
                                         toPath: site + "/Content/questions/renamed")
        let second = try step("Check", pages)
        #expect(second.status == 1)
        #expect(second.output.contains("::error title=url-removed::/questions/\(SiteScaffold.sampleThread)/ was published before"), "\(second.output)")

        // The live site does not answer: the check stops rather than guess.
        let down = try step("Check", pages.merging(["FAKE_STATUS": "503"]) { $1 })
        #expect(down.status == 1)
        #expect(down.output.contains("::error title=site address::https://owner.github.io/answers/manifest.json answered HTTP 503"), "\(down.output)")

        // A release whose executable is not the pinned one is refused before it runs.
        let tampered = try step("Install Qanda", ["QANDA_SHA256": String(repeating: "0", count: 64)])
        #expect(tampered.status != 0)
        #expect(tampered.output.contains("\(stem)/qanda: FAILED"), "\(tampered.output)")
    }

    /// Stands in for curl in the test above: `-o FILE`, `-w '%{http_code}'` and `-f`, serving
    /// `$FAKE_WEB/<host>/<path>` (404 when missing; every request answers `$FAKE_STATUS` when set).
    static let fakeCurl = """
        #!/bin/bash
        out=/dev/null; format=; fail=0; url=
        while [ $# -gt 0 ]; do
          case "$1" in
            -o) out="$2"; shift 2 ;;
            -w) format="$2"; shift 2 ;;
            --retry) shift 2 ;;
            -f*) fail=1; shift ;;
            -*) shift ;;
            *) url="$1"; shift ;;
          esac
        done
        file="$FAKE_WEB/${url#*://}"
        code=${FAKE_STATUS:-404}
        if [ -z "$FAKE_STATUS" ] && [ -f "$file" ]; then cp "$file" "$out"; code=200; fi
        if [ -n "$format" ]; then printf '%s' "$code"; fi
        if [ "$code" != 200 ] && [ "$fail" = 1 ]; then echo "curl: (22) The requested URL returned error: $code" >&2; exit 22; fi
        exit 0

        """

    // MARK: - GitLab

    @Test func gitlabPipelineParsesWithItsJobsRulesAndArtifacts() throws {
        let folder = TemporaryFolder()
        let (site, run) = try initSite(folder, ["--ci", "gitlab", "--qanda-sha256", Self.releasedSHA256])
        #expect(run.stdout.contains(".gitlab-ci.yml"))
        #expect(!FileManager.default.fileExists(atPath: site + "/.github"))
        let text = try read(site + "/.gitlab-ci.yml")
        let pipeline = try #require(try Yams.load(yaml: text) as? [String: Any])
        #expect(Set(pipeline.keys) == ["variables", ".qanda", "check", "pages"])
        let variables = try #require(pipeline["variables"] as? [String: String])
        #expect(variables["QANDA_VERSION"] == QandaVersion.current)
        #expect(variables["QANDA_SHA256"] == Self.releasedSHA256)
        #expect(variables["SITE_URL"] == "")

        let pages = try #require(pipeline["pages"] as? [String: Any])
        #expect(pages["extends"] as? String == ".qanda")
        #expect(pages["rules"] as? [[String: String]] == [["if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"]])
        #expect((pages["artifacts"] as? [String: [String]])?["paths"] == ["public"])
        let check = try #require(pipeline["check"] as? [String: Any])
        #expect(check["artifacts"] == nil)
        let checkRules = try #require(check["rules"] as? [[String: String]])
        #expect(checkRules.contains(["if": "$CI_PIPELINE_SOURCE == \"merge_request_event\""]))
        #expect(!checkRules.contains { $0["if"]?.contains("$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH") == true })

        let job = try #require(pipeline[".qanda"] as? [String: Any])
        #expect((job["image"] as? String)?.hasPrefix("debian:") == true)
        let shell = ((job["before_script"] as? [String] ?? []) + (job["script"] as? [String] ?? [])).joined(separator: "\n")
        #expect(shell.contains(#"echo "${QANDA_SHA256}  /tmp/${stem}/qanda" | sha256sum -c -"#))
        #expect(shell.contains(#"qanda check --against "/tmp/published.json""#))
        #expect(shell.contains(#"qanda build --base-url "$url" --output public"#))

        // The job's commands are one POSIX shell script (GitLab runs them in one shell): shellcheck reads it.
        if let shellcheck = Self.shellcheck {
            let script = folder.path + "/gitlab-job.sh"
            let header = "#!/bin/sh\n" + variables.keys.sorted().map { "\($0)=\"\(variables[$0]!)\"" }.joined(separator: "\n")
                + "\nCI_PAGES_URL=https://answers.example.org/\n"
            try (header + shell + "\n").write(toFile: script, atomically: true, encoding: .utf8)
            let lint = try Tool.run(shellcheck, ["--shell=sh", "--exclude=SC2034", script])
            #expect(lint.status == 0, "\(lint.output)")
        } else {
            Issue.record("shellcheck is not installed, so the GitLab job's script was not checked; `scripts/setup.sh --test` installs it")
        }
    }

    // MARK: - Bad input

    @Test(arguments: [
        (["--ci", "bogus"], ["--ci", "bogus", "github", "gitlab", "none"]),
        (["--ci", "GitHub"], ["--ci", "GitHub", "github"]),
        (["--qanda-sha256", "1234"], ["--qanda-sha256", "64 hex digits"]),
        (["--ci", "none", "--qanda-sha256", String(repeating: "0", count: 64)], ["--qanda-sha256", "--ci none"]),
    ])
    func badCIOptionsExitTwoAndWriteNothing(_ arguments: [String], _ mentioned: [String]) throws {
        let folder = TemporaryFolder()
        let run = try CommandRun.run(["init", folder.path + "/answers"] + arguments)
        #expect(run.status == 2, "\(run.stdout) \(run.stderr)")
        for word in mentioned { #expect(run.stderr.contains(word), "\(run.stderr) does not name \(word)") }
        #expect(run.stdout.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty, "init wrote files")
    }

    @Test func ciNoneWritesNoRecipe() throws {
        let folder = TemporaryFolder()
        let (site, run) = try initSite(folder, ["--ci", "none"])
        #expect(!FileManager.default.fileExists(atPath: site + "/.github"))
        #expect(!FileManager.default.fileExists(atPath: site + "/.gitlab-ci.yml"))
        #expect(FileManager.default.fileExists(atPath: site + "/qanda.yml"))
        #expect(!run.stderr.contains("note:"))
    }
}

/// A program the tests run from PATH (actionlint, shellcheck), and its combined output.
enum Tool {
    static func onPath(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Standard output and error together. `environment` replaces this process's when given.
    static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
                    in directory: String? = nil) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
