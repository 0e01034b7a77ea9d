import ArgumentParser
import Foundation

/// The UTF-8 text of `dates` and `analyze`: a file, or standard input when the file is nil or "-". A file that
/// cannot be read is an error on standard error and exit status 1.
enum PlainTextInput {
    static func read(_ file: String?) throws -> String {
        guard let file, file != "-" else {
            return String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        }
        guard let contents = FileManager.default.contents(atPath: file) else {
            FileHandle.standardError.write(Data("newsevents: error: cannot read '\(file)'\n".utf8))
            throw ExitCode(1)
        }
        return String(decoding: contents, as: UTF8.self)
    }
}
