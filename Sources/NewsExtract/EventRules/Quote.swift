/// Rule `speech.quote-ends-roles`: a quotation is what its speaker says; a cue inside it takes no target named
/// only after the quotation closes, which is where the speaker stands: in "“The United States firmly opposes
/// intimidation by any claimant,” Esper said" the United States opposes no one named, not Esper.
enum QuoteRule {
    static let id = "speech.quote-ends-roles"

    /// The offset of the closing mark of the quotation that holds the scalar at `offset`, if it closes inside
    /// the sentence (`sentence`: its scalar range). Curly quotes pair “ with ”; straight ones alternate.
    static func closingQuote(after offset: Int, in text: TokenizedText, sentence: Range<Int>) -> Int? {
        var curly = false
        var straight = false
        for index in sentence.lowerBound..<offset {
            switch text.scalars[index] {
            case "“": curly = true
            case "”": curly = false
            case "\"": straight.toggle()
            default: break
            }
        }
        guard curly || straight else { return nil }
        return (offset..<sentence.upperBound).first { index in
            curly && text.scalars[index] == "”" || straight && text.scalars[index] == "\""
        }
    }
}
