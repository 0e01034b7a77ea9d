#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a whole buffer to a file descriptor, the one loop every writer in the package shares.
public enum FileDescriptorWriter {
    /// Writes all of `text`'s UTF-8 bytes with as few `write` calls as the kernel allows (one for a regular
    /// file), retrying on `EINTR` and continuing after a short write. Returns 0, or the `errno` that stopped it.
    @discardableResult
    public static func writeAll(_ descriptor: Int32, _ text: String) -> Int32 {
        var copy = text
        return copy.withUTF8 { writeAll(descriptor, bytes: UnsafeRawBufferPointer($0)) }
    }

    /// ``writeAll(_:_:)`` for bytes.
    @discardableResult
    public static func writeAll(_ descriptor: Int32, bytes buffer: UnsafeRawBufferPointer) -> Int32 {
        var offset = 0
        while offset < buffer.count {
            let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += written
        }
        return 0
    }
}
