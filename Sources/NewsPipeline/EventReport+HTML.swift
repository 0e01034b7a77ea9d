import Foundation

/// The report as one self-contained HTML page: inline CSS and SVG, no script, no external resource.
extension EventReport {
    /// The quad class colours of CAMEO/GDELT displays: verbal and material cooperation in greens, verbal and
    /// material conflict in orange and red.
    static let quadColours = ["#9e9e9e", "#7fc97f", "#1b7837", "#f4a442", "#c62828"]
    static let quadNames = [
        "unknown", "verbal cooperation", "material cooperation", "verbal conflict", "material conflict",
    ]

    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    /// The rows of a tally, most counted first, ties by key.
    static func ranked(_ tallies: [String: Tally], top: Int) -> [(key: String, tally: Tally)] {
        tallies.map { (key: $0.key, tally: $0.value) }
            .sorted { ($0.tally.count, $1.key) > ($1.tally.count, $0.key) }
            .prefix(top).map { $0 }
    }

    /// The timeline's bins: days over at most 90 days, ISO weeks (labelled by their Monday) up to two years,
    /// else months; every bin between the first and the last, so that gaps show.
    package func timelineBins() -> [(label: String, counts: [String: Int])] {
        let days = perDay.keys.sorted()
        guard let first = days.first, let last = days.last else { return [] }
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let formatter = DateFormatter()
        formatter.calendar = calendar
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = calendar.timeZone
        formatter.dateFormat = "yyyy-MM-dd"
        guard let start = formatter.date(from: first), let end = formatter.date(from: last) else { return [] }
        let span = calendar.dateComponents([.day], from: start, to: end).day ?? 0
        let unit: Calendar.Component = span <= 90 ? .day : span <= 730 ? .weekOfYear : .month
        func binStart(_ date: Date) -> Date {
            switch unit {
            case .day: return date
            case .weekOfYear: return calendar.dateInterval(of: .weekOfYear, for: date)?.start ?? date
            default: return calendar.dateInterval(of: .month, for: date)?.start ?? date
            }
        }
        var bins: [(label: String, counts: [String: Int])] = []
        var index: [String: Int] = [:]
        var cursor = binStart(start)
        while cursor <= end {
            let label =
                unit == .month ? String(formatter.string(from: cursor).prefix(7)) : formatter.string(from: cursor)
            index[label] = bins.count
            bins.append((label, [:]))
            guard let next = calendar.date(byAdding: unit, value: 1, to: cursor) else { break }
            cursor = next
        }
        for (day, counts) in perDay {
            guard let date = formatter.date(from: day) else { continue }
            let bin = binStart(date)
            let label = unit == .month ? String(formatter.string(from: bin).prefix(7)) : formatter.string(from: bin)
            guard let position = index[label] else { continue }
            for (type, count) in counts { bins[position].counts[type, default: 0] += count }
        }
        return bins
    }

    /// The types in stacking order: by quad class, then name.
    var typeOrder: [String] {
        quadClassOfType.keys.sorted { (quadClassOfType[$0]!, $0) < (quadClassOfType[$1]!, $1) }
    }

    /// A colour per type: its quad class's colour, lighter for each further type of the same class (in
    /// ``typeOrder``). Computed once per page.
    var typeColours: [String: String] {
        var colours: [String: String] = [:]
        var rankInClass: [Int: Int] = [:]
        for type in typeOrder {
            let quad = min(max(quadClassOfType[type] ?? 0, 0), 4)
            let rank = rankInClass[quad, default: 0]
            rankInClass[quad] = rank + 1
            let opacity = max(0.45, 1.0 - Double(rank) * 0.12)
            colours[type] = Self.quadColours[quad] + String(format: "%02x", Int(opacity * 255))
        }
        return colours
    }

    func timelineSVG() -> String {
        let bins = timelineBins()
        let width = 960.0
        let height = 260.0
        let left = 40.0
        let bottom = 40.0
        var svg =
            "<svg id=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"Events per period by type\">"
        guard !bins.isEmpty else { return svg + "<text x=\"20\" y=\"30\">No dated events.</text></svg>" }
        let totals = bins.map { $0.counts.values.reduce(0, +) }
        let peak = max(1, totals.max() ?? 1)
        let slot = (width - left - 10) / Double(bins.count)
        let plot = height - bottom - 10
        svg +=
            "<line x1=\"\(left)\" y1=\"\(height - bottom)\" x2=\"\(width - 10)\" y2=\"\(height - bottom)\" stroke=\"#444\"/>"
        svg +=
            "<text x=\"\(left - 4)\" y=\"\(Int(height - bottom - plot + 4))\" text-anchor=\"end\" class=\"axis\">\(peak)</text>"
        svg += "<text x=\"\(left - 4)\" y=\"\(Int(height - bottom))\" text-anchor=\"end\" class=\"axis\">0</text>"
        let labelEvery = max(1, Int((Double(bins.count) / 12).rounded(.up)))
        let types = typeOrder
        let colours = typeColours
        for (position, bin) in bins.enumerated() {
            var y = height - bottom
            let x = left + Double(position) * slot
            for type in types {
                guard let count = bin.counts[type], count > 0 else { continue }
                let barHeight = plot * Double(count) / Double(peak)
                y -= barHeight
                svg += String(
                    format:
                        "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%@\"><title>%@ %@: %d</title></rect>",
                    x + slot * 0.1, y, max(1, slot * 0.8), barHeight, colours[type]!, Self.escape(bin.label),
                    Self.escape(type), count)
            }
            if position % labelEvery == 0 {
                svg += String(
                    format: "<text x=\"%.1f\" y=\"%.1f\" class=\"axis\" text-anchor=\"middle\">%@</text>", x + slot / 2,
                    height - bottom + 16, Self.escape(bin.label))
            }
        }
        return svg + "</svg>"
    }

    /// The network of the most active countries and groups. Layout, documented and deterministic: the top
    /// nodes by events, heaviest first (ties by id), evenly on a circle clockwise from the top; each edge of
    /// the top pairs a curve bent to its right (so that A → B and B → A stay apart), as wide as the log of its
    /// count and coloured by its most frequent quad class; node areas grow with their events.
    func networkSVG(nodes topNodes: Int = 24, edges topEdges: Int = 60) -> String {
        let size = 640.0
        let centre = size / 2
        let radius = size / 2 - 70
        let nodes = nodeWeights.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(topNodes).map(\.key)
        var svg =
            "<svg id=\"network\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(size)) \(Int(size))\" role=\"img\" aria-label=\"Actor to target network\">"
        svg +=
            "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"6\" markerHeight=\"6\" orient=\"auto-start-reverse\"><path d=\"M0,0L10,5L0,10z\" fill=\"#555\"/></marker></defs>"
        guard !nodes.isEmpty else { return svg + "<text x=\"20\" y=\"30\">No actor or target.</text></svg>" }
        var position: [String: (x: Double, y: Double)] = [:]
        for (index, node) in nodes.enumerated() {
            let angle = -Double.pi / 2 + 2 * Double.pi * Double(index) / Double(nodes.count)
            position[node] = (centre + radius * cos(angle), centre + radius * sin(angle))
        }
        let shown = edges.compactMap { key, counts -> (from: String, to: String, counts: [Int], total: Int)? in
            let parts = key.split(separator: "\u{1}", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2, position[parts[0]] != nil, position[parts[1]] != nil else { return nil }
            return (parts[0], parts[1], counts, counts.reduce(0, +))
        }.sorted { ($0.total, $1.from, $1.to) > ($1.total, $0.from, $0.to) }.prefix(topEdges)
        for edge in shown {
            let a = position[edge.from]!
            let b = position[edge.to]!
            let quad = (0..<5).max { (edge.counts[$0], -$0) < (edge.counts[$1], -$1) } ?? 0
            // Bend to the right of the direction of travel, by a sixth of the distance.
            let control = ((a.x + b.x) / 2 + (b.y - a.y) / 6, (a.y + b.y) / 2 - (b.x - a.x) / 6)
            svg += String(
                format:
                    "<path d=\"M%.1f,%.1f Q%.1f,%.1f %.1f,%.1f\" fill=\"none\" stroke=\"%@\" stroke-width=\"%.1f\" stroke-opacity=\"0.8\" marker-end=\"url(#arrow)\"><title>%@ → %@: %d (%@)</title></path>",
                a.x, a.y, control.0, control.1, b.x, b.y, Self.quadColours[quad], 1 + log2(Double(edge.total)),
                Self.escape(edge.from), Self.escape(edge.to), edge.total, Self.quadNames[quad])
        }
        let heaviest = Double(nodeWeights[nodes[0]] ?? 1)
        for node in nodes {
            let point = position[node]!
            let weight = Double(nodeWeights[node] ?? 1)
            let r = 5 + 15 * (weight / heaviest).squareRoot()
            let outward = (point.x - centre, point.y - centre)
            let length = max(1, (outward.0 * outward.0 + outward.1 * outward.1).squareRoot())
            let label = (point.x + outward.0 / length * (r + 6), point.y + outward.1 / length * (r + 6))
            let anchor = abs(outward.0) < 20 ? "middle" : outward.0 > 0 ? "start" : "end"
            svg += String(
                format:
                    "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"#37474f\"><title>%@: %d events</title></circle>",
                point.x, point.y, r, Self.escape((actors[node] ?? targets[node])?.label ?? node), Int(weight))
            svg += String(
                format:
                    "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%@\" dominant-baseline=\"middle\" class=\"node\">%@</text>",
                label.0, label.1, anchor, Self.escape(node))
        }
        return svg + "</svg>"
    }

    /// The whole page. `top`: rows per table.
    package func html(top: Int = 15) -> String {
        var page = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>newsevents report</title>
            <style>
            body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:1000px;color:#212121;padding:0 1rem}
            h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ddd}
            table{border-collapse:collapse;margin:.5rem 0}td,th{padding:.2rem .6rem;text-align:left;border-bottom:1px solid #eee}
            td.n,th.n{text-align:right}svg{width:100%;height:auto;background:#fafafa;border:1px solid #eee}
            .axis{font-size:10px;fill:#555}.node{font-size:11px;fill:#263238}.legend span{display:inline-block;margin-right:1rem}
            .swatch{display:inline-block;width:.8rem;height:.8rem;margin-right:.3rem;vertical-align:middle}
            .grid{display:grid;grid-template-columns:1fr 1fr;gap:1rem}blockquote{margin:.3rem 0 .3rem 1rem;color:#424242}
            .evidence{font-size:.9rem}
            </style></head><body>
            <h1>newsevents report</h1>

            """
        page += "<h2 id=\"numbers\">The run's numbers</h2><table>"
        let failureTotal = failures.values.reduce(0, +)
        var numbers: [(String, Int)] = [
            ("lines read", lines), ("articles", articles), ("events", events),
            ("events without a day", undatedEvents),
            ("retraction records", retractions), ("failed inputs", failureTotal),
        ]
        numbers += failures.sorted { $0.key < $1.key }.map { ("failed: \($0.key)", $0.value) }
        numbers += statuses.sorted { $0.key < $1.key }.map { ("inputs with no event: \($0.key)", $0.value) }
        if unreadableLines > 0 { numbers.append(("lines that are no newsevents record", unreadableLines)) }
        for (name, value) in numbers {
            page += "<tr><th>\(Self.escape(name))</th><td class=\"n\">\(value)</td></tr>"
        }
        page += "</table>\n"
        page += "<h2 id=\"timeline-title\">Events over time, by type</h2>\n" + timelineSVG() + "\n<p class=\"legend\">"
        let colours = typeColours
        for type in typeOrder {
            page +=
                "<span><i class=\"swatch\" style=\"background:\(colours[type]!)\"></i>\(Self.escape(type)) (\(Self.quadNames[min(max(quadClassOfType[type] ?? 0, 0), 4)]))</span>"
        }
        page += "</p>\n<h2 id=\"network-title\">Who acts on whom</h2>\n" + networkSVG() + "\n<p class=\"legend\">"
        for quad in 1...4 {
            page +=
                "<span><i class=\"swatch\" style=\"background:\(Self.quadColours[quad])\"></i>\(Self.quadNames[quad])</span>"
        }
        page += "</p>\n"
        var evidenceSections = ""
        let tables: [(id: String, title: String, rows: [String: Tally])] = [
            ("actors", "Top actors", actors), ("targets", "Top targets", targets), ("dyads", "Top pairs", dyads),
            ("officials", "Top officials", officials), ("groups", "Top groups", groups),
        ]
        page += "<div class=\"grid\">"
        for table in tables {
            page +=
                "<section><h2 id=\"\(table.id)\">\(table.title)</h2><table><tr><th>#</th><th>name</th><th class=\"n\">events</th><th>evidence</th></tr>"
            for (rank, row) in Self.ranked(table.rows, top: top).enumerated() {
                let anchor = "ev-\(table.id)-\(rank + 1)"
                page +=
                    "<tr><td class=\"n\">\(rank + 1)</td><td>\(Self.escape(row.tally.label))</td><td class=\"n\">\(row.tally.count)</td>"
                if row.tally.evidence.isEmpty {
                    page += "<td></td></tr>"
                    continue
                }
                page +=
                    "<td><a href=\"#\(anchor)\">\(row.tally.evidence.count == 1 ? "sentence" : "sentences")</a></td></tr>"
                evidenceSections +=
                    "<section id=\"\(anchor)\" class=\"evidence\"><h3>\(Self.escape(table.title)) #\(rank + 1): \(Self.escape(row.tally.label))</h3>"
                for item in row.tally.evidence {
                    evidenceSections += "<blockquote>“\(Self.escape(item.sentence))”</blockquote><p>"
                    let title = Self.escape(item.title ?? item.url ?? "untitled article")
                    if let url = item.url, url.hasPrefix("http://") || url.hasPrefix("https://") {
                        evidenceSections += "<a href=\"\(Self.escape(url))\">\(title)</a>"
                    } else {
                        evidenceSections += title
                    }
                    if let day = item.day { evidenceSections += ", \(Self.escape(day))" }
                    evidenceSections += "</p>"
                }
                evidenceSections += "<p><a href=\"#\(table.id)\">back to the table</a></p></section>\n"
            }
            page += "</table></section>\n"
        }
        page += "</div>\n<h2 id=\"evidence\">Evidence</h2>\n" + evidenceSections
        return page + "</body></html>\n"
    }
}
