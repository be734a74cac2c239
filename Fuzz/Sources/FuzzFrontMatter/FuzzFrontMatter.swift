import FuzzerEntry
import FuzzSupport
import QandaKit

/// Bytes -> SourceText.decode -> FrontMatterSplitter.split, as MarkdownSourceReader reads every .md file; also
/// split on the raw text (CR and all). Aborts when an invariant of either breaks.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    switch SourceText.decode(bytes) {
    case .success(let source):
        check(!source.text.utf8.contains(0x0D), "decoded text still holds a CR")
        check(!source.text.utf8.starts(with: [0xEF, 0xBB, 0xBF]) || bytes.starts(with: [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF]),
                     "BOM kept")
        checkSplit(source.text)
    case .failure(.empty):
        let rest = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
        check(rest.allSatisfy { [0x20, 0x09, 0x0A, 0x0D].contains($0) }, "non-blank text reported empty")
    case .failure(.notUTF8(let line, _)):
        let lines = 1 + bytes.indices.filter { bytes[$0] == 0x0A || (bytes[$0] == 0x0D && ($0 + 1 == bytes.count || bytes[$0 + 1] != 0x0A)) }.count
        check(line >= 1 && line <= lines, "notUTF8 line \(line) outside 1...\(lines)")
    }
    checkSplit(String(decoding: bytes, as: UTF8.self))
    return 0
}

private func checkSplit(_ text: String) {
    switch FrontMatterSplitter.split(text) {
    case .success(let block):
        check(block.yamlFirstLine == 2, "yamlFirstLine \(block.yamlFirstLine)")
        // The text is: an opening fence line, the YAML, a closing fence line, the body.
        check(text.hasSuffix(block.body), "body is not the end of the text")
        let beforeBody = text.utf8.count - block.body.utf8.count
        let head = Array(text.utf8.prefix(beforeBody))
        check(head.count >= block.yaml.utf8.count + 6, "front matter shorter than its fences")
        let yamlStart = head.firstIndex(of: 0x0A).map { $0 + 1 } ?? head.count
        check(Array(head[yamlStart...]).starts(with: Array(block.yaml.utf8)), "yaml is not what follows the opening fence")
        check(block.yaml.isEmpty || block.yaml.utf8.last == 0x0A, "yaml does not end at a line end")
        let newlines = head.filter { $0 == 0x0A }.count
        if head.last == 0x0A {
            check(block.bodyFirstLine == newlines + 1, "bodyFirstLine \(block.bodyFirstLine), \(newlines) lines before the body")
        } else {
            check(block.body.isEmpty && block.bodyFirstLine == newlines + 2, "closing fence without newline but body follows")
        }
    case .failure(.missingOpening):
        let firstLine = text.utf8.prefix { $0 != 0x0A }
        var trimmed = Array(firstLine)
        while let last = trimmed.last, last == 0x20 || last == 0x09 { trimmed.removeLast() }
        check(trimmed != Array("---".utf8), "missingOpening for a text that opens with ---")
    case .failure(.unclosed(let line)):
        check(line == 1, "unclosed at line \(line)")
    }
}

/// The program's entry point under SwiftPM (see FuzzerEntry.h).
@_cdecl("FuzzFrontMatter_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    qanda_fuzzer_main(argc, argv)
}
