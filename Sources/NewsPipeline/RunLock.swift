import Foundation
import NewsSink

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive lock on a state folder (`flock` on `<state>/lock`), held for the life of the run.
///
/// The kernel releases a `flock` when its holder dies, however it dies, so a stale lock from a killed run
/// never blocks the next one. The holder writes its PID into the file so that a refused run can name it.
package final class RunLock {
    package enum Failure: Error, Equatable, CustomStringConvertible {
        /// Another process holds the lock (its PID when it could be read).
        case held(path: String, pid: Int?)
        case unusable(path: String, message: String)

        package var description: String {
            switch self {
            case .held(let path, let pid):
                let holder = pid.map { "process \($0)" } ?? "another process"
                return "another run (\(holder)) holds the lock '\(path)'; not starting"
            case .unusable(let path, let message): return "cannot lock '\(path)': \(message)"
            }
        }
    }

    package let path: String
    private let descriptor: Int32

    /// Takes the lock, waiting up to `wait` seconds (nil or 0: not at all) for another holder to finish.
    package init(directory: String, wait: Double? = nil) throws(Failure) {
        path = (directory as NSString).appendingPathComponent("lock")
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .unusable(path: path, message: "cannot create the state folder: \(error.localizedDescription)")
        }
        let opened = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard opened >= 0 else { throw .unusable(path: path, message: String(cString: strerror(errno))) }
        let deadline = Date().addingTimeInterval(max(0, wait ?? 0))
        while flock(opened, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            guard code == EWOULDBLOCK || code == EINTR else {
                close(opened)
                throw .unusable(path: path, message: String(cString: strerror(code)))
            }
            if Date() >= deadline {
                let pid = Self.readPID(opened)
                close(opened)
                throw .held(path: path, pid: pid)
            }
            usleep(100_000)
        }
        descriptor = opened
        _ = ftruncate(opened, 0)
        _ = FileDescriptorWriter.writeAll(opened, "\(getpid())\n")
    }

    deinit {
        _ = flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    private static func readPID(_ descriptor: Int32) -> Int? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = pread(descriptor, &buffer, buffer.count, 0)
        guard count > 0 else { return nil }
        return Int(
            String(decoding: buffer.prefix(count), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
