import Foundation

/// A new empty folder under the system's temporary folder, its name starting with `prefix`; the caller removes it.
func temporaryFolder(_ prefix: String) throws -> String {
    let path = NSTemporaryDirectory() + prefix + "-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}
