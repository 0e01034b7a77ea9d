import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOHTTPCompression
import NIOPosix

/// How the fetcher behaves: identity, limits, politeness.
public struct FetchSettings: Sendable, Equatable {
    public var userAgent: String
    public var connectTimeout: Double = 10
    /// Seconds without a byte before a request fails.
    public var readTimeout: Double = 20
    /// Seconds for a whole request: redirects, headers and body.
    public var totalTimeout: Double = 60
    /// The largest body, in bytes, while streaming and again after decompression.
    public var maxBytes = 10 * 1024 * 1024
    public var maxRedirects = 5
    public var retries = 2
    /// The longest Retry-After honoured, in seconds; a longer one fails the URL.
    public var maxRetryAfter: Double = 60
    public var perHostConcurrency = 2
    /// Seconds between the starts of two requests to one host.
    public var minDelay: Double = 1
    public var respectRobots = true
    public var allowPrivateAddresses = false
    /// Private hosts let through when ``allowPrivateAddresses`` is false: names, addresses and networks
    /// (``AddressPolicy/refusal(host:allowPrivate:allowed:)``).
    public var allowedPrivateNetworks: [String] = []
    /// The first retry waits this long, each next one twice as long, with up to 50% jitter.
    public var backoff: Double = 0.5

    public init(userAgent: String) {
        self.userAgent = userAgent
    }
}

/// What one fetch gave.
public enum FetchResult: Sendable, Equatable {
    /// A page: its final address (after redirects), bytes, the charset of its Content-Type, and the
    /// validators to send next time.
    case page(url: String, bytes: [UInt8], charset: String?, etag: String?, lastModified: String?)
    /// 304: unchanged since the validators were recorded.
    case notModified
    /// Not fetched, or not kept, for a reason of policy: robots, private-address, wrong-type, too-large,
    /// bad-scheme, redirect-loop, too-many-redirects, retry-after-too-long.
    case refused(reason: String, message: String)
    /// Failed: http-status (with the status), timeout, connection, dns.
    case failed(reason: String, status: Int?, message: String)
}

/// Validators of an earlier fetch, for a conditional GET.
public struct Validators: Sendable, Equatable {
    public var etag: String?
    public var lastModified: String?

    public init(etag: String?, lastModified: String?) {
        self.etag = etag
        self.lastModified = lastModified
    }
}

/// Fetches pages over HTTP(S) with AsyncHTTPClient the way a well-behaved crawler does: per-host concurrency
/// and spacing, robots.txt (once per host per run, Crawl-delay honoured), conditional GET, redirects followed
/// by hand so that each hop is checked (scheme, loops, non-public addresses), bodies bounded while streaming
/// and after decompression, and retries of transient failures with exponential backoff and jitter.
/// 401 and 403 are recorded, never retried or evaded.
public final class HTTPFetcher: Sendable {
    public let settings: FetchSettings
    private let client: HTTPClient
    private let gate: HostGate
    private let robots: RobotsCache

    public init(settings: FetchSettings) {
        self.settings = settings
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(
                connect: .milliseconds(Int64(settings.connectTimeout * 1000)),
                read: .milliseconds(Int64(settings.readTimeout * 1000))),
            decompression: .enabled(limit: .size(settings.maxBytes)))
        configuration.connectionPool = .init(
            idleTimeout: .seconds(30), concurrentHTTP1ConnectionsPerHostSoftLimit: settings.perHostConcurrency)
        // A refused connection fails at once and is retried by ``fetchWithRetries`` (settings.retries), not
        // silently until the connect timeout: every failure names its cause within its own timeout.
        configuration.connectionPool.retryConnectionEstablishment = false
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        gate = HostGate(limit: settings.perHostConcurrency, delay: settings.minDelay)
        robots = RobotsCache()
    }

    /// Releases the connection pool; call once, when done.
    public func shutdown() async {
        try? await client.shutdown()
    }

    /// Fetches `url`, sending `validators` as If-None-Match / If-Modified-Since.
    public func fetch(_ url: String, validators: Validators? = nil, accept: Accept = .html) async -> FetchResult {
        let deadline = Date().addingTimeInterval(settings.totalTimeout)
        var current = url
        var visited: Set<String> = [url]
        for _ in 0...settings.maxRedirects {
            guard let parts = URLComponents(string: current), let scheme = parts.scheme?.lowercased(),
                scheme == "http" || scheme == "https", let host = parts.host?.lowercased()
            else {
                return .refused(reason: "bad-scheme", message: "\(current): only http and https are fetched")
            }
            if let refusal = AddressPolicy.refusal(
                host: host, allowPrivate: settings.allowPrivateAddresses, allowed: settings.allowedPrivateNetworks)
            {
                return .refused(reason: "private-address", message: "\(current): \(refusal)")
            }
            let origin = "\(scheme)://\(host)" + (parts.port.map { ":\($0)" } ?? "")
            var delay = settings.minDelay
            if settings.respectRobots, accept != .robots {
                let verdict = await robots.rules(for: origin) { await self.fetchRobots(origin) }
                let rules = verdict.rules
                let path =
                    (parts.percentEncodedPath.isEmpty ? "/" : parts.percentEncodedPath)
                    + (parts.percentEncodedQuery.map { "?" + $0 } ?? "")
                guard rules.allows(path) else {
                    if case .failed(let reason, let status, let message) = verdict.unreachable {
                        // RFC 9309: an unreachable robots.txt disallows everything; the cause is the robots fetch's.
                        let robotsURL = origin + "/robots.txt"
                        let cause =
                            message.hasPrefix(robotsURL + ": ") ? message.dropFirst(robotsURL.count + 2) : message[...]
                        return .failed(
                            reason: reason, status: status,
                            message: "\(current): not fetched: \(robotsURL) could not be fetched (\(cause))")
                    }
                    return .refused(reason: "robots", message: "\(current): disallowed by \(origin)/robots.txt")
                }
                delay = max(delay, rules.crawlDelay ?? 0)
            }
            let result = await fetchWithRetries(
                current, host: origin, delay: delay, validators: current == url ? validators : nil, accept: accept,
                deadline: deadline)
            guard case .redirect(let location) = result else { return result.fetchResult }
            guard let next = URLCanonicalizer.resolve(location, against: current) else {
                return .refused(reason: "bad-scheme", message: "\(current): redirect to '\(location)', not http(s)")
            }
            guard visited.insert(next).inserted else {
                return .refused(reason: "redirect-loop", message: "\(url): redirect loop at \(next)")
            }
            current = next
        }
        return .refused(
            reason: "too-many-redirects", message: "\(url): more than \(settings.maxRedirects) redirects")
    }

    /// What the fetcher accepts as a body.
    public enum Accept: Sendable, Equatable {
        /// HTML and XHTML.
        case html
        /// RSS, Atom, sitemaps or any XML, and gzip files (compressed sitemaps).
        case feed
        /// robots.txt: text, no robots check of its own.
        case robots
    }

    enum Attempt: Sendable {
        case done(FetchResult)
        case redirect(String)
        case retry(after: Double?, FetchResult)

        var fetchResult: FetchResult {
            switch self {
            case .done(let result), .retry(_, let result): return result
            case .redirect(let location):
                return .refused(reason: "too-many-redirects", message: "unfollowed redirect to \(location)")
            }
        }
    }

    private func fetchWithRetries(
        _ url: String, host: String, delay: Double, validators: Validators?, accept: Accept, deadline: Date
    ) async -> Attempt {
        var attempt = 0
        while true {
            let outcome = await gate.withSlot(host: host, delay: delay) {
                await self.once(url, validators: validators, accept: accept, deadline: deadline)
            }
            guard case .retry(let after, let result) = outcome else { return outcome }
            attempt += 1
            if attempt > settings.retries { return .done(result) }
            var wait = settings.backoff * pow(2, Double(attempt - 1)) * Double.random(in: 1...1.5)
            if let after {
                guard after <= settings.maxRetryAfter else {
                    return .done(
                        .refused(
                            reason: "retry-after-too-long",
                            message:
                                "\(url): the server asks to wait \(Int(after)) s (more than \(Int(settings.maxRetryAfter)) s)"
                        ))
                }
                wait = max(wait, after)
            }
            guard Date().addingTimeInterval(wait) < deadline else { return .done(result) }
            try? await Task.sleep(nanoseconds: UInt64(wait * 1_000_000_000))
        }
    }

    private func once(_ url: String, validators: Validators?, accept: Accept, deadline: Date) async -> Attempt {
        var request = HTTPClientRequest(url: url)
        request.headers.add(name: "User-Agent", value: settings.userAgent)
        request.headers.add(name: "Accept-Encoding", value: "gzip, deflate")
        switch accept {
        case .html: request.headers.add(name: "Accept", value: "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1")
        case .feed:
            request.headers.add(
                name: "Accept", value: "application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.8")
        case .robots: request.headers.add(name: "Accept", value: "text/plain")
        }
        if let etag = validators?.etag { request.headers.add(name: "If-None-Match", value: etag) }
        if let modified = validators?.lastModified { request.headers.add(name: "If-Modified-Since", value: modified) }
        let remaining = deadline.timeIntervalSinceNow
        guard remaining > 0 else {
            return .done(.failed(reason: "timeout", status: nil, message: "\(url): total timeout"))
        }
        do {
            let response = try await client.execute(request, timeout: .milliseconds(Int64(remaining * 1000)))
            let status = Int(response.status.code)
            switch status {
            case 200...299: break
            case 304: return .done(.notModified)
            case 301, 302, 303, 307, 308:
                guard let location = response.headers.first(name: "Location") else {
                    return .done(
                        .failed(reason: "http-status", status: status, message: "\(url): redirect without Location"))
                }
                return .redirect(location)
            case 408, 500...599, 429:
                let after = response.headers.first(name: "Retry-After").flatMap(Self.retryAfter)
                return .retry(
                    after: after, .failed(reason: "http-status", status: status, message: "\(url): HTTP \(status)"))
            default:
                return .done(.failed(reason: "http-status", status: status, message: "\(url): HTTP \(status)"))
            }
            let type = response.headers.first(name: "Content-Type") ?? ""
            let mime =
                type.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
            guard Self.accepts(mime, as: accept) else {
                return .done(
                    .refused(reason: "wrong-type", message: "\(url): Content-Type '\(mime.isEmpty ? "none" : mime)'"))
            }
            if let length = response.headers.first(name: "Content-Length").flatMap(Int.init), length > settings.maxBytes
            {
                return .done(
                    .refused(reason: "too-large", message: "\(url): \(length) bytes (limit \(settings.maxBytes))"))
            }
            var bytes: [UInt8] = []
            for try await buffer in response.body {
                guard bytes.count + buffer.readableBytes <= settings.maxBytes else {
                    return .done(
                        .refused(reason: "too-large", message: "\(url): more than \(settings.maxBytes) bytes"))
                }
                bytes.append(contentsOf: buffer.readableBytesView)
                guard Date() < deadline else {
                    return .done(.failed(reason: "timeout", status: nil, message: "\(url): total timeout"))
                }
            }
            return .done(
                .page(
                    url: url, bytes: bytes, charset: Self.charset(type), etag: response.headers.first(name: "ETag"),
                    lastModified: response.headers.first(name: "Last-Modified")))
        } catch let error as NIOHTTPDecompression.DecompressionError {
            return .done(.refused(reason: "too-large", message: "\(url): decompressed body over the limit (\(error))"))
        } catch let error as HTTPClientError {
            switch error {
            case .readTimeout, .connectTimeout, .deadlineExceeded:
                return .retry(after: nil, .failed(reason: "timeout", status: nil, message: "\(url): \(error)"))
            default:
                return .retry(after: nil, .failed(reason: "connection", status: nil, message: "\(url): \(error)"))
            }
        } catch let error as NIOConnectionError where error.dnsAError != nil || error.dnsAAAAError != nil {
            return .retry(
                after: nil,
                .failed(reason: "dns", status: nil, message: "\(url): the host name \(error.host) does not resolve"))
        } catch let error as NIOConnectionError {
            // Every address refused or failed: the first one's cause, in the system's words.
            let cause =
                error.connectionErrors.lazy.compactMap { $0.error as? IOError }.first
                .map { String(cString: strerror($0.errnoCode)).lowercased() } ?? "\(error)"
            return .retry(after: nil, .failed(reason: "connection", status: nil, message: "\(url): \(cause)"))
        } catch let error as IOError {
            // A socket error (connection refused, host unreachable): the system's own words for it.
            let cause = String(cString: strerror(error.errnoCode)).lowercased()
            return .retry(after: nil, .failed(reason: "connection", status: nil, message: "\(url): \(cause)"))
        } catch {
            return .retry(after: nil, .failed(reason: "connection", status: nil, message: "\(url): \(error)"))
        }
    }

    private func fetchRobots(_ origin: String) async -> RobotsVerdict {
        let result = await fetch(origin + "/robots.txt", accept: .robots)
        switch result {
        case .page(_, let bytes, _, _, _):
            return RobotsVerdict(
                rules: RobotsTxt(String(decoding: bytes, as: UTF8.self), userAgent: settings.userAgent),
                unreachable: nil)
        case .failed(_, let status?, _) where (400..<500).contains(status):
            return RobotsVerdict(rules: .allowAll, unreachable: nil)  // no robots.txt: everything is allowed
        case .refused(let reason, _) where reason == "wrong-type" || reason == "too-large":
            return RobotsVerdict(rules: .allowAll, unreachable: nil)
        default:
            // Unreachable or 5xx: RFC 9309 says assume complete disallow; the cause is kept for the message.
            return RobotsVerdict(rules: .disallowAll, unreachable: result)
        }
    }

    static func accepts(_ mime: String, as accept: Accept) -> Bool {
        switch accept {
        case .html: return mime == "text/html" || mime == "application/xhtml+xml"
        case .feed:
            // Sitemaps also come gzip-compressed as files (`sitemap.xml.gz`), which the reader inflates.
            return mime.hasSuffix("xml") || mime == "application/rss+xml" || mime == "application/atom+xml"
                || mime == "text/plain" || mime == "application/gzip" || mime == "application/x-gzip"
        case .robots: return mime.isEmpty || mime.hasPrefix("text/")
        }
    }

    /// The charset parameter of a Content-Type ("text/html; charset=ISO-8859-1" → "ISO-8859-1").
    static func charset(_ contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "charset" else {
                continue
            }
            let value = pair[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(
                in: CharacterSet(charactersIn: "\"'"))
            return value.isEmpty ? nil : value
        }
        return nil
    }

    /// Retry-After as seconds: a number, or an HTTP date.
    static func retryAfter(_ value: String) -> Double? {
        if let seconds = Double(value.trimmingCharacters(in: .whitespaces)), seconds >= 0 { return seconds }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: value).map { max(0, $0.timeIntervalSinceNow) }
    }
}

/// Per-host concurrency and spacing: at most `limit` requests to one host at a time, and `delay` seconds
/// between the starts of two of them.
actor HostGate {
    private let limit: Int
    private let delay: Double
    private var active: [String: Int] = [:]
    private var lastStart: [String: Date] = [:]
    private var maxSeen: [String: Int] = [:]

    init(limit: Int, delay: Double) {
        self.limit = max(1, limit)
        self.delay = delay
    }

    func withSlot<T: Sendable>(host: String, delay: Double, _ body: @Sendable () async -> T) async -> T {
        await acquire(host: host, delay: max(delay, self.delay))
        let result = await body()
        active[host, default: 1] -= 1
        return result
    }

    private func acquire(host: String, delay: Double) async {
        while true {
            let now = Date()
            let next = (lastStart[host] ?? .distantPast).addingTimeInterval(delay)
            if active[host, default: 0] < limit, now >= next {
                active[host, default: 0] += 1
                lastStart[host] = now
                return
            }
            let wait = max(0.005, min(0.25, next.timeIntervalSince(now)))
            try? await Task.sleep(nanoseconds: UInt64(wait * 1_000_000_000))
        }
    }
}

/// An origin's robots.txt rules, and why it could not be fetched when it could not (then the rules disallow all).
struct RobotsVerdict: Sendable {
    var rules: RobotsTxt
    var unreachable: FetchResult?
}

/// robots.txt per origin, fetched once per run; concurrent requests wait for the one fetch.
actor RobotsCache {
    private var entries: [String: Task<RobotsVerdict, Never>] = [:]

    func rules(for origin: String, fetch: @escaping @Sendable () async -> RobotsVerdict) async -> RobotsVerdict {
        if let task = entries[origin] { return await task.value }
        let task = Task { await fetch() }
        entries[origin] = task
        return await task.value
    }
}
