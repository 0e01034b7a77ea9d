import NewsFetch
import NewsModel

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Job sources for the commands.
package enum JobSources {
    /// The configured local sources of a batch run; unlistable folders and list files become failed jobs.
    package static func configured(_ sources: PipelineConfig.Sources) -> JobSource {
        let enumerator = SourceEnumerator(sources: sources)
        return JobSource {
            switch enumerator.next() {
            case .none: return nil
            case .file(let path): return .file(path)
            case .unlistable(let path, let message):
                return .failed(ArticleFailure(origin: path, stage: "read", reason: "unlistable", message: message))
            }
        }
    }

    /// The configured sources of a batch run: local ones first, then the HTTP ones through `http` (nil when
    /// none is configured).
    package static func configured(_ sources: PipelineConfig.Sources, http: HTTPSource?) -> JobSource {
        let local = configured(sources)
        var localDone = false
        return JobSource {
            if !localDone {
                if let job = local.next() { return job }
                localDone = true
            }
            return http?.next()
        }
    }

    /// How many inputs the configured local sources hold (a listing pass, for the progress line).
    package static func count(_ sources: PipelineConfig.Sources) -> Int {
        let enumerator = SourceEnumerator(sources: sources)
        var total = 0
        while enumerator.next() != nil { total += 1 }
        return total
    }

    /// Files named on the command line (`-` is standard input), each with the same address and date.
    package static func files(_ paths: [String], url: String?, published: String?, maxBytes: Int) -> JobSource {
        var index = 0
        return JobSource {
            guard index < paths.count else { return nil }
            defer { index += 1 }
            let path = paths[index]
            return path == "-"
                ? standardInputJob(url: url, published: published, maxBytes: maxBytes)
                : .file(path, url: url, published: published)
        }
    }

    /// Standard input as one article.
    package static func standardInput(
        url: String?, published: String?, maxBytes: Int, plainText: Bool = false
    )
        -> JobSource
    {
        var done = false
        return JobSource {
            guard !done else { return nil }
            done = true
            return standardInputJob(url: url, published: published, maxBytes: maxBytes, plainText: plainText)
        }
    }

    /// Standard input as JSON Lines, one job per line.
    package static func jsonLines(maxLineBytes: Int) -> JobSource {
        let reader = JSONLInputReader(descriptor: STDIN_FILENO, maxLineBytes: maxLineBytes)
        return JobSource { reader.next() }
    }

    private static func standardInputJob(
        url: String?, published: String?, maxBytes: Int, plainText: Bool = false
    )
        -> ArticleJob
    {
        do {
            let read = try LocalInputReader(maxBytes: maxBytes).readStandardInputPrefix()
            // Plain text is already the article's text (UTF-8; invalid bytes become U+FFFD): no cleaning.
            let content: ArticleInput.Content =
                plainText
                ? .text(String(decoding: read.bytes, as: UTF8.self)) : .html(bytes: read.bytes, transportCharset: nil)
            var input = ArticleInput(url: url, published: published, origin: "stdin", content: content)
            if let cut = read.cut { input.warnings.append(ArticleWarning(.inputCut, cut)) }
            return .input(input)
        } catch {
            return .failed(
                ArticleFailure(
                    origin: "stdin", url: url, stage: "read", reason: error.reason, message: error.description))
        }
    }
}
