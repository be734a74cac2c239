/// JSON text from dictionaries and arrays, keys sorted so output is deterministic. Foundation's
/// JSONSerialization does the same job through NSDictionary bridging at several times the cost, which showed at
/// one JSON-LD document per page; this writes the few value types structured data uses, and nothing else.
enum JSONText {
    static func serialize(_ value: Any) -> String {
        var output = ""
        write(value, into: &output)
        return output
    }

    private static func write(_ value: Any, into output: inout String) {
        switch value {
        case let string as String: writeString(string, into: &output)
        case is NullValue: output += "null"
        case let bool as Bool: output += bool ? "true" : "false"
        case let int as Int: output += String(int)
        case let double as Double: output += double.isFinite ? String(double) : "null"
        case let dictionary as [String: Any]:
            output += "{"
            for (index, key) in dictionary.keys.sorted().enumerated() {
                if index > 0 { output += "," }
                writeString(key, into: &output)
                output += ":"
                write(dictionary[key]!, into: &output)
            }
            output += "}"
        case let array as [Any]:
            output += "["
            for (index, element) in array.enumerated() {
                if index > 0 { output += "," }
                write(element, into: &output)
            }
            output += "]"
        default:
            output += "null"
        }
    }

    /// Escapes what JSON requires, plus `<`, `>` and `&`, so the text is safe inside a `<script>` element.
    private static func writeString(_ string: String, into output: inout String) {
        output += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "<": output += "\\u003c"
            case ">": output += "\\u003e"
            case "&": output += "\\u0026"
            case "\u{2028}": output += "\\u2028"
            case "\u{2029}": output += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    output += "\\u" + String(scalar.value, radix: 16).leftPadded(to: 4)
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }
}
