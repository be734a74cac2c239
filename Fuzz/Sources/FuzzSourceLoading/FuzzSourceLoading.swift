import FuzzerEntry
import FuzzSupport
import QandaKit
import QandaProbe

/// One source file through the loader (SourceFileProbe): the first byte picks the kind of file (question, answer,
/// author, page, qanda.yml) and whether raw HTML is allowed; the rest is the file. Aborts when a diagnostic points
/// outside the file or a file that loaded carries an error.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    guard let (kind, file, outcome) = SourceFileProbe.load(fuzzInput: Array(UnsafeRawBufferPointer(start: start, count: count))) else { return 0 }
    let lines = SourceFileProbe.lineCount(of: file)
    for diagnostic in outcome.diagnostics {
        check(diagnostic.line >= 0 && diagnostic.column >= 0, "negative position: \(diagnostic)")
        if diagnostic.file == kind.file {
            check(diagnostic.line <= lines, "line \(diagnostic.line) past the file's \(lines) lines: \(diagnostic)\n\(outcome.formatted.joined())")
        }
    }
    check(outcome.formatted.count == outcome.diagnostics.count, "formatted \(outcome.formatted.count) of \(outcome.diagnostics.count)")
    if outcome.loaded { check(!outcome.diagnostics.contains { $0.severity == .error }, "loaded with an error") }
    return 0
}

/// The program's entry point under SwiftPM (see FuzzerEntry.h).
@_cdecl("FuzzSourceLoading_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    qanda_fuzzer_main(argc, argv)
}
