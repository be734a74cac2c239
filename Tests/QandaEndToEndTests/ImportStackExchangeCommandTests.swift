import Foundation
import Testing

/// `qanda import stackexchange` as a user runs it: what it says about a dump it cannot read, and its exit status.
@Suite struct ImportStackExchangeCommandTests {
    /// A dump folder named like its site, with a question and an answer.
    private func dump(in folder: TemporaryFolder, name: String = "cooking.stackexchange.com") -> String {
        let header = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        folder.write(header + "<posts>\n  <row Id=\"1\" PostTypeId=\"1\" CreationDate=\"2012-05-01T10:00:00.123\" Score=\"2\" "
                     + "Body=\"&lt;p&gt;Why?&lt;/p&gt;\" OwnerUserId=\"10\" Title=\"Why do eggs weep?\" Tags=\"&lt;eggs&gt;\" />\n"
                     + "  <row Id=\"2\" PostTypeId=\"2\" ParentId=\"1\" CreationDate=\"2012-05-02T10:00:00.000\" Score=\"1\" "
                     + "Body=\"&lt;p&gt;Sugar.&lt;/p&gt;\" OwnerUserId=\"11\" />\n</posts>\n", to: "\(name)/Posts.xml")
        folder.write(header + "<users>\n  <row Id=\"10\" DisplayName=\"Anna\" />\n  <row Id=\"11\" DisplayName=\"Ben\" />\n</users>\n", to: "\(name)/Users.xml")
        folder.write(header + "<tags>\n  <row Id=\"1\" TagName=\"eggs\" />\n</tags>\n", to: "\(name)/Tags.xml")
        return folder.path + "/" + name
    }

    @Test func readsADumpWithoutComplaint() throws {
        let folder = TemporaryFolder()
        let run = try CommandRun.run(["import", "stackexchange", dump(in: folder), "--dry-run", "--site", folder.path + "/site"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty, "\(run.stderr)")
    }

    @Test func aMissingFileIsNamedWithWhatToDo() throws {
        let folder = TemporaryFolder()
        let path = dump(in: folder)
        try FileManager.default.removeItem(atPath: path + "/Users.xml")
        let run = try CommandRun.run(["import", "stackexchange", path, "--dry-run", "--site", folder.path + "/site"])
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("error: \(path)/Users.xml: Users.xml is missing from the dump folder\n  hint: "), "\(run.stderr)")
        #expect(run.stderr.hasSuffix("error: nothing was imported\n"), "\(run.stderr)")
    }

    @Test func malformedXMLIsReportedAtItsLine() throws {
        let folder = TemporaryFolder()
        let path = dump(in: folder)
        folder.write("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<tags>\n  <row Id=\"1\" TagName=\"eggs\"\n</tags>\n",
                     to: "cooking.stackexchange.com/Tags.xml")
        let run = try CommandRun.run(["import", "stackexchange", path, "--dry-run", "--site", folder.path + "/site"])
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("error: \(path)/Tags.xml:3:3: "), "\(run.stderr)")
        #expect(run.stderr.contains("malformed XML"), "\(run.stderr)")
    }

    @Test func aFolderNotNamedAfterItsSiteNeedsTheSiteURL() throws {
        let folder = TemporaryFolder()
        let path = dump(in: folder, name: "dump")
        let refused = try CommandRun.run(["import", "stackexchange", path, "--dry-run", "--site", folder.path + "/site"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("--site-url https://"), "\(refused.stderr)")
        let accepted = try CommandRun.run(["import", "stackexchange", path, "--site-url", "https://cooking.stackexchange.com", "--dry-run",
                                           "--site", folder.path + "/site"])
        #expect(accepted.status == 0, "\(accepted.stderr)")
    }

    @Test func aBadCategoryMapIsReportedAtItsLine() throws {
        let folder = TemporaryFolder()
        let path = dump(in: folder)
        folder.write("eggs: Eggs\nbaking: [a, list]\n", to: "map.yml")
        let run = try CommandRun.run(["import", "stackexchange", path, "--category-map", folder.path + "/map.yml", "--dry-run",
                                      "--site", folder.path + "/site"])
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("error: \(folder.path)/map.yml:2:1: each entry of the category map is a tag and a category name"), "\(run.stderr)")
    }

    @Test func helpIsASCII() throws {
        let run = try CommandRun.run(["import", "stackexchange", "--help"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("--site-url") && run.stdout.contains("--category-map"))
        #expect(run.stdout.unicodeScalars.allSatisfy { $0.isASCII }, "the man page is made with groff, which refuses other characters")
    }
}
