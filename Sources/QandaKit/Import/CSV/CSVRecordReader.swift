import Foundation

/// The records of a CSV file (RFC 4180), read one at a time from the file in chunks, so that a file of any size
/// is never held in memory: fields in double quotes may hold the delimiter, line breaks and doubled quotes (`""`);
/// records end at CRLF, LF or a lone CR; a UTF-8 byte-order mark is dropped. A quote inside an unquoted field is
/// kept as it is (as spreadsheets write them). Every field must be UTF-8.
package struct CSVRecordReader {
    package struct Record: Sendable, Equatable {
        package var fields: [String]
        /// The line the record starts on, 1-based, counting line breaks inside quoted fields as editors do.
        package var line: Int
        /// 0 for the header, then 1, 2, … for the rows.
        package var row: Int
    }

    /// The file as messages name it (`counsel_chat.csv`).
    package let displayName: String
    private let handle: FileHandle
    private let delimiter: UInt8
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    private var line = 1
    private var rowsRead = 0
    private var startedFile = false
    /// The header's fields, once read: the names messages give columns.
    package private(set) var header: [String] = []

    package init(path: String, displayName: String, delimiter: UInt8 = UInt8(ascii: ",")) throws {
        guard let handle = FileHandle(forReadingAtPath: path), DirectoryListing.kind(of: path) == .file
              || DirectoryListing.kind(of: path) == .symlink else {
            throw ImportError(location: displayName, message: "cannot read this file", hint: "check the path and that the file is readable")
        }
        self.handle = handle
        self.displayName = displayName
        self.delimiter = delimiter
    }

    /// The next record, or nil at the end of the file. Empty lines between records are passed over.
    package mutating func next() throws -> Record? {
        if !startedFile {
            startedFile = true
            if try peek() == 0xEF, try peek(1) == 0xBB, try peek(2) == 0xBF { position += 3 }
        }
        while true {
            guard try peek() != nil else { return nil }
            let start = line
            var fields: [String] = []
            var ended = false
            while !ended {
                let (bytes, fieldLine, last) = try field()
                fields.append(try text(bytes, line: fieldLine, column: fields.count, recordLine: start))
                ended = last
            }
            if fields.count == 1 && fields[0].isEmpty { continue }  // an empty line
            let record = Record(fields: fields, line: start, row: rowsRead)
            if rowsRead == 0 { header = fields }
            rowsRead += 1
            return record
        }
    }

    /// One field's bytes, the line it starts on, and whether it ends its record.
    private mutating func field() throws -> ([UInt8], Int, Bool) {
        let fieldLine = line
        var bytes: [UInt8] = []
        if try peek() == UInt8(ascii: "\"") {
            position += 1
            while true {
                guard let byte = try take() else {
                    throw ImportError(location: "\(displayName):\(fieldLine)",
                                      message: "a quoted field that starts on this line never ends (no closing \")",
                                      hint: "close the field with a double quote; a quote inside a field is written twice (\"\")")
                }
                if byte == UInt8(ascii: "\"") {
                    if try peek() == UInt8(ascii: "\"") {
                        position += 1
                        bytes.append(byte)
                        continue
                    }
                    break
                }
                countLine(byte)
                bytes.append(byte)
            }
            guard let after = try peek() else { return (bytes, fieldLine, true) }
            if after == delimiter { position += 1; return (bytes, fieldLine, false) }
            if after == 0x0A || after == 0x0D { endRecord(); return (bytes, fieldLine, true) }
            throw ImportError(location: "\(displayName):\(line)",
                              message: "text after the closing quote of a field",
                              hint: "a quote inside a quoted field is written twice (\"\"); the field ends at a quote followed by '\(Character(Unicode.Scalar(delimiter)))' or the end of the line")
        }
        while let byte = try peek() {
            if byte == delimiter { position += 1; return (bytes, fieldLine, false) }
            if byte == 0x0A || byte == 0x0D { endRecord(); return (bytes, fieldLine, true) }
            bytes.append(byte)
            position += 1
        }
        return (bytes, fieldLine, true)
    }

    /// Consumes CRLF, LF or CR.
    private mutating func endRecord() {
        let byte = try? take()
        if byte == 0x0D, (try? peek()) == 0x0A { position += 1 }
        line += 1
    }

    /// Counts a line break inside a quoted field (CRLF once).
    private mutating func countLine(_ byte: UInt8) {
        if byte == 0x0A || (byte == 0x0D && (try? peek()) != 0x0A) { line += 1 }
    }

    private func text(_ bytes: [UInt8], line fieldLine: Int, column: Int, recordLine: Int) throws -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        // Where the first bad byte is: the line it is on, counted from the field's first line.
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var valid = 0
        while case .scalarValue(let scalar) = decoder.decode(&iterator) { valid += scalar.utf8.count }
        let before = bytes[..<valid]
        let badLine = fieldLine + before.filter { $0 == 0x0A }.count
        let badByte = valid < bytes.count ? String(format: "0x%02X", bytes[valid]) : "?"
        let columnName = column < header.count ? "column '\(header[column])'" : "field \(column + 1)"
        let row = rowsRead == 0 ? "the header" : "row \(rowsRead)"
        throw ImportError(location: "\(displayName):\(badLine)",
                          message: "\(row), \(columnName): byte \(badByte) is not UTF-8 text",
                          hint: "save the file as UTF-8 (from Latin-1 or Windows-1252: iconv -f cp1252 -t utf-8 \(displayName) > utf8.csv)")
    }

    // MARK: - Bytes

    private mutating func peek(_ ahead: Int = 0) throws -> UInt8? {
        while position + ahead >= buffer.count {
            if atEnd { return nil }
            try fill()
        }
        return buffer[position + ahead]
    }

    private mutating func take() throws -> UInt8? {
        guard let byte = try peek() else { return nil }
        position += 1
        return byte
    }

    private mutating func fill() throws {
        if position > 0 {
            buffer.removeSubrange(..<position)
            position = 0
        }
        let chunk: Data?
        do { chunk = try handle.read(upToCount: 1 << 20) } catch {
            throw ImportError(location: displayName, message: "cannot read this file: \(error.localizedDescription)")
        }
        guard let chunk, !chunk.isEmpty else { atEnd = true; return }
        buffer += chunk
    }
}
