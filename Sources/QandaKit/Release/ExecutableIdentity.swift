import Foundation
import QandaPlatform
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What tells this executable apart from any other build of Qanda: the GNU build ID the linker writes into the
/// ELF file (a hash of its contents, so any change to the code gives another one). Read from the note in the
/// running file (`ExecutableImage`): the headers and one note, a few hundred bytes, not the whole file.
enum ExecutableIdentity {
    /// The build ID of the running executable; when it has none (or is not ELF), its size and modification
    /// time, which a rebuild also changes.
    static let current: [UInt8] = {
        let path = ExecutableImage.readablePath ?? CommandLine.arguments.first ?? ""
        if let found = buildID(ofFile: path) { return found.bytes }
        guard let info = FileStatus(path: path, followingLinks: true) else { return [] }
        var fallback = Fingerprint()
        fallback.add(info.size)
        fallback.add(info.modified.seconds)
        fallback.add(info.modified.nanoseconds)
        return withUnsafeBytes(of: fallback.value) { Array($0) }
    }()

    /// The bytes of the `NT_GNU_BUILD_ID` note of the 64-bit little-endian ELF file at `path`, and where they sit
    /// in it; nil when it has none.
    static func buildID(ofFile path: String) -> (bytes: [UInt8], offset: Int)? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        func read(_ count: Int, at offset: Int) -> [UInt8]? {
            guard count >= 0, count <= 1 << 16 else { return nil }
            var bytes = [UInt8](repeating: 0, count: count)
            let got = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, count, off_t(offset)) }
            return got == count ? bytes : nil
        }
        func number(_ bytes: [UInt8], _ at: Int, _ size: Int) -> Int {
            (0..<size).reversed().reduce(0) { $0 << 8 | Int(bytes[at + $1]) }
        }
        guard let header = read(64, at: 0), header[0..<4] == [0x7f, 0x45, 0x4c, 0x46],
              header[4] == 2, header[5] == 1 else { return nil }  // ELFCLASS64, little-endian
        let tableOffset = number(header, 0x20, 8), entrySize = number(header, 0x36, 2)
        let entryCount = number(header, 0x38, 2)
        guard entrySize >= 56, let table = read(entrySize * entryCount, at: tableOffset) else { return nil }
        for entry in 0..<entryCount {
            let base = entry * entrySize
            guard number(table, base, 4) == 4 else { continue }  // PT_NOTE
            let notesOffset = number(table, base + 8, 8), notesSize = number(table, base + 32, 8)
            guard let notes = read(notesSize, at: notesOffset) else { continue }
            var position = 0
            while position + 12 <= notes.count {
                let nameSize = number(notes, position, 4), dataSize = number(notes, position + 4, 4)
                let type = number(notes, position + 8, 4)
                let dataStart = position + 12 + (nameSize + 3) & ~3
                guard dataStart + dataSize <= notes.count else { break }
                if type == 3, nameSize == 4, notes[position + 12..<position + 16] == [0x47, 0x4e, 0x55, 0] {  // NT_GNU_BUILD_ID, "GNU"
                    return (Array(notes[dataStart..<dataStart + dataSize]), notesOffset + dataStart)
                }
                position = dataStart + (dataSize + 3) & ~3
            }
        }
        return nil
    }
}
