import Foundation
import NewsSink

/// `newsevents state repair`: rebuilds a damaged run state from what survives of it and from the output.
///
/// Every whole line of the snapshot and the journal that is a state line is kept; every record in the
/// output files (event records carry their article's `content_sha256`, article records their own) adds its
/// input as done, with the output size after it. The result replaces the snapshot atomically and the journal
/// is emptied, so the next run neither reprocesses what was written nor writes it twice.
package enum StateRepair {
    package struct Report: Sendable, Equatable {
        package var kept = 0
        package var recovered = 0
        package var droppedLines = 0
        package var outputFiles = 0

        package var line: String {
            "state repaired: \(kept) entries kept, \(recovered) recovered from \(outputFiles) output files, "
                + "\(droppedLines) damaged lines dropped"
        }
    }

    /// Repairs the state in `directory` for the output `template` (a path, possibly with date fields).
    /// The caller holds the run lock.
    package static func repair(directory: String, output template: String) throws -> Report {
        var report = Report()
        var lines: [String] = []
        var hashes = Set<String>()
        let snapshot = (directory as NSString).appendingPathComponent("seen.tsv")
        let journal = (directory as NSString).appendingPathComponent("seen.journal")
        for path in [snapshot, journal] {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            var rows = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            if data.last != 0x0A, !rows.isEmpty {
                rows.removeLast()  // torn
                report.droppedLines += 1
            }
            for row in rows where !row.isEmpty && !row.hasPrefix("#") {
                guard RunState.isValid(row) else {
                    report.droppedLines += 1
                    continue
                }
                if hashes.insert(String(row.prefix(64))).inserted {
                    lines.append(String(row))
                    report.kept += 1
                }
            }
        }
        for file in outputFiles(template) {
            report.outputFiles += 1
            guard let data = FileManager.default.contents(atPath: file) else { continue }
            var offset = 0
            for line in data.split(separator: 0x0A, omittingEmptySubsequences: false) {
                let end = offset + line.count + 1
                defer { offset = end }
                guard end <= data.count,
                    let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any]
                else { continue }
                let article = object["schema"] as? String == "newsevents.article/1" ? object : object["article"]
                guard let fields = article as? [String: Any], let hash = fields["content_sha256"] as? String,
                    let id = fields["id"] as? String
                else { continue }
                let entry = RunState.line(
                    hash: hash, articleID: id, output: file, offset: end, origin: "recovered from \(file)")
                guard RunState.isValid(Substring(entry)) else { continue }
                if hashes.insert(hash).inserted {
                    lines.append(entry)
                    report.recovered += 1
                }
            }
            // The output's size, so that the next run's tail check starts at its end.
            if let last = lines.last(where: { $0.split(separator: "\t")[2] == Substring(file) }) {
                var fields = last.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                if Int(fields[3]) != data.count {
                    fields[3] = String(data.count)
                    lines.append(fields.joined(separator: "\t"))
                }
            }
        }
        try RunState.writeSnapshot(lines, to: snapshot, directory: directory)
        if FileManager.default.fileExists(atPath: journal) {
            try RunState.replace(journal, with: "", directory: directory)
        }
        return report
    }

    /// The output files of a template: the path itself, or every file of its folder that its date fields
    /// match (`events-%Y-%m-%d.jsonl` → `events-2026-11-26.jsonl`, ...), in name order.
    static func outputFiles(_ template: String) -> [String] {
        guard template != "-" else { return [] }
        guard template.contains("%") else {
            return FileManager.default.fileExists(atPath: template) ? [template] : []
        }
        let folder = (template as NSString).deletingLastPathComponent
        let name = (template as NSString).lastPathComponent
        var pattern = "^"
        var characters = Array(name)[...]
        while let character = characters.popFirst() {
            if character == "%", let field = characters.popFirst() {
                pattern += ["Y": "[0-9]{4}", "m": "[0-9]{2}", "d": "[0-9]{2}", "H": "[0-9]{2}"][field] ?? ".*"
            } else {
                pattern += NSRegularExpression.escapedPattern(for: String(character))
            }
        }
        guard let expression = try? NSRegularExpression(pattern: pattern + "$") else { return [] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? []
        return names.sorted().filter { candidate in
            expression.firstMatch(in: candidate, range: NSRange(candidate.startIndex..., in: candidate)) != nil
        }.map { folder.isEmpty ? $0 : (folder as NSString).appendingPathComponent($0) }
    }
}
