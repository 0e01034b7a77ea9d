import Foundation
import NewsSink

/// `newsevents state repair`: rebuilds a damaged run state from what survives of it and from the output.
///
/// Every whole line of the snapshot and the journal that is a state line is kept (the last of each article);
/// every article with records in the output files (event records carry their article's id and
/// `content_sha256`, article records their own, retraction records withdraw an event) that the state lacks is
/// added as done, with its event ids and the output size after its last record. The result replaces the
/// snapshot atomically and the journal is emptied, so the next run neither reprocesses what was written nor
/// writes it twice.
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

    /// The articles of `files` in order of their first record: the last bytes hash seen, the output and size
    /// after its last record, and the ids of its events not withdrawn by a later retraction record. The
    /// version is unknown (the output does not carry it). Lines that are not JSON objects are skipped.
    static func scan(_ files: [String]) -> (articles: [String: StateEntry], order: [String], sizes: [String: Int]) {
        var articles: [String: StateEntry] = [:]
        var order: [String] = []
        var sizes: [String: Int] = [:]
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else { continue }
            sizes[file] = data.count
            var offset = 0
            for line in data.split(separator: 0x0A, omittingEmptySubsequences: false) {
                let end = offset + line.count + 1
                defer { offset = end }
                guard end <= data.count,
                    let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any]
                else { continue }
                let schema = object["schema"] as? String
                if schema == RecordEncoder.retractionSchema {
                    if let id = object["article_id"] as? String, let event = object["event_id"] as? String {
                        articles[id]?.events?.removeAll { $0 == event }
                    }
                    continue
                }
                // Article records of every version (article/1 before event dates carried ISO 8601).
                let isArticle = schema?.hasPrefix("newsevents.article/") == true
                let article = isArticle ? object : object["article"]
                guard let fields = article as? [String: Any], let hash = fields["content_sha256"] as? String,
                    hash.count == 64, let id = fields["id"] as? String
                else { continue }
                var events: [String] = []
                if isArticle {
                    events = (object["events"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
                } else if let event = object["id"] as? String {
                    events = [event]
                }
                if var entry = articles[id] {
                    entry.bytesHash = hash
                    entry.output = file
                    entry.offset = end
                    for event in events where !(entry.events ?? []).contains(event) { entry.events?.append(event) }
                    articles[id] = entry
                } else {
                    order.append(id)
                    articles[id] = StateEntry(
                        bytesHash: hash, articleID: id, output: file, offset: end, origin: "recovered from \(file)",
                        version: "", events: events)
                }
            }
        }
        return (articles, order, sizes)
    }

    /// Repairs the state in `directory` for the output `template` (a path, possibly with date fields).
    /// The caller holds the run lock.
    package static func repair(directory: String, output template: String) throws -> Report {
        var report = Report()
        var kept: [StateEntry] = []
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
                guard let entry = StateEntry(line: row) else {
                    report.droppedLines += 1
                    continue
                }
                kept.append(entry)
            }
        }
        var (entries, order) = RunState.fold(kept)
        report.kept = entries.count
        let files = outputFiles(template)
        report.outputFiles = files.count
        let found = scan(files)
        for id in found.order {
            guard let recovered = found.articles[id] else { continue }
            if let known = entries[id] {
                if known.events == nil { entries[id]?.events = recovered.events }
            } else {
                entries[id] = recovered
                order.append(id)
                report.recovered += 1
            }
        }
        // Each output's size, so that the next run's tail check starts at its end.
        for (file, size) in found.sizes {
            if let last = order.last(where: { entries[$0]?.output == file }), entries[last]?.offset != size {
                entries[last]?.offset = size
            }
        }
        try RunState.writeSnapshot(order.compactMap { entries[$0]?.line }, to: snapshot, directory: directory)
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
