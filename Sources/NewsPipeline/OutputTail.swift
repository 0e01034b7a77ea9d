import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a run finds at the end of its output when it starts: records written after the last article the
/// state recorded (a crash between writing and recording), and a torn last line (a crash mid-write).
package struct OutputTail: Sendable {
    /// Ids of the whole records after the recorded size: already written, never to be written again.
    package var ids: Set<String> = []
    /// Bytes of a torn last line that were cut off (0 when none).
    package var tornBytes = 0
    /// The file is smaller than the state recorded (rotated or truncated by someone else).
    package var shrunk = false

    /// Reads `path` from byte `offset` to its end, cuts a last line that has no newline, and collects the
    /// `id` of every whole record there. A file that does not exist gives an empty tail.
    package static func recover(path: String, from offset: Int) throws -> OutputTail {
        var tail = OutputTail()
        var info = stat()
        guard stat(path, &info) == 0 else { return tail }
        let size = Int(info.st_size)
        guard size > offset else {
            tail.shrunk = size < offset
            return tail
        }
        guard let handle = FileHandle(forReadingAtPath: path) else { return tail }
        defer { try? handle.close() }
        try handle.seek(toOffset: UInt64(offset))
        let data = try handle.readToEnd() ?? Data()
        var whole = data
        if data.last != 0x0A {
            let cut = (data.lastIndex(of: 0x0A).map { $0 + 1 }) ?? data.startIndex
            tail.tornBytes = data.endIndex - cut
            whole = data[data.startIndex..<cut]
            guard truncate(path, off_t(offset + (cut - data.startIndex))) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
            }
        }
        for line in whole.split(separator: 0x0A) {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                let id = object["id"] as? String
            else { continue }
            tail.ids.insert(id)
        }
        return tail
    }
}
