/// Why the database could not be used. Each case's description is the one line a user reads.
public enum DatabaseError: Error, Equatable, CustomStringConvertible {
    /// The connection URL cannot be used as given.
    case badURL(url: String, why: String)
    case passwordFile(path: String, why: String)
    /// No connection, after every retry the policy allowed.
    case unreachable(place: String, seconds: Double, why: String)
    /// The server refused a statement (or the login): its SQLSTATE and message.
    case server(place: String, sqlState: String, message: String)
    /// The server asks for a password and none was given.
    case passwordNeeded(place: String)
    /// The database has no newsevents tables, or an older version of them.
    case schemaMissing(place: String, found: Int?, expected: Int)
    /// The tables are of a newer schema than this program knows.
    case schemaNewer(place: String, found: Int, known: Int)

    public var description: String {
        switch self {
        case .badURL(let url, let why):
            return "cannot use the PostgreSQL URL '\(url)': \(why)"
        case .passwordFile(let path, let why):
            return "cannot use the password file '\(path)': \(why)"
        case .unreachable(let place, let seconds, let why):
            let tried =
                seconds <= 0 ? "" : " (retried for \(String(format: seconds < 10 ? "%.1f" : "%.0f", seconds)) s)"
            return "cannot reach PostgreSQL at \(place)\(tried): \(why)"
        case .server(let place, let sqlState, let message):
            return "PostgreSQL at \(place) refused: \(message) (SQLSTATE \(sqlState))"
        case .passwordNeeded(let place):
            return
                "PostgreSQL at \(place) asks for a password: set PGPASSWORD, or [sink] password_file (--password-file)"
        case .schemaMissing(let place, let found, let expected):
            let what = found.map { "schema version \($0)" } ?? "no newsevents tables"
            return
                "the database \(place) has \(what), not \(expected): run 'newsevents db init' with the same URL first"
        case .schemaNewer(let place, let found, let known):
            return
                "the database \(place) has schema version \(found), newer than this newsevents knows (\(known)): upgrade newsevents"
        }
    }
}
