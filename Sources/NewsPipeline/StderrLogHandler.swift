import Logging
import NewsSink

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How log lines look.
package enum LogFormat: String, Sendable, CaseIterable {
    /// `newsevents: warning: message (key=value ...)`
    case text
    /// One JSON object per line: `{"time": ..., "level": ..., "message": ..., fields...}` (``StderrLogHandler/jsonLine(level:message:fields:)``).
    case json
}

/// A swift-log handler that writes one line per message to standard error, so that standard output carries
/// nothing but records. Each line goes out in a single `write`, so lines from several threads never mix.
package struct StderrLogHandler: LogHandler {
    package var logLevel: Logger.Level
    package var metadata: Logger.Metadata = [:]
    package let format: LogFormat

    package init(level: Logger.Level, format: LogFormat) {
        self.logLevel = level
        self.format = format
    }

    package subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    package func log(event: LogEvent) {
        var merged = metadata
        if let extra = event.metadata { merged.merge(extra) { $1 } }
        let line: String
        switch format {
        case .text:
            var text = "newsevents: \(event.level): \(event.message)"
            if !merged.isEmpty {
                text +=
                    " (" + merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
                    + ")"
            }
            line = text + "\n"
        case .json:
            line = Self.jsonLine(
                level: event.level, message: event.message.description,
                fields: merged.sorted(by: { $0.key < $1.key }).map { ($0.key, .string($0.value.description)) })
        }
        Self.writeStderr(line)
    }

    /// A JSON log line: the time (UTC, ISO 8601 with milliseconds), the level, the message, then `fields` with
    /// their JSON types (a failed article's stage, reason, input and record; a run's summary with numbers).
    package static func jsonLine(level: Logger.Level, message: String, fields: [(String, JSONValue)]) -> String {
        let members: [(String, JSONValue)] =
            [("time", .string(timestamp())), ("level", .string(level.rawValue)), ("message", .string(message))]
            + fields
        return JSONValue.object(members).serialized() + "\n"
    }

    /// Now, UTC, `2026-12-06T07:58:29.123Z`.
    static func timestamp() -> String {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var seconds = time_t(now.tv_sec)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        let millis = Int(now.tv_nsec) / 1_000_000
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let ms = millis < 10 ? "00\(millis)" : millis < 100 ? "0\(millis)" : "\(millis)"
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):"
            + "\(two(parts.tm_min)):\(two(parts.tm_sec)).\(ms)Z"
    }

    /// Writes a complete line to standard error in one call.
    package static func writeStderr(_ line: String) {
        FileDescriptorWriter.writeAll(STDERR_FILENO, line)
    }
}
