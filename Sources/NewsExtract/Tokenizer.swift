/// A word of the text: a maximal run of letters and digits, with its offsets in Unicode scalars.
struct Token: Sendable, Equatable {
    /// Lower-cased form used for lookups.
    var key: String
    /// Offsets into the text's scalars, end exclusive.
    var start: Int
    var end: Int
    /// Whether the first scalar is upper-case, and whether every letter is.
    var isCapitalized: Bool
    var isAllCaps: Bool
}

/// The text as Unicode scalars plus its tokens. Offsets everywhere in NewsExtract are scalar offsets, the
/// unit that the benchmarks and the JSON records use.
struct TokenizedText: Sendable {
    let scalars: [Unicode.Scalar]
    let tokens: [Token]

    /// Tokenizes `text`. O(n); one allocation per token.
    init(_ text: String) {
        let scalars = Array(text.unicodeScalars)
        var tokens: [Token] = []
        var index = 0
        while index < scalars.count {
            guard Self.isWordScalar(scalars[index]) else {
                index += 1
                continue
            }
            let start = index
            var allCaps = true
            var key = String.UnicodeScalarView()
            while index < scalars.count, Self.isWordScalar(scalars[index]) {
                let scalar = scalars[index]
                if scalar.properties.isLowercase { allCaps = false }
                key.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
                index += 1
            }
            tokens.append(
                Token(
                    key: String(key), start: start, end: index, isCapitalized: scalars[start].properties.isUppercase,
                    isAllCaps: allCaps && scalars[start].properties.isUppercase))
        }
        self.scalars = scalars
        self.tokens = tokens
    }

    /// The text between two scalar offsets.
    func text(from start: Int, to end: Int) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<end])
        return String(view)
    }

    /// Whether the scalars between two tokens (`left` ends, `right` starts) are only spaces.
    func onlySpaceBetween(_ left: Int, _ right: Int) -> Bool {
        scalars[left..<right].allSatisfy { $0 == " " }
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType == .decimal
            || scalar.properties.generalCategory == .nonspacingMark
    }

    /// Splits a gazetteer form into lookup keys the same way text is split.
    static func keys(of form: String) -> [String] {
        TokenizedText(form).tokens.map(\.key)
    }
}
