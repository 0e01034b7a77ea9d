/// A problem with pipeline.conf, located by file and line where possible.
public struct ConfigError: Error, Equatable, CustomStringConvertible {
    /// The config file's path as given.
    public var file: String
    /// 1-based line, when known.
    public var line: Int?
    /// The dotted key ("fetch.timeout"), when the problem is about one.
    public var key: String?
    public var message: String

    public init(file: String, line: Int?, key: String?, message: String) {
        self.file = file
        self.line = line
        self.key = key
        self.message = message
    }

    /// One line: `pipeline.conf:12: unknown key 'fetch.timout'; did you mean 'fetch.timeout'?`
    public var description: String {
        let location = line.map { "\(file):\($0)" } ?? file
        return "\(location): \(message)"
    }
}
