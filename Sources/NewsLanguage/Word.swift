/// One token of a sentence as the language layer sees it: words, punctuation and clitics ("n't", "'s") are
/// tokens of their own, as in Universal Dependencies. Offsets are Unicode-scalar offsets into the text that
/// was analysed, end exclusive, the unit every record uses.
package struct Word: Sendable, Equatable {
    /// The token as written.
    package var form: String
    /// `form` lower-cased, for look-ups.
    package var lower: String
    package var start: Int
    package var end: Int
    /// Filled by the tagger.
    package var tag: PartOfSpeech = .other
    package var lemma: String = ""

    package init(form: String, start: Int, end: Int) {
        self.form = form
        self.lower = Self.lowered(form)
        self.start = start
        self.end = end
    }

    /// `form` lower-cased; ASCII forms without capitals are returned as they are, without a copy.
    static func lowered(_ form: String) -> String {
        var hasUpper = false
        for byte in form.utf8 {
            if byte >= 0x80 { return form.lowercased() }
            if byte >= 0x41 && byte <= 0x5A { hasUpper = true }
        }
        return hasUpper ? form.lowercased() : form
    }

    /// Whether the first letter is upper-case.
    package var isCapitalized: Bool { form.first?.isUppercase ?? false }
}
