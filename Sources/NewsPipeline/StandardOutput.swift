import Foundation
import NewsSink

/// Standard output for the commands that print (`clean --format text`, `dates`, `analyze`, `check-config`,
/// `state inspect`): every byte written, or a ``SinkError`` that names the cause (a full disk, a closed pipe),
/// never a crash.
package enum StandardOutput {
    package static func write(_ text: String) throws(SinkError) {
        let failure = FileDescriptorWriter.writeAll(STDOUT_FILENO, text)
        if failure != 0 { throw .write(path: "-", errno: failure) }
    }
}
