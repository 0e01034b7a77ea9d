import Foundation

/// Where the PostgreSQL sink connects: parsed from a libpq-style connection URL
/// (`postgresql://user@host:port/database?sslmode=require`).
///
/// The password never comes from the URL (it would sit in pipeline.conf, in shell history and in `ps`): it is read
/// from `PGPASSWORD` or from a password file (its first line), as libpq reads them.
public struct DatabaseTarget: Sendable, Equatable {
    public enum Endpoint: Sendable, Equatable {
        case tcp(host: String, port: Int)
        /// The server's socket file (`<dir>/.s.PGSQL.<port>`).
        case unixSocket(path: String)
    }

    /// libpq's `sslmode` values. `prefer` (libpq's default) tries TLS and falls back to plain text; `require`
    /// insists on TLS without checking the certificate; `verify-ca` checks the chain against the system's roots;
    /// `verify-full` also checks the host name.
    public enum SSLMode: String, Sendable, CaseIterable {
        case disable, allow, prefer, require
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"
    }

    public var endpoint: Endpoint
    public var user: String
    public var database: String
    public var sslMode: SSLMode
    /// `sslrootcert`: a PEM file of the certificates to trust instead of the system's (a private CA). With it,
    /// `require` also checks the chain, as libpq does.
    public var sslRootCert: String?
    public var password: String?

    /// The URL as given, which holds no password: safe to print.
    public var url: String

    /// The libpq URL query parameters read here; any other is an error, so that a typo is not ignored.
    static let knownParameters = ["sslmode", "sslrootcert", "host", "port", "user", "dbname"]

    /// Parses `url`. `environment` supplies `USER` (the default user name, as libpq takes the login name).
    public static func parse(
        _ url: String, environment: [String: String] = ProcessInfo.processInfo.environment
    )
        throws(DatabaseError) -> DatabaseTarget
    {
        func bad(_ why: String) -> DatabaseError { .badURL(url: url, why: why) }
        guard url.hasPrefix("postgresql://") || url.hasPrefix("postgres://") else {
            throw bad("it must start with postgresql:// (postgresql://user@host:port/database)")
        }
        guard let components = URLComponents(string: url) else { throw bad("it is not a valid URL") }
        if components.password != nil {
            throw bad("it holds a password; give it in PGPASSWORD or a password file, never in the URL")
        }
        var parameters: [String: String] = [:]
        for item in components.queryItems ?? [] {
            guard knownParameters.contains(item.name) else {
                throw bad(
                    "unknown parameter '\(item.name)' (known: \(knownParameters.joined(separator: ", ")))")
            }
            guard let value = item.value, !value.isEmpty else { throw bad("parameter '\(item.name)' has no value") }
            parameters[item.name] = value
        }
        var sslMode = SSLMode.prefer
        if let mode = parameters["sslmode"] {
            guard let known = SSLMode(rawValue: mode) else {
                throw bad(
                    "sslmode '\(mode)' is not one of \(SSLMode.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            sslMode = known
        }
        var port = components.port ?? 5432
        if let given = parameters["port"] {
            guard let number = Int(given) else { throw bad("port '\(given)' is not a number") }
            port = number
        }
        guard (1...65535).contains(port) else { throw bad("port \(port) is out of range") }
        // A host that is a folder (percent-encoded in the authority, or `?host=/run/postgresql`) names the folder
        // of the server's Unix socket, as in libpq; no host at all means the default socket folder.
        let host = parameters["host"] ?? components.percentEncodedHost.flatMap { $0.removingPercentEncoding } ?? ""
        let endpoint: Endpoint
        if host.isEmpty || host.hasPrefix("/") {
            let folder = host.isEmpty ? "/var/run/postgresql" : host
            endpoint = .unixSocket(path: (folder as NSString).appendingPathComponent(".s.PGSQL.\(port)"))
        } else {
            endpoint = .tcp(host: host.hasPrefix("[") ? String(host.dropFirst().dropLast()) : host, port: port)
        }
        let user =
            parameters["user"] ?? components.user?.removingPercentEncoding.flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["PGUSER"] ?? environment["USER"] ?? "postgres"
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        let database = parameters["dbname"] ?? (path.isEmpty ? user : path)
        if database.contains("/") { throw bad("the database name '\(database)' holds a '/'") }
        return DatabaseTarget(
            endpoint: endpoint, user: user, database: database, sslMode: sslMode,
            sslRootCert: parameters["sslrootcert"], password: nil, url: url)
    }

    /// Reads the password: `PGPASSWORD` when set, else the first line of `passwordFile` when given.
    public mutating func readPassword(
        file passwordFile: String?, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(DatabaseError) {
        if let password = environment["PGPASSWORD"], !password.isEmpty {
            self.password = password
            return
        }
        guard let passwordFile, !passwordFile.isEmpty else { return }
        guard let data = FileManager.default.contents(atPath: passwordFile),
            let text = String(data: data, encoding: .utf8)
        else {
            throw .passwordFile(path: passwordFile, why: "cannot read it")
        }
        let password = text.components(separatedBy: .newlines).first ?? ""
        guard !password.isEmpty else { throw .passwordFile(path: passwordFile, why: "its first line is empty") }
        self.password = password
    }

    /// Where the connection goes, for messages: `host:port/db` or `socket/db`, with the user.
    public var place: String {
        switch endpoint {
        case .tcp(let host, let port): return "\(user)@\(host):\(port)/\(database)"
        case .unixSocket(let path): return "\(user)@\(path)/\(database)"
        }
    }
}
