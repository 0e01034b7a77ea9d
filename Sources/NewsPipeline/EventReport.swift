import Foundation
import NewsSink

/// What `newsevents report` draws: the events of one or more JSON Lines outputs summarised in memory that
/// grows with the number of distinct days, actors, targets and pairs (and 8 bytes per article), never with the
/// number of events (each tally keeps at most ``evidencePerRow`` evidence sentences).
///
/// Reads event records (`newsevents.event/*`), the events inside article records (`newsevents.article/*`),
/// error records (failures by reason), status and retraction records (counted). Other lines are counted as
/// unreadable. Every order is fixed (counts, then names), so the same input gives the same report.
package struct EventReport {
    package static let evidencePerRow = 2

    /// One sentence that shows an event, with where it was found.
    package struct Evidence: Equatable {
        var sentence: String
        var title: String?
        var url: String?
        var day: String?
    }

    /// A counted thing (an actor, a pair, ...) with the words that named it and the first evidence found for it.
    package struct Tally {
        var id: String
        var count = 0
        var evidence: [Evidence] = []
        /// How often each text named it ("Iran", "Tehran"): the most frequent is its label.
        var texts: [String: Int] = [:]

        init(id: String) { self.id = id }

        /// "Iran (IRN)": the most frequent text (ties by the text), with the id when it differs.
        var label: String {
            guard let text = texts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key, text != id else {
                return id
            }
            return "\(text) (\(id))"
        }

        /// Counts one more; keeps the evidence of the earliest days (then sentences), so that the order in which
        /// records are read does not change the report.
        mutating func add(_ item: Evidence?, text: String? = nil) {
            count += 1
            if let text { texts[text, default: 0] += 1 }
            guard let item, !evidence.contains(item) else { return }
            evidence.append(item)
            evidence.sort {
                ($0.day ?? "~", $0.sentence, $0.url ?? "", $0.title ?? "") < (
                    $1.day ?? "~", $1.sentence, $1.url ?? "", $1.title ?? ""
                )
            }
            if evidence.count > EventReport.evidencePerRow { evidence.removeLast() }
        }
    }

    package var lines = 0
    package var unreadableLines = 0
    package var events = 0
    package var undatedEvents = 0
    /// The articles seen, as 64-bit FNV-1a hashes of their ids: 8 bytes an article, not the id's string.
    package var articleHashes = Set<UInt64>()
    package var articles: Int { articleHashes.count }

    /// FNV-1a over the id's UTF-8 bytes: stable across runs (unlike `hashValue`).
    static func fnv1a(_ text: String) -> UInt64 {
        text.utf8.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01B3 }
    }
    package var failures: [String: Int] = [:]
    package var statuses: [String: Int] = [:]
    package var retractions = 0
    /// Events per day (YYYY-MM-DD) per PLOVER type.
    package var perDay: [String: [String: Int]] = [:]
    /// Each PLOVER type's quad class, as the records give it.
    package var quadClassOfType: [String: Int] = [:]
    package var actors: [String: Tally] = [:]
    package var targets: [String: Tally] = [:]
    package var dyads: [String: Tally] = [:]
    package var officials: [String: Tally] = [:]
    package var groups: [String: Tally] = [:]
    /// Network nodes (countries and groups; an official stands for the country it serves) and edges.
    package var nodeWeights: [String: Int] = [:]
    package var edges: [String: [Int]] = [:]

    package init() {}

    /// Adds one JSON Lines record.
    package mutating func add<Line: Collection>(line: Line) where Line.Element == UInt8 {
        lines += 1
        guard let object = JSONValue.parse(line), let schema = object["schema"]?.stringValue else {
            unreadableLines += 1
            return
        }
        if schema.hasPrefix("newsevents.event/") {
            add(event: object, article: object["article"])
        } else if schema.hasPrefix("newsevents.article/") {
            if let id = object["id"]?.stringValue { articleHashes.insert(Self.fnv1a(id)) }
            for event in object["events"]?.arrayValue ?? [] { add(event: event, article: object) }
        } else if schema.hasPrefix("newsevents.error/") {
            failures[object["reason"]?.stringValue ?? "unknown", default: 0] += 1
        } else if schema.hasPrefix("newsevents.status/") {
            statuses[object["status"]?.stringValue ?? "unknown", default: 0] += 1
        } else if schema.hasPrefix("newsevents.retraction/") {
            retractions += 1
        } else {
            unreadableLines += 1
        }
    }

    /// Reads JSON Lines from a file handle to its end, one line at a time, in memory of one chunk and the
    /// longest line.
    package mutating func read(_ handle: FileHandle) {
        var buffer: [UInt8] = []
        while true {
            let chunk = handle.readData(ofLength: 1 << 20)
            if chunk.isEmpty { break }
            buffer.append(contentsOf: chunk)
            var start = 0
            while let newline = buffer[start...].firstIndex(of: 0x0A) {
                if newline > start { add(line: buffer[start..<newline]) }
                start = newline + 1
            }
            buffer.removeFirst(start)
        }
        if !buffer.isEmpty { add(line: buffer) }
    }

    private static func string(_ value: JSONValue?) -> String? {
        guard let text = value?.stringValue, !text.isEmpty else { return nil }
        return text
    }

    private static func isDay(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count == 10, scalars[4] == "-", scalars[7] == "-" else { return false }
        return scalars.enumerated().allSatisfy { $0.offset == 4 || $0.offset == 7 || ("0"..."9").contains($0.element) }
    }

    /// One event; `article` is the event record's `article` member or the article record holding it.
    private mutating func add(event: JSONValue, article: JSONValue?) {
        events += 1
        if let id = article?["id"]?.stringValue { articleHashes.insert(Self.fnv1a(id)) }
        let type = Self.string(event["type"]) ?? "UNKNOWN"
        let quad = event["quad_class"]?.intValue ?? 0
        if quadClassOfType[type] == nil { quadClassOfType[type] = quad }
        // The day: the event's own date when it names a day, else the article's publication day.
        let date = event["date"]
        let published = Self.string(article?["published"]).map { String($0.prefix(10)) }
        let day = [Self.string(date?["value"]), published].compactMap { $0 }.first(where: Self.isDay)
        if let day { perDay[day, default: [:]][type, default: 0] += 1 } else { undatedEvents += 1 }
        let evidence = Self.string(event["evidence"]?["sentence"]).map {
            Evidence(
                sentence: $0, title: Self.string(article?["title"]), url: Self.string(article?["url"]), day: day)
        }
        let actor = event["actor"]
        let target = event["target"]
        typealias Participant = (id: String, text: String?, kind: String, country: String?)
        func key(_ participant: JSONValue?) -> Participant? {
            guard let participant, let id = Self.string(participant["id"]) else { return nil }
            return (
                id, Self.string(participant["text"]), Self.string(participant["kind"]) ?? "",
                Self.string(participant["country"])
            )
        }
        let actorKey = key(actor)
        let targetKey = key(target)
        if let actorKey { actors[actorKey.id, default: Tally(id: actorKey.id)].add(evidence, text: actorKey.text) }
        if let targetKey { targets[targetKey.id, default: Tally(id: targetKey.id)].add(evidence, text: targetKey.text) }
        if let actorKey, let targetKey {
            let pair = actorKey.id + " → " + targetKey.id
            dyads[pair, default: Tally(id: pair)].add(evidence)
        }
        for participant in [actorKey, targetKey].compactMap({ $0 }) {
            if participant.kind == "official" {
                officials[participant.id, default: Tally(id: participant.id)].add(evidence, text: participant.text)
            } else if participant.kind == "group" {
                groups[participant.id, default: Tally(id: participant.id)].add(evidence, text: participant.text)
            }
        }
        // The network: countries and groups; an official counts for the country it serves.
        func node(_ participant: Participant?) -> String? {
            guard let participant else { return nil }
            return participant.kind == "official" ? participant.country : participant.id
        }
        let from = node(actorKey)
        let to = node(targetKey)
        for name in Set([from, to].compactMap { $0 }) { nodeWeights[name, default: 0] += 1 }
        if let from, let to, from != to {
            var counts = edges[from + "\u{1}" + to] ?? [0, 0, 0, 0, 0]
            counts[min(max(quad, 0), 4)] += 1
            edges[from + "\u{1}" + to] = counts
        }
    }
}

extension EventReport {
    /// Why a report could not be made.
    package struct Failure: Error, CustomStringConvertible {
        package var description: String
    }

    /// The report of JSON Lines files (`-` is standard input), in the order given.
    package static func read(paths: [String]) throws(Failure) -> EventReport {
        var report = EventReport()
        for path in paths {
            if path == "-" {
                report.read(FileHandle.standardInput)
                continue
            }
            guard let handle = FileHandle(forReadingAtPath: path) else {
                throw Failure(description: "cannot read '\(path)'")
            }
            report.read(handle)
            try? handle.close()
        }
        return report
    }

    /// Writes `html` to `path` whole or not at all: a temporary file beside it, then a rename.
    package static func write(_ html: String, to path: String) throws(Failure) {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        let temporary = path + ".tmp-\(getpid())"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(html.utf8)) else {
            throw Failure(description: "cannot write '\(path)'")
        }
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            throw Failure(description: "cannot write '\(path)'")
        }
    }
}
