import Foundation

/// The WARC files a batch run read whole, in `<state>/warc.tsv` (path, then the file's size and modification
/// time), so that the next run skips an unchanged file unread instead of decoding it again to find its pages
/// already done: a folder of CC-NEWS files grows by a file or two a day, and a cron run every few minutes must
/// not read the year behind them each time.
///
/// A file is remembered only once the sink has written everything read from it (``RecordSink`` calls
/// ``markRead(_:stamp:)``), and only when none of its pages failed in a way that may pass another time. The
/// list is loaded on first use (after the run took its lock) and replaced atomically by ``save()``; a run that
/// stops before saving reads the files again, and skips their pages as already seen. `run --retry-failed`
/// reads every file again.
///
/// Thread safety: every method may be called from any thread.
package final class WARCSourceState: @unchecked Sendable {
    static let header = "# newsevents WARC files read whole 1: path, size:modification time"

    let path: String
    private let directory: String
    private let lock = NSLock()
    // Guarded by `lock`.
    private var loaded = false
    private var files: [String: String] = [:]
    private var changed = false
    /// Whether every file is read again (`run --retry-failed`).
    package var rereadAll = false

    package init(directory: String) {
        self.directory = directory
        path = (directory as NSString).appendingPathComponent("warc.tsv")
    }

    /// Whether an earlier run read the file whole while it had this size and modification time.
    package func wasRead(_ file: String, stamp: String) -> Bool {
        lock.withLock {
            loadIfNeeded()
            return !rereadAll && files[file] == stamp
        }
    }

    /// Remembers that the file was read whole with this stamp.
    package func markRead(_ file: String, stamp: String) {
        lock.withLock {
            loadIfNeeded()
            if files[file] != stamp {
                files[file] = stamp
                changed = true
            }
        }
    }

    /// The files remembered, by path.
    package var list: [(file: String, stamp: String)] {
        lock.withLock {
            loadIfNeeded()
            return files.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        }
    }

    /// Replaces `warc.tsv` atomically when something changed.
    package func save() throws(StateError) {
        let lines = lock.withLock { () -> [String]? in
            guard changed else { return nil }
            changed = false
            return files.sorted { $0.key < $1.key }.map { "\($0.key)\t\($0.value)" }
        }
        guard let lines else { return }
        try RunState.replace(path, with: ([Self.header] + lines).joined(separator: "\n") + "\n", directory: directory)
    }

    /// Reads the list (advisory: a damaged line is dropped, and its file read again).
    private func loadIfNeeded() {
        guard !loaded else { return }
        loaded = true
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return }
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 2, !fields[0].isEmpty, !fields[1].isEmpty else { continue }
            files[String(fields[0])] = String(fields[1])
        }
    }
}
