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
    /// One JSON object per line: `{"level": ..., "message": ..., metadata...}`.
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
            var members: [(String, JSONValue)] = [
                ("level", .string(event.level.rawValue)), ("message", .string(event.message.description)),
            ]
            for (key, value) in merged.sorted(by: { $0.key < $1.key }) {
                members.append((key, .string(value.description)))
            }
            line = JSONValue.object(members).serialized() + "\n"
        }
        Self.writeStderr(line)
    }

    /// Writes a complete line to standard error in one call.
    package static func writeStderr(_ line: String) {
        FileDescriptorWriter.writeAll(STDERR_FILENO, line)
    }
}
