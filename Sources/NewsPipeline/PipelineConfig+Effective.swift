extension PipelineConfig {
    /// The effective configuration as TOML, every key with its value after defaults and path resolution.
    package var effectiveTOML: String {
        func quote(_ value: String) -> String {
            "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                + "\""
        }
        func list(_ values: [String]) -> String { "[" + values.map(quote).joined(separator: ", ") + "]" }
        var lines = ["# effective configuration" + (file.map { " of \($0)" } ?? "")]
        lines += [
            "", "[sources]", "files = \(list(sources.files))", "directories = \(list(sources.directories))",
            "list_files = \(list(sources.listFiles))", "urls = \(list(sources.urls))",
            "url_files = \(list(sources.urlFiles))",
            "feeds = \(list(sources.feeds))", "sitemaps = \(list(sources.sitemaps))",
            "warc_files = \(list(sources.warcFiles))",
            "", "[fetch]", "max_bytes = \(fetch.maxBytes)", "user_agent = \(quote(fetch.userAgent))",
            "connect_timeout = \(fetch.connectTimeout)", "read_timeout = \(fetch.readTimeout)",
            "total_timeout = \(fetch.totalTimeout)", "max_redirects = \(fetch.maxRedirects)",
            "retries = \(fetch.retries)", "max_retry_after = \(fetch.maxRetryAfter)",
            "concurrency = \(fetch.concurrency)", "per_host_concurrency = \(fetch.perHostConcurrency)",
            "min_delay = \(fetch.minDelay)", "respect_robots = \(fetch.respectRobots)",
            "allow_private_addresses = "
                + (fetch.allowedPrivateNetworks.isEmpty
                    ? "\(fetch.allowPrivateAddresses)" : list(fetch.allowedPrivateNetworks)),
            "", "[clean]", "max_nodes = \(clean.maxNodes)", "max_depth = \(clean.maxDepth)",
            "max_seconds = \(clean.maxSeconds)", "max_text_chars = \(clean.maxTextChars)",
            "", "[extract]", "emit = \(quote(extract.emit))",
            "", "[sink]", "path = \(quote(sink.path))", "fsync = \(sink.fsync)",
            sink.postgres.isEmpty
                ? "# postgres = \"postgresql://user@host:5432/db\" would also load each article's records there"
                : "postgres = \(quote(sink.postgres))",
            sink.passwordFile.isEmpty
                ? "# password_file = \"/etc/newsevents/db-password\" would hold the password (PGPASSWORD wins)"
                : "password_file = \(quote(sink.passwordFile))",
            "postgres_retry_seconds = \(sink.postgresRetrySeconds)",
            "", "[report]",
            report.path.isEmpty
                ? "# path = \"out/report.html\" would write an HTML report after each run"
                : "path = \(quote(report.path))",
            "", "[scheduler]", "workers = \(scheduler.workers)", "max_in_flight = \(scheduler.maxInFlight)",
            "", "[state]", "dir = \(quote(state.dir))",
        ]
        return lines.joined(separator: "\n") + "\n"
    }
}
