import ArgumentParser
import Foundation
import QandaKit

@main
struct Qanda: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qanda",
        abstract: "A static site generator for question-and-answer knowledge bases.",
        discussion: """
        Run it in a site folder (qanda.yml, Content/, optional Templates/). `qanda build` writes the site \
        into Site/, ready to upload to any static host.
        """,
        version: QandaVersion.description,
        subcommands: [InitCommand.self, NewCommand.self, BuildCommand.self, ServeCommand.self, CheckCommand.self, ReviewsCommand.self, CiteCommand.self, TemplatesCommand.self],
        defaultSubcommand: nil
    )

    /// glibc grows each thread's heap a few pages at a time, each step an mprotect(2) that stops every other
    /// thread's page faults: 15,000 of them in a one-edit build of 10,000 questions, a tenth of its time. Asking
    /// for 64 MB more at each step (`M_TOP_PAD`) leaves about 40; memory is still only used once touched.
    /// `mallopt` is looked up at run time, since Swift's Glibc module does not declare it.
    private static func growHeapsInLargeSteps() {
        #if os(Linux)
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        let topPad: Int32 = -2  // M_TOP_PAD in <malloc.h>
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") {  // RTLD_DEFAULT
            _ = unsafeBitCast(symbol, to: Mallopt.self)(topPad, 64 << 20)
        }
        #endif
    }

    /// As swift-argument-parser's own entry point, except that usage errors exit with 2 (like grep and
    /// diff, and as CI scripts expect) rather than sysexits' 64.
    static func main() async {
        // A file size limit (`ulimit -f`) then makes write(2) fail with EFBIG, reported like a full disk,
        // instead of killing the build with SIGXFSZ.
        signal(SIGXFSZ, SIG_IGN)
        growHeapsInLargeSteps()
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                exit(withError: ExitCode(2))
            }
            exit(withError: error)
        }
    }
}
