/// Something the pipeline cut, skipped or repaired to read an article instead of refusing it: the record says
/// what, so that a reader knows the text is not the whole input.
public struct ArticleWarning: Sendable, Hashable {
    /// What was done, as a stable code.
    public enum Code: String, Sendable, Hashable, CaseIterable {
        /// The input was longer than the input limit; only its first bytes were read.
        case inputCut = "input-cut"
        /// A tag carried more attributes than the limit; the rest were dropped.
        case attributesDropped = "attributes-dropped"
        /// The page had more tags than the node budget allows; the markup after the budget was not parsed.
        case markupCut = "markup-cut"
        /// A text block too long to be a paragraph (a text node of megabytes, a one-line menu) was skipped.
        case blockSkipped = "block-skipped"
        /// The main text was longer than the text limit; it was cut at a paragraph break.
        case textCut = "text-cut"
        /// Control characters (C0 other than tab, line feed, form feed and carriage return; DEL; C1) were
        /// removed.
        case controlCharactersRemoved = "control-characters-removed"
        /// Runs of more than 30 combining marks were shortened (Unicode's stream-safe limit, UAX #15).
        case combiningMarksDropped = "combining-marks-dropped"
    }

    public var code: Code
    /// What was cut, in words, with the sizes involved.
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }
}
