import Foundation
import NewsDatabase
import NewsFetch
import TOMLKit

extension PipelineConfig {
    /// What one key of pipeline.conf holds, and the field it sets.
    enum Field {
        /// A non-empty string, as written.
        case string(WritableKeyPath<PipelineConfig, String>)
        /// A path, resolved against the config file's folder; `-` (standard output) is kept where `dashIsOutput`.
        case path(WritableKeyPath<PipelineConfig, String>, dashIsOutput: Bool)
        /// An array of non-empty strings, as written (addresses).
        case strings(WritableKeyPath<PipelineConfig, [String]>)
        /// An array of paths, each resolved against the config file's folder.
        case paths(WritableKeyPath<PipelineConfig, [String]>)
        case positiveInt(WritableKeyPath<PipelineConfig, Int>)
        case nonNegativeInt(WritableKeyPath<PipelineConfig, Int>)
        case seconds(WritableKeyPath<PipelineConfig, Double>)
        case bool(WritableKeyPath<PipelineConfig, Bool>)
        /// true or false, or an array of non-empty strings (then the flag stays false and the list is set).
        case boolOrStrings(WritableKeyPath<PipelineConfig, Bool>, WritableKeyPath<PipelineConfig, [String]>)
        case choice([String], WritableKeyPath<PipelineConfig, String>)

        var expectation: String {
            switch self {
            case .string, .path: return "a string"
            case .strings, .paths: return "an array of strings"
            case .positiveInt: return "a positive integer"
            case .nonNegativeInt: return "an integer, 0 or more"
            case .seconds: return "a number of seconds, 0 or more"
            case .bool: return "true or false"
            case .boolOrStrings: return "true, false, or an array of host names, addresses and networks"
            case .choice(let values, _): return "one of " + values.map { "\"\($0)\"" }.joined(separator: ", ")
            }
        }

        /// Sets the field from `value`; false (and nothing set) when the value is not of the key's kind.
        func assign(_ value: any TOMLValueConvertible, to config: inout PipelineConfig, base: String) -> Bool {
            func strings() -> [String]? {
                guard let array = value.array else { return nil }
                let strings = array.compactMap { $0.string }.filter { !$0.isEmpty }
                return strings.count == array.count ? strings : nil
            }
            switch self {
            case .string(let field):
                guard let string = value.string, !string.isEmpty else { return false }
                config[keyPath: field] = string
            case .path(let field, let dashIsOutput):
                guard let string = value.string, !string.isEmpty else { return false }
                config[keyPath: field] =
                    dashIsOutput && string == "-" ? "-" : PipelineConfig.resolve(string, base: base)
            case .strings(let field):
                guard let strings = strings() else { return false }
                config[keyPath: field] = strings
            case .paths(let field):
                guard let strings = strings() else { return false }
                config[keyPath: field] = strings.map { PipelineConfig.resolve($0, base: base) }
            case .positiveInt(let field):
                guard value.type == .int, let number = value.int, number > 0 else { return false }
                config[keyPath: field] = number
            case .nonNegativeInt(let field):
                guard value.type == .int, let number = value.int, number >= 0 else { return false }
                config[keyPath: field] = number
            case .seconds(let field):
                let number = value.type == .int ? value.int.map(Double.init) : value.double
                guard let number, number >= 0, number.isFinite else { return false }
                config[keyPath: field] = number
            case .bool(let field):
                guard value.type == .bool, let flag = value.bool else { return false }
                config[keyPath: field] = flag
            case .boolOrStrings(let flag, let list):
                if value.type == .bool, let given = value.bool {
                    config[keyPath: flag] = given
                } else {
                    guard let strings = strings(), strings.allSatisfy(AddressPolicy.isValidEntry) else { return false }
                    config[keyPath: list] = strings
                }
            case .choice(let choices, let field):
                guard let string = value.string, choices.contains(string) else { return false }
                config[keyPath: field] = string
            }
            return true
        }
    }

    /// The keys pipeline.conf accepts, by section: the one table that names, checks and sets every key.
    nonisolated(unsafe) static let schema: [(section: String, keys: [(String, Field)])] = [
        (
            "sources",
            [
                ("files", .paths(\.sources.files)), ("directories", .paths(\.sources.directories)),
                ("list_files", .paths(\.sources.listFiles)), ("urls", .strings(\.sources.urls)),
                ("url_files", .paths(\.sources.urlFiles)), ("feeds", .strings(\.sources.feeds)),
                ("sitemaps", .strings(\.sources.sitemaps)), ("warc_files", .paths(\.sources.warcFiles)),
            ]
        ),
        (
            "fetch",
            [
                ("max_bytes", .positiveInt(\.fetch.maxBytes)), ("user_agent", .string(\.fetch.userAgent)),
                ("connect_timeout", .seconds(\.fetch.connectTimeout)), ("read_timeout", .seconds(\.fetch.readTimeout)),
                ("total_timeout", .seconds(\.fetch.totalTimeout)),
                ("max_redirects", .nonNegativeInt(\.fetch.maxRedirects)), ("retries", .nonNegativeInt(\.fetch.retries)),
                ("max_retry_after", .seconds(\.fetch.maxRetryAfter)),
                ("concurrency", .positiveInt(\.fetch.concurrency)),
                ("per_host_concurrency", .positiveInt(\.fetch.perHostConcurrency)),
                ("min_delay", .seconds(\.fetch.minDelay)), ("respect_robots", .bool(\.fetch.respectRobots)),
                (
                    "allow_private_addresses",
                    .boolOrStrings(\.fetch.allowPrivateAddresses, \.fetch.allowedPrivateNetworks)
                ),
            ]
        ),
        (
            "clean",
            [
                ("max_nodes", .positiveInt(\.clean.maxNodes)), ("max_depth", .positiveInt(\.clean.maxDepth)),
                ("max_seconds", .positiveInt(\.clean.maxSeconds)),
                ("max_text_chars", .positiveInt(\.clean.maxTextChars)),
            ]
        ),
        ("extract", [("emit", .choice(["events", "articles"], \.extract.emit))]),
        (
            "sink",
            [
                ("path", .path(\.sink.path, dashIsOutput: true)), ("fsync", .bool(\.sink.fsync)),
                ("postgres", .string(\.sink.postgres)),
                ("password_file", .path(\.sink.passwordFile, dashIsOutput: false)),
                ("postgres_retry_seconds", .seconds(\.sink.postgresRetrySeconds)),
            ]
        ),
        ("report", [("path", .path(\.report.path, dashIsOutput: false))]),
        (
            "scheduler",
            [("workers", .positiveInt(\.scheduler.workers)), ("max_in_flight", .positiveInt(\.scheduler.maxInFlight))]
        ),
        ("state", [("dir", .path(\.state.dir, dashIsOutput: false))]),
    ]

    /// Every dotted key, for suggestions.
    static var allKeys: [String] {
        schema.flatMap { section in section.keys.map { "\(section.section).\($0.0)" } }
    }

    /// Loads and validates a config file. Relative paths resolve against the file's folder.
    package static func load(path: String) throws(ConfigError) -> PipelineConfig {
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
    package static func parse(_ text: String, file: String, baseFolder: String) throws(ConfigError) -> PipelineConfig {
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
                guard let field = section.keys.first(where: { $0.0 == key })?.1 else {
                    throw ConfigError(
                        file: file, line: line, key: dotted,
                        message: "unknown key '\(dotted)'" + suggestion(for: dotted, among: allKeys, prefix: ""))
                }
                let value = values[key]!
                guard field.assign(value, to: &config, base: baseFolder) else {
                    throw ConfigError(
                        file: file, line: line, key: dotted,
                        message: "'\(dotted)' must be \(field.expectation), not \(describe(value))")
                }
            }
        }
        // Defaults are relative to the config file too, never to the directory cron happens to start in.
        if config.sink.path != "-" { config.sink.path = resolve(config.sink.path, base: baseFolder) }
        config.state.dir = resolve(config.state.dir, base: baseFolder)
        if !config.sink.postgres.isEmpty {
            do {
                _ = try DatabaseTarget.parse(config.sink.postgres)
            } catch {
                throw ConfigError(
                    file: file, line: locator.line(section: "sink", key: "postgres"), key: "sink.postgres",
                    message: error.description)
            }
        }
        return config
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
