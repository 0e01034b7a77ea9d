import Testing

@testable import NewsPipeline

struct PipelineConfigTests {
    private func parse(_ text: String) throws -> PipelineConfig {
        try PipelineConfig.parse(text, file: "pipeline.conf", baseFolder: "/etc/newsevents")
    }

    private func error(_ text: String) -> String? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return (error as? ConfigError)?.description ?? "\(error)"
        }
    }

    @Test func appliesDefaultsAndResolvesPathsAgainstTheConfigFolder() throws {
        let config = try parse(
            """
            [sources]
            directories = ["fixtures", "/srv/pages"]
            [sink]
            path = "out/events.jsonl"
            [scheduler]
            workers = 3
            """)
        #expect(config.sources.directories == ["/etc/newsevents/fixtures", "/srv/pages"])
        #expect(config.sink.path == "/etc/newsevents/out/events.jsonl")
        #expect(config.scheduler.workers == 3)
        #expect(config.scheduler.maxInFlight == 64)
        #expect(config.state.dir == "/etc/newsevents/state", "defaults resolve against the config folder too")
        #expect(config.fetch.maxBytes == 10_485_760)
    }

    @Test func stdoutStaysADash() throws {
        #expect(try parse("[sink]\npath = \"-\"").sink.path == "-")
    }

    @Test func anUnknownKeyNamesTheLineAndSuggestsTheNearestKey() {
        #expect(
            error("[sink]\npath = \"x\"\n\n[scheduler]\nworkes = 2\n")
                == "pipeline.conf:5: unknown key 'scheduler.workes'; did you mean 'scheduler.workers'?")
    }

    @Test func anUnknownSectionIsAnError() {
        #expect(
            error("[sinks]\npath = \"x\"\n") == "pipeline.conf:1: unknown section '[sinks]'; did you mean '[sink]'?")
    }

    @Test func aWrongTypeSaysWhatIsExpected() {
        #expect(
            error("[scheduler]\nworkers = \"four\"\n")
                == "pipeline.conf:2: 'scheduler.workers' must be a positive integer, not the string \"four\"")
        #expect(
            error("[scheduler]\nmax_in_flight = 0\n")
                == "pipeline.conf:2: 'scheduler.max_in_flight' must be a positive integer, not the integer 0")
        #expect(
            error("[sources]\nfiles = \"a.html\"\n")
                == "pipeline.conf:2: 'sources.files' must be an array of strings, not the string \"a.html\"")
        #expect(
            error("[extract]\nemit = \"everything\"\n")
                == "pipeline.conf:2: 'extract.emit' must be one of \"events\", \"articles\", not the string \"everything\""
        )
        #expect(
            error("[sink]\nfsync = 1\n") == "pipeline.conf:2: 'sink.fsync' must be true or false, not the integer 1")
    }

    @Test func invalidTOMLGivesTheLine() {
        let message = error("[sink]\npath = \"unterminated\n")
        #expect(message?.hasPrefix("pipeline.conf:2: not valid TOML: ") == true)
    }

    @Test func warcFilesResolveAgainstTheConfigSitemapsAreTakenAndFetchKeysAreChecked() throws {
        #expect(error("[sources]\nurls = [\"https://example.org/\"]\n") == nil)
        #expect(error("[sources]\nsitemaps = [\"https://example.org/sitemap.xml\"]\n") == nil)
        #expect(
            try parse("[sources]\nwarc_files = [\"cc-news/2026-11.warc.gz\", \"/data/cc\"]\n").sources.warcFiles == [
                "/etc/newsevents/cc-news/2026-11.warc.gz", "/data/cc",
            ])
        #expect(
            error("[sources]\nwarc_files = \"cc.warc.gz\"\n")
                == "pipeline.conf:2: 'sources.warc_files' must be an array of strings, not the string \"cc.warc.gz\"")
        #expect(
            error("[fetch]\nread_timeout = -1\n")
                == "pipeline.conf:2: 'fetch.read_timeout' must be a number of seconds, 0 or more, not the integer -1")
        #expect(error("[fetch]\nmin_delay = 0.25\nretries = 0\n") == nil)
    }

    @Test func theEffectiveConfigurationParsesBackToTheSameValues() throws {
        let config = try parse("[sources]\nfiles = [\"a.html\"]\n[sink]\nfsync = false\n")
        let again = try PipelineConfig.parse(config.effectiveTOML, file: "effective", baseFolder: "/")
        #expect(again.sources == config.sources)
        #expect(again.sink == config.sink)
        #expect(again.scheduler == config.scheduler)
    }
}
