import Foundation
import Testing
@testable import QandaKit

/// The built-in theme is the files of Sources/QandaKit/Rendering/Theme/Files/, embedded at build time by
/// Plugins/EmbedTheme: every file there is in the binary byte for byte, under its name, and nothing else is.
@Suite struct DefaultThemeFilesTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/QandaKit/Rendering/Theme/Files").path

    static let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix(".") }.sorted()

    /// What the binary holds for a file name: `question.mustache` is the template `question`.
    static func embedded(_ name: String) -> String? {
        name.hasSuffix(".mustache") ? DefaultTheme.templates[String(name.dropLast(".mustache".count))] : DefaultTheme.staticFiles[name]
    }

    @Test func theFolderAndTheBinaryHoldTheSameNames() {
        let embedded = Set(DefaultTheme.templates.keys.map { $0 + ".mustache" }).union(DefaultTheme.staticFiles.keys)
        #expect(!Self.names.isEmpty, "no theme files in \(Self.folder)")
        #expect(Set(Self.names) == embedded, "only in the folder: \(Set(Self.names).subtracting(embedded).sorted()), only in the binary: \(embedded.subtracting(Self.names).sorted())")
    }

    @Test(arguments: names)
    func eachFileIsEmbeddedAsItIs(_ name: String) throws {
        let bytes = try #require(FileManager.default.contents(atPath: Self.folder + "/" + name))
        let text = try #require(Self.embedded(name), "\(name) is not in the binary")
        #expect(Array(text.utf8) == Array(bytes), "\(name) differs from the embedded copy: rebuild, or the plugin did not run")
    }

    @Test func theThemeHasEveryLayoutAndTheFilesItsPagesLinkTo() {
        for layout in ["base"] + DefaultTheme.layoutNames {
            #expect(DefaultTheme.templates[layout] != nil, "no \(layout).mustache")
        }
        #expect(DefaultTheme.staticFiles[Routes.stylesheet] != nil)
        #expect(DefaultTheme.staticFiles[Routes.favicon] != nil)
    }
}
