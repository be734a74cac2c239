/// JSON text from dictionaries and arrays, keys sorted so output is deterministic. Foundation's
/// JSONSerialization does the same job through NSDictionary bridging at several times the cost, which showed at
/// one JSON-LD document per page; this writes the few value types structured data uses, and nothing else.
enum JSONText {
    static func serialize(_ value: Any) -> String {
        // Bytes, made into a String once: appending runs to a String validated each one again.
        var output: [UInt8] = []
        write(value, into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    private static func write(_ value: Any, into output: inout [UInt8]) {
        switch value {
        // The common types first: each failed cast costs a conformance lookup.
        case let string as String: writeString(string, into: &output)
        case let dictionary as [String: Any]:
            output.append(UInt8(ascii: "{"))
            for (index, entry) in dictionary.sorted(by: { $0.key < $1.key }).enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                writeString(entry.key, into: &output)
                output.append(UInt8(ascii: ":"))
                write(entry.value, into: &output)
            }
            output.append(UInt8(ascii: "}"))
        case let array as [Any]:
            output.append(UInt8(ascii: "["))
            for (index, element) in array.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                write(element, into: &output)
            }
            output.append(UInt8(ascii: "]"))
        case let bool as Bool: output += (bool ? "true" : "false").utf8
        case let int as Int: output += String(int).utf8
        case let double as Double: output += (double.isFinite ? String(double) : "null").utf8
        default:  // NullValue, and anything structured data does not use
            output += "null".utf8
        }
    }

    /// `string` as a JSON string, appended to `output`: for writers that know their shape and skip `Any`'s casts.
    static func append(_ string: String, to output: inout [UInt8]) { writeString(string, into: &output) }

    /// The bytes `writeString` looks at: controls, `"`, `\\`, `<`, `>`, `&`, and 0xE2 (which starts U+2028 and U+2029).
    private static let mayNeedEscape: [Bool] = (0..<256).map { byte in
        byte < 0x20 || [0x22, 0x5C, 0x3C, 0x3E, 0x26, 0xE2].contains(byte)
    }

    /// Escapes what JSON requires, plus `<`, `>` and `&`, so the text is safe inside a `<script>` element.
    /// Works on the UTF-8 bytes and copies the runs between escapes whole: answers are long and mostly plain.
    private static func writeString(_ string: String, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var string = string
        let mayNeedEscape = Self.mayNeedEscape
        string.withUTF8 { bytes in
            var runStart = 0
            var index = 0
            func flush(upTo end: Int) {
                if end > runStart { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<end])) }
            }
            while index < bytes.count {
                // Most bytes need no escape: skip them with one table lookup each.
                while index < bytes.count && !mayNeedEscape[Int(bytes[index])] { index += 1 }
                guard index < bytes.count else { break }
                let byte = bytes[index]
                var length = 1
                let escape: String?
                switch byte {
                case 0x22: escape = "\\\""
                case 0x5C: escape = "\\\\"
                case 0x0A: escape = "\\n"
                case 0x0D: escape = "\\r"
                case 0x09: escape = "\\t"
                case 0x3C: escape = "\\u003c"
                case 0x3E: escape = "\\u003e"
                case 0x26: escape = "\\u0026"
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    escape = bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"  // line and paragraph separators
                    length = 3
                case ..<0x20: escape = "\\u" + String(byte, radix: 16).leftPadded(to: 4)
                default: escape = nil
                }
                if let escape {
                    flush(upTo: index)
                    output += escape.utf8
                    runStart = index + length
                }
                index += length
            }
            flush(upTo: bytes.count)
        }
        output.append(UInt8(ascii: "\""))
    }
}
