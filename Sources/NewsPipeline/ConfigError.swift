/// A problem with pipeline.conf, located by file and line where possible.
package struct ConfigError: Error, Equatable, CustomStringConvertible {
    /// The config file's path as given.
    package var file: String
    /// 1-based line, when known.
    package var line: Int?
    /// The dotted key ("fetch.timeout"), when the problem is about one.
    package var key: String?
    package var message: String

    package init(file: String, line: Int?, key: String?, message: String) {
        self.file = file
        self.line = line
        self.key = key
        self.message = message
    }

    /// One line: `pipeline.conf:12: unknown key 'fetch.timout'; did you mean 'fetch.timeout'?`
    package var description: String {
        let location = line.map { "\(file):\($0)" } ?? file
        return "\(location): \(message)"
    }
}
