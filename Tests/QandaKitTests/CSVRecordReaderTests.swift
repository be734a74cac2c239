import Foundation
import Testing
@testable import QandaKit

/// The CSV reader of `qanda import csv`: RFC 4180 records from a file read in chunks, and the errors that name the
/// line, the row and the column.
@Suite struct CSVRecordReaderTests {
    /// Writes `bytes` to a temporary file and reads every record.
    static func records(_ bytes: [UInt8], delimiter: UInt8 = UInt8(ascii: ",")) throws -> [CSVRecordReader.Record] {
        let path = NSTemporaryDirectory() + "qanda-csv-" + UUID().uuidString + ".csv"
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        defer { try? FileManager.default.removeItem(atPath: path) }
        var reader = try CSVRecordReader(path: path, displayName: "data.csv", delimiter: delimiter)
        var records: [CSVRecordReader.Record] = []
        while let record = try reader.next() { records.append(record) }
        return records
    }

    static func records(_ text: String) throws -> [CSVRecordReader.Record] { try records(Array(text.utf8)) }

    static func error(_ bytes: [UInt8]) -> ImportError? {
        do { _ = try records(bytes) } catch let error as ImportError { return error } catch { return nil }
        return nil
    }

    @Test func quotedFieldsHoldDelimitersLineBreaksAndDoubledQuotes() throws {
        let records = try Self.records("id,text\r\n1,\"a, b\"\r\n2,\"line one\r\nline \"\"two\"\"\"\r\n3,plain \"quote\" inside\r\n")
        #expect(records.map(\.fields) == [["id", "text"], ["1", "a, b"], ["2", "line one\r\nline \"two\""], ["3", "plain \"quote\" inside"]])
        // Lines as an editor counts them: row 3 starts on line 5, after the two-line field.
        #expect(records.map(\.line) == [1, 2, 3, 5])
        #expect(records.map(\.row) == [0, 1, 2, 3])
    }

    @Test func aByteOrderMarkLoneCRAndEmptyLinesAndNoFinalLineBreak() throws {
        let records = try Self.records([0xEF, 0xBB, 0xBF] + Array("a,b\r1,2\n\n3,\"\"\n\n4,".utf8))
        #expect(records.map(\.fields) == [["a", "b"], ["1", "2"], ["3", ""], ["4", ""]])
        #expect(records.map(\.line) == [1, 2, 4, 6])
    }

    @Test func anotherDelimiter() throws {
        let records = try Self.records(Array("a;b\n\"x;y\";z\n".utf8), delimiter: UInt8(ascii: ";"))
        #expect(records.map(\.fields) == [["a", "b"], ["x;y", "z"]])
    }

    @Test func anUnclosedQuoteIsAnErrorAtTheLineItStartsOn() {
        let error = Self.error(Array("a,b\n1,2\n3,\"never\nclosed\n".utf8))
        #expect(error?.location == "data.csv:3")
        #expect(error?.message.contains("never ends") == true)
    }

    @Test func textAfterAClosingQuoteIsAnError() {
        let error = Self.error(Array("a,b\n1,\"x\"y\n".utf8))
        #expect(error?.location == "data.csv:2")
        #expect(error?.hint?.contains("\"\"") == true)
    }

    /// A Latin-1 é in the third row's second field, on the second line of that field.
    @Test func textThatIsNotUTF8NamesTheLineRowAndColumn() {
        let bytes = Array("id,answerText\n1,fine\n2,\"first line\nCaf".utf8) + [0xE9] + Array("\"\n".utf8)
        let error = Self.error(bytes)
        #expect(error?.location == "data.csv:4")
        #expect(error?.message == "row 2, column 'answerText': byte 0xE9 is not UTF-8 text")
        #expect(error?.hint?.contains("iconv") == true)
    }

    /// Fields that cross the reader's 1 MB chunks, read back exactly: seeded random text with quotes, delimiters,
    /// CRLF and multi-byte characters, written as RFC 4180 says.
    @Test func recordsAcrossChunksReadBackExactly() throws {
        var random = SeededRandom(seed: 24)
        let alphabet: [String] = ["a", "b", " ", ",", "\"", "\n", "\r\n", "é", "😀", "ש", "x"]
        var rows: [[String]] = []
        var text = ""
        while text.utf8.count < 3_000_000 {
            let row = (0..<4).map { _ in (0..<random.next(below: 400)).map { _ in alphabet[random.next(below: alphabet.count)] }.joined() }
            rows.append(row)
            text += row.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ",") + "\r\n"
        }
        let records = try Self.records(text)
        #expect(records.count == rows.count)
        #expect(records.map(\.fields) == rows)
    }
}

/// SplitMix64, for seeded test inputs.
struct SeededRandom {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func nextValue() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func next(below bound: Int) -> Int { Int(nextValue() % UInt64(bound)) }
}
