import Foundation

/// A throwaway PostgreSQL cluster for one test suite (scripts/pg-throwaway.sh): initdb in a temporary folder, the
/// server on a Unix socket in it, stopped and removed by ``stop()``. No mock: a real server.
public final class ThrowawayPostgres: @unchecked Sendable {
    /// The connection URL (no password).
    public let url: String
    /// The folder: the cluster, its log and its socket.
    public let folder: String
    private static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("scripts/pg-throwaway.sh").path

    /// Starts a cluster; with `password`, logins need it (scram-sha-256), else they are trusted. With `tlsPort`,
    /// it also listens on 127.0.0.1 there and offers TLS with a self-signed certificate for "localhost"
    /// (`<folder>/server.crt`).
    public init(password: String? = nil, tlsPort: Int? = nil) throws {
        folder = "/tmp/ne-pg-" + String(UUID().uuidString.prefix(8))
        var arguments = ["start", folder]
        let passwordFile = folder + ".password"
        defer { try? FileManager.default.removeItem(atPath: passwordFile) }
        if let password {
            try (password + "\n").write(toFile: passwordFile, atomically: true, encoding: .utf8)
            arguments += ["--password-file", passwordFile]
        }
        if let tlsPort { arguments += ["--tls", String(tlsPort)] }
        url = try Self.script(arguments).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    deinit { stop() }

    /// A TCP port on 127.0.0.1 that nothing listens on now (the kernel's pick for a socket bound to port 0).
    public static func freePort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure(command: "socket", stderr: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(descriptor, pointer, length) == 0 && getsockname(descriptor, pointer, &length) == 0
            }
        }
        guard bound else { throw Failure(command: "bind", stderr: String(cString: strerror(errno))) }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Stops the server and removes the folder.
    public func stop() {
        _ = try? Self.script(["stop", folder])
    }

    /// Stops the server at once (immediate shutdown: connections are cut, as in a crash); ``restart()`` brings it
    /// back with its data.
    public func kill() throws { _ = try Self.script(["kill", folder]) }

    public func restart() throws { _ = try Self.script(["restart", folder]) }

    /// Runs `sql` with psql and returns its unaligned, tuples-only output.
    public func psql(_ sql: String) throws -> String {
        try Self.run(
            "/usr/bin/env", ["psql", "-X", "-q", "-A", "-t", "-h", folder, "-U", "newsevents", "-d", "news", "-c", sql])
    }

    private static func script(_ arguments: [String]) throws -> String {
        try run("/bin/bash", [script] + arguments)
    }

    static func runPublic(_ executable: String, _ arguments: [String]) throws -> String {
        try run(executable, arguments)
    }

    private static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(
                command: ([executable] + arguments).joined(separator: " "),
                stderr: String(decoding: errorData, as: UTF8.self))
        }
        return String(decoding: data, as: UTF8.self)
    }

    public struct Failure: Error, CustomStringConvertible {
        public var command: String
        public var stderr: String
        public var description: String { "\(command) failed: \(stderr)" }
    }
}

extension ThrowawayPostgres {
    /// Runs a SQL file with psql (stopping at the first error) in `database`.
    public func psqlFile(_ path: String, database: String) throws {
        _ = try Self.runPublic(
            "/usr/bin/env",
            ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", folder, "-U", "newsevents", "-d", database, "-f", path])
    }
}
