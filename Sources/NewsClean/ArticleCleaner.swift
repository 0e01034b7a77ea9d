import Dispatch
import Foundation
import LibXML
import NewsModel

#if canImport(Glibc)
import Glibc
#endif

/// What the clean stage accepts for one page: bounds on the parse, on its time and on its text. A page over a
/// bound fails with a ``CleanError`` that names the bound; nothing is truncated silently.
public struct CleanLimits: Sendable, Hashable {
    /// The largest input accepted, in bytes (after any decompression).
    public var maxInputBytes: Int
    /// The most nodes (elements and text) the parsed tree may hold.
    public var maxNodes: Int
    /// The deepest nesting walked; deeper subtrees are cut.
    public var maxDepth: Int
    /// Seconds of wall time one page may take. libxml2 cannot be interrupted, so the budget is checked between
    /// phases (after parsing, after flattening) and an over-budget page fails instead of going on.
    public var seconds: Double
    /// The longest main text accepted, in Unicode scalars (the extract stage's cost grows with it).
    public var maxTextLength: Int

    public init(
        maxInputBytes: Int = 50 << 20, maxNodes: Int = 1_000_000, maxDepth: Int = 512, seconds: Double = 10,
        maxTextLength: Int = 2_000_000
    ) {
        self.maxInputBytes = maxInputBytes
        self.maxNodes = maxNodes
        self.maxDepth = maxDepth
        self.seconds = seconds
        self.maxTextLength = maxTextLength
    }

    var parse: ParseLimits { ParseLimits(maxInputBytes: maxInputBytes, maxNodes: maxNodes, maxDepth: maxDepth) }
}

/// The clean stage: HTML bytes in, main text and metadata out.
///
/// Stateless and `Sendable`: one instance serves every worker. Each call parses its own document.
public struct ArticleCleaner: Sendable {
    public var limits: CleanLimits

    public init(limits: CleanLimits = CleanLimits()) {
        self.limits = limits
    }

    /// Cleans one page. Cost: one libxml2 parse (about 2-3 ms for a 40 KB page) plus linear passes over the
    /// flattened tree.
    /// - Parameters:
    ///   - transportCharset: the charset the HTTP response named, which wins over `<meta>`.
    ///   - pageURL: the page's address (a date in its path is a publication-date source).
    ///   - fetchedDay: the day the page was read (`YYYY-MM-DD`); later publication dates are rejected.
    public func clean(
        bytes: [UInt8], transportCharset: String? = nil, pageURL: String? = nil, fetchedDay: String? = nil
    ) throws(CleanError) -> CleanedArticle {
        let decision = CharsetDetector.detect(bytes, transportCharset: transportCharset)
        let body = bytes[decision.bomLength...]
        if !decision.charset.hasPrefix("UTF-16"), !decision.charset.hasPrefix("UTF-32"),
            let reason = BinarySniffer.binaryReason(body)
        {
            throw .notText(detail: reason)
        }
        var warnings: [ArticleWarning] = []
        var utf8 = Self.utf8Bytes(body, charset: decision.charset, validated: decision.validatedUTF8)
        warnings += Self.repairCharacters(&utf8)
        if utf8.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x0C }) {
            return CleanedArticle(
                text: "", emptyReason: "the input is empty", charset: decision.charset, charsetSource: decision.source,
                warnings: warnings)
        }
        if utf8.count > limits.maxInputBytes {
            // Decoding can make a page longer than the bytes read (UTF-16 to UTF-8): cut at a character.
            var end = limits.maxInputBytes
            while end > 0, utf8[end] & 0xC0 == 0x80 { end -= 1 }
            warnings.append(
                ArticleWarning(
                    .inputCut, "the page has \(utf8.count) bytes as UTF-8; only the first \(end) were read"))
            utf8.removeSubrange(end...)
        }
        // Each tag and the text after it are nodes: half the node budget in tags keeps the tree within it.
        let repair = BinarySniffer.repairMarkup(utf8, maxTags: max(1, limits.maxNodes / 2 - 16))
        warnings += repair.warnings
        utf8 = repair.bytes
        let started = DispatchTime.now().uptimeNanoseconds
        func checkBudget() throws(CleanError) {
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            if seconds > limits.seconds { throw .timeBudget(seconds: seconds, limit: limits.seconds) }
        }
        let tree: DOMTree
        do {
            tree = try HTMLTreeBuilder.parse(bytes: utf8, encoding: "UTF-8", limits: limits.parse).tree
        } catch {
            throw .parse(detail: error.description)
        }
        try checkBudget()
        let metadata = MetadataExtractor(tree: tree).extract(pageURL: pageURL, latestDay: fetchedDay)
        let content = MainContentExtractor(tree: tree).extract(title: metadata.title)
        warnings += content.warnings
        var paragraphs = content.paragraphs
        var emptyReason = content.emptyReason
        // JSON-LD articleBody is used when the DOM gave nothing: some pages render their text from script.
        if paragraphs.isEmpty, let jsonBody = metadata.jsonLDBody.map(Self.paragraphs(fromPlainText:)),
            !jsonBody.isEmpty
        {
            paragraphs = jsonBody
            emptyReason = nil
        }
        var repairs = TextRepair()
        let text = repairs.text(of: paragraphs, maxLength: limits.maxTextLength)
        let captions = content.captions.map { repairs.normalized($0) }
        return CleanedArticle(
            text: text, emptyReason: text.isEmpty ? emptyReason : nil,
            captions: captions, title: metadata.title,
            authors: metadata.authors,
            published: metadata.published, publishedSource: metadata.publishedSource, modified: metadata.modified,
            canonicalURL: metadata.canonicalURL, siteName: metadata.siteName, description: metadata.description,
            language: metadata.language ?? (text.isEmpty ? nil : LanguageGuesser.guess(text)),
            section: metadata.section,
            charset: decision.charset,
            charsetSource: decision.source,
            warnings: warnings + repairs.warnings)
    }

    /// Cleans plain text: line endings unified, paragraphs kept, control and invisible characters dropped,
    /// NFC, brought within the text limit as a page's text is (``TextRepair/text(of:maxLength:)``); its
    /// language guessed as for a page that declares none.
    public func clean(text: String) -> CleanedArticle {
        var bytes = Array(text.utf8)
        let warnings = Self.repairCharacters(&bytes)
        let input = warnings.isEmpty ? text : String(decoding: bytes, as: UTF8.self)
        var repairs = TextRepair()
        let joined = repairs.text(of: Self.paragraphs(fromPlainText: input), maxLength: limits.maxTextLength)
        return CleanedArticle(
            text: joined, emptyReason: joined.isEmpty ? "the input is empty" : nil,
            language: joined.isEmpty ? nil : LanguageGuesser.guess(joined), warnings: warnings + repairs.warnings)
    }

    /// Removes control characters and cuts overlong runs of combining marks from UTF-8 text; what was done,
    /// as warnings.
    static func repairCharacters(_ utf8: inout [UInt8]) -> [ArticleWarning] {
        let controls = BinarySniffer.removeControls(&utf8)
        let marks = TextRepair.capCombiningRuns(&utf8)
        return
            (controls == 0
            ? [] : [ArticleWarning(.controlCharactersRemoved, "\(controls) control characters were removed")])
            + TextRepair.combiningWarning(marks)
    }

    /// Splits plain text into paragraphs at blank lines (or at every line when there are no blank lines),
    /// collapsing white space inside each.
    static func paragraphs(fromPlainText text: String) -> [String] {
        let unified = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        let hasBlankLines = unified.contains("\n\n")
        let pieces = hasBlankLines ? unified.components(separatedBy: "\n\n") : unified.components(separatedBy: "\n")
        return pieces.compactMap { piece in
            var accumulator = TextAccumulator()
            accumulator.append(piece, inLink: false)
            let text = accumulator.finish().text
            return text.isEmpty ? nil : text
        }
    }

    /// Decodes `bytes` from `charset` into well-formed UTF-8. Invalid UTF-8 is repaired with U+FFFD (libxml2
    /// would switch the rest of the page to Latin-1); other charsets go through iconv.
    static func utf8Bytes(_ bytes: ArraySlice<UInt8>, charset: String, validated: Bool = false) -> [UInt8] {
        let result: [UInt8]
        if charset == "UTF-8" {
            result =
                validated || CharsetDetector.isValidUTF8(bytes)
                ? Array(bytes) : Array(String(decoding: bytes, as: UTF8.self).utf8)
        } else if let decoded = IconvDecoder.decode(Array(bytes), from: charset) {
            result = decoded
        } else {
            // A label iconv does not know: windows-1252 never fails and keeps ASCII intact.
            result =
                IconvDecoder.decode(Array(bytes), from: "WINDOWS-1252")
                ?? Array(String(decoding: bytes, as: UTF8.self).utf8)
        }
        return result
    }
}
