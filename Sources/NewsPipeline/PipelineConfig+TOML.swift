import Foundation
import TOMLKit

extension PipelineConfig {
    /// The keys pipeline.conf accepts, by section, with their expected kind.
    enum Kind {
        case string
        case strings
        case positiveInt
        case nonNegativeInt
        case seconds
        case bool
        case choice([String])

        var expectation: String {
            switch self {
            case .string: return "a string"
            case .strings: return "an array of strings"
            case .positiveInt: return "a positive integer"
            case .nonNegativeInt: return "an integer, 0 or more"
            case .seconds: return "a number of seconds, 0 or more"
            case .bool: return "true or false"
            case .choice(let values): return "one of " + values.map { "\"\($0)\"" }.joined(separator: ", ")
            }
        }
    }

    static let schema: [(section: String, keys: [(String, Kind)])] = [
        (
            "sources",
            [
                ("files", .strings), ("directories", .strings), ("list_files", .strings), ("urls", .strings),
                ("url_files", .strings), ("feeds", .strings), ("sitemaps", .strings), ("warc_files", .strings),
            ]
        ),
        (
            "fetch",
            [
                ("max_bytes", .positiveInt), ("user_agent", .string), ("connect_timeout", .seconds),
                ("read_timeout", .seconds), ("total_timeout", .seconds), ("max_redirects", .nonNegativeInt),
                ("retries", .nonNegativeInt), ("max_retry_after", .seconds), ("concurrency", .positiveInt),
                ("per_host_concurrency", .positiveInt), ("min_delay", .seconds), ("respect_robots", .bool),
                ("allow_private_addresses", .bool),
            ]
        ),
        (
            "clean",
            [
                ("max_nodes", .positiveInt), ("max_depth", .positiveInt), ("max_seconds", .positiveInt),
                ("max_text_chars", .positiveInt),
            ]
        ),
        ("extract", [("emit", .choice(["events", "articles"]))]),
        ("sink", [("path", .string), ("fsync", .bool)]),
        ("scheduler", [("workers", .positiveInt), ("max_in_flight", .positiveInt)]),
        ("state", [("dir", .string)]),
    ]

    /// Every dotted key, for suggestions.
    static var allKeys: [String] {
        schema.flatMap { section in section.keys.map { "\(section.section).\($0.0)" } }
    }

    /// Loads and validates a config file. Relative paths resolve against the file's folder.
    public static func load(path: String) throws(ConfigError) -> PipelineConfig {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError(file: path, line: nil, key: nil, message: "cannot read the config file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(file: path, line: nil, key: nil, message: "the config file is not valid UTF-8")
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        return try parse(text, file: path, baseFolder: folder)
    }

    /// Parses config text. `file` names it in errors; `baseFolder` anchors relative paths.
    public static func parse(_ text: String, file: String, baseFolder: String) throws(ConfigError) -> PipelineConfig {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigError(
                file: file, line: error.source.begin.line, key: nil, message: "not valid TOML: \(error.description)")
        } catch {
            throw ConfigError(file: file, line: nil, key: nil, message: "not valid TOML: \(error)")
        }
        let locator = KeyLocator(text: text)
        var config = PipelineConfig()
        config.file = file

        for name in table.keys {
            guard let section = schema.first(where: { $0.section == name }) else {
                throw ConfigError(
                    file: file, line: locator.line(section: name, key: nil), key: name,
                    message: "unknown section '[\(name)]'"
                        + suggestion(for: name, among: schema.map(\.section), prefix: "["))
            }
            guard let values = table[name]?.table else {
                throw ConfigError(
                    file: file, line: locator.line(section: nil, key: name), key: name,
                    message: "'\(name)' must be a table ([\(name)])")
            }
            for key in values.keys {
                let dotted = "\(name).\(key)"
                let line = locator.line(section: name, key: key)
                guard let kind = section.keys.first(where: { $0.0 == key })?.1 else {
                    throw ConfigError(
                        file: file, line: line, key: dotted,
                        message: "unknown key '\(dotted)'" + suggestion(for: dotted, among: allKeys, prefix: ""))
                }
                let value = values[key]!
                func bad() -> ConfigError {
                    ConfigError(
                        file: file, line: line, key: dotted,
                        message: "'\(dotted)' must be \(kind.expectation), not \(describe(value))")
                }
                switch kind {
                case .string:
                    guard let string = value.string, !string.isEmpty else { throw bad() }
                    try config.assign(dotted, string: string, base: baseFolder)
                case .strings:
                    guard let array = value.array else { throw bad() }
                    var strings: [String] = []
                    for element in array {
                        guard let string = element.string, !string.isEmpty else { throw bad() }
                        strings.append(string)
                    }
                    config.assign(dotted, strings: strings, base: baseFolder)
                case .positiveInt:
                    guard value.type == .int, let number = value.int, number > 0 else { throw bad() }
                    config.assign(dotted, int: number)
                case .nonNegativeInt:
                    guard value.type == .int, let number = value.int, number >= 0 else { throw bad() }
                    config.assign(dotted, int: number)
                case .seconds:
                    let number = value.type == .int ? value.int.map(Double.init) : value.double
                    guard let number, number >= 0, number.isFinite else { throw bad() }
                    config.assign(dotted, seconds: number)
                case .bool:
                    guard value.type == .bool, let flag = value.bool else { throw bad() }
                    config.assign(dotted, bool: flag)
                case .choice(let choices):
                    guard let string = value.string, choices.contains(string) else { throw bad() }
                    try config.assign(dotted, string: string, base: baseFolder)
                }
            }
        }
        // Defaults are relative to the config file too, never to the directory cron happens to start in.
        if config.sink.path != "-" { config.sink.path = resolve(config.sink.path, base: baseFolder) }
        config.state.dir = resolve(config.state.dir, base: baseFolder)
        let unsupported = config.sources.sitemaps + config.sources.warcFiles
        if !unsupported.isEmpty {
            let key = ["sitemaps", "warc_files"].first { key in !(config.sourceList(key)).isEmpty } ?? "sitemaps"
            throw ConfigError(
                file: file, line: locator.line(section: "sources", key: key), key: "sources.\(key)",
                message:
                    "'sources.\(key)' is not supported by this version of newsevents (files, directories, list files, urls, url files and feeds are)"
            )
        }
        return config
    }

    private func sourceList(_ key: String) -> [String] {
        switch key {
        case "urls": return sources.urls
        case "url_files": return sources.urlFiles
        case "feeds": return sources.feeds
        case "sitemaps": return sources.sitemaps
        default: return sources.warcFiles
        }
    }

    private mutating func assign(_ key: String, string: String, base: String) throws(ConfigError) {
        switch key {
        case "sink.path": sink.path = string == "-" ? "-" : Self.resolve(string, base: base)
        case "state.dir": state.dir = Self.resolve(string, base: base)
        case "extract.emit": extract.emit = string
        case "fetch.user_agent": fetch.userAgent = string
        default: break
        }
    }

    private mutating func assign(_ key: String, bool: Bool) {
        switch key {
        case "sink.fsync": sink.fsync = bool
        case "fetch.respect_robots": fetch.respectRobots = bool
        case "fetch.allow_private_addresses": fetch.allowPrivateAddresses = bool
        default: break
        }
    }

    private mutating func assign(_ key: String, strings: [String], base: String) {
        let paths = strings.map { Self.resolve($0, base: base) }
        switch key {
        case "sources.files": sources.files = paths
        case "sources.directories": sources.directories = paths
        case "sources.list_files": sources.listFiles = paths
        case "sources.urls": sources.urls = strings
        case "sources.url_files": sources.urlFiles = paths
        case "sources.feeds": sources.feeds = strings
        case "sources.sitemaps": sources.sitemaps = strings
        case "sources.warc_files": sources.warcFiles = paths
        default: break
        }
    }

    private mutating func assign(_ key: String, int: Int) {
        switch key {
        case "fetch.max_bytes": fetch.maxBytes = int
        case "fetch.max_redirects": fetch.maxRedirects = int
        case "fetch.retries": fetch.retries = int
        case "fetch.concurrency": fetch.concurrency = int
        case "fetch.per_host_concurrency": fetch.perHostConcurrency = int
        case "clean.max_nodes": clean.maxNodes = int
        case "clean.max_depth": clean.maxDepth = int
        case "clean.max_seconds": clean.maxSeconds = int
        case "clean.max_text_chars": clean.maxTextChars = int
        case "scheduler.workers": scheduler.workers = int
        case "scheduler.max_in_flight": scheduler.maxInFlight = int
        default: break
        }
    }

    private mutating func assign(_ key: String, seconds: Double) {
        switch key {
        case "fetch.connect_timeout": fetch.connectTimeout = seconds
        case "fetch.read_timeout": fetch.readTimeout = seconds
        case "fetch.total_timeout": fetch.totalTimeout = seconds
        case "fetch.max_retry_after": fetch.maxRetryAfter = seconds
        case "fetch.min_delay": fetch.minDelay = seconds
        default: break
        }
    }

    /// Resolves `path` against `base` unless it is absolute.
    static func resolve(_ path: String, base: String) -> String {
        if path.hasPrefix("/") { return path }
        let joined = base.isEmpty ? path : (base as NSString).appendingPathComponent(path)
        return (joined as NSString).standardizingPath
    }

    private static func describe(_ value: any TOMLValueConvertible) -> String {
        switch value.type {
        case .string: return "the string \"\(value.string ?? "")\""
        case .int: return "the integer \(value.int ?? 0)"
        case .bool: return "\(value.bool ?? false)"
        case .array: return "an array"
        case .table: return "a table"
        case .double: return "a floating-point number"
        default: return "a \(value.type)"
        }
    }

    /// "; did you mean 'x'?" when a known name is within a small edit distance.
    static func suggestion(for name: String, among candidates: [String], prefix: String) -> String {
        var best: (String, Int)?
        for candidate in candidates {
            let distance = editDistance(name, candidate)
            if distance <= max(2, name.count / 3), best == nil || distance < best!.1 { best = (candidate, distance) }
        }
        guard let best else { return "" }
        return prefix == "[" ? "; did you mean '[\(best.0)]'?" : "; did you mean '\(best.0)'?"
    }

    static func editDistance(_ lhs: String, _ rhs: String) -> Int {
        let a = Array(lhs)
        let b = Array(rhs)
        var previous = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var current = [i] + [Int](repeating: 0, count: b.count)
            for j in 1...max(1, b.count) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return a.isEmpty ? b.count : previous[b.count]
    }
}

/// Finds the line of a section header or key in TOML text, for error messages. A line scan that knows
/// `[section]` headers and `key =` lines; good enough for the flat files pipeline.conf is.
struct KeyLocator {
    let lines: [Substring]

    init(text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    func line(section: String?, key: String?) -> Int? {
        var current: String?
        for (number, raw) in lines.enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("[") {
                current =
                    line.trimmingCharacters(in: CharacterSet(charactersIn: "[] ")).components(separatedBy: "]").first
                if key == nil, current == section { return number + 1 }
                continue
            }
            guard let key, current == section else { continue }
            let name = line.split(separator: "=", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces) }
            if name == key || name == "\"\(key)\"" { return number + 1 }
        }
        return nil
    }
}
