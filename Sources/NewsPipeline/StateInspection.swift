import Foundation

/// `newsevents state inspect`: what a state folder holds, as text for a person. The caller holds the run lock.
package enum StateInspection {
    package static func report(directory: String) throws(StateError) -> String {
        let state = try RunState(directory: directory)
        var lines = ["state \(directory): \(state.count) articles recorded"]
        let lastRun = (directory as NSString).appendingPathComponent("last-run.json")
        if let text = try? String(contentsOfFile: lastRun, encoding: .utf8) {
            lines.append("last run: " + text.trimmingCharacters(in: .whitespacesAndNewlines))
        } else {
            lines.append("last run: none recorded")
        }
        let failures = state.failureList
        lines.append(
            "failed for good: \(failures.count) (skipped until they change, or with 'newsevents run --retry-failed')")
        for failure in failures {
            lines.append(
                "  \(failure.origin)\t\(failure.stage)/\(failure.reason)\tsince \(failure.firstSeen)\t\(failure.message)"
            )
        }
        let gone = FetchState(directory: directory).goneList
        lines.append("addresses gone (404 or 410): \(gone.count)")
        for address in gone { lines.append("  \(address.url)\t\(address.status)") }
        let warcFiles = WARCSourceState(directory: directory).list
        lines.append(
            "WARC files read whole: \(warcFiles.count) (skipped until they change, or with 'newsevents run --retry-failed')"
        )
        for file in warcFiles { lines.append("  \(file.file)\t\(file.stamp)") }
        return lines.joined(separator: "\n") + "\n"
    }
}
