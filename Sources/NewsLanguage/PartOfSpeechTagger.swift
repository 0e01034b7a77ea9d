/// Gives every word a universal part of speech: the lexicon's most frequent tag (or the unknown-word guess),
/// then the learned context rules in order. Every table is data (`Data/*.tsv`); no statistical model runs.
///
/// Cost: O(words × rules) comparisons of small enums per sentence, plus one dictionary look-up per word.
struct PartOfSpeechTagger: Sendable {
    let lexicon: Lexicon
    let guesser: UnknownWordGuesser
    let rules: [ContextRule]
    /// The words the rules name, lower-cased, each at its id.
    let vocabulary: WordSet
    /// The WordNet signatures the rules name, each at its id.
    let signatures: WordSet

    init(
        lexicon: Lexicon, guesser: UnknownWordGuesser, rules: [ContextRule], vocabulary: [String: Int32],
        signatures: [String: Int32]
    ) {
        self.lexicon = lexicon
        self.guesser = guesser
        self.rules = rules
        self.vocabulary = WordSet(ids: vocabulary)
        self.signatures = WordSet(ids: signatures)
    }

    /// Tags `words` in place and returns each word's lexicon entry (nil for unknown words), which the
    /// lemmatizer reads next.
    @discardableResult
    func tag(_ words: inout [Word]) -> [Lexicon.Entry?] {
        var tags: [PartOfSpeech] = []
        var allowed: [UInt32] = []
        var entries: [Lexicon.Entry?] = []
        var features = WordFeatures(words: words, signatureIDs: signatures)
        tags.reserveCapacity(words.count)
        allowed.reserveCapacity(words.count)
        entries.reserveCapacity(words.count)
        for (index, word) in words.enumerated() {
            if let (entry, exact) = lexicon.entry(for: word) {
                tags.append(entry.tags.first ?? .noun)
                features.know(signature: entry.signature, at: index)
                var options = entry.allowedBits
                if !exact && word.isCapitalized && index > 0 { options |= PartOfSpeech.properNoun.bit }
                allowed.append(options)
                entries.append(entry)
            } else {
                let guess = guesser.guess(word, initial: index == 0)
                tags.append(guess.tag)
                features.know(signature: guess.signature, at: index, shape: guess.shape)
                allowed.append(PartOfSpeech.unknownWordBits(signature: guess.signature))
                entries.append(nil)
            }
        }
        let ids = words.map { vocabulary.index(of: $0.lower).map(Int32.init) ?? -1 }
        if words.count <= 64 {
            applyRulesByMask(&tags, allowed: allowed, ids: ids, features: &features)
        } else {
            applyRules(&tags, allowed: allowed, ids: ids, features: &features)
        }
        Self.markPossessiveApostrophes(words, &tags)
        for index in words.indices { words[index].tag = tags[index] }
        return entries
    }

    /// The one rule written by hand, after the learned ones (the rules' contexts cannot see a word's last
    /// letter or the spaces around it): an apostrophe written against a word that ends in "s" and followed by
    /// a space and a word ("the states' claims", "Galois' paper") is the possessive (PART), unless a single
    /// quotation is open ("'the states' claims" closes one). Any other apostrophe opens or closes a quotation.
    /// `scripts/gen-language.py` applies the same rule when it evaluates.
    static func markPossessiveApostrophes(_ words: [Word], _ tags: inout [PartOfSpeech]) {
        var quoting = false
        for index in words.indices {
            switch words[index].form {
            case "\u{2018}": quoting = true
            case "'", "\u{2019}":
                if !quoting && index > 0 && index + 1 < words.count {
                    let before = words[index - 1]
                    let after = words[index + 1]
                    if before.end == words[index].start && after.start > words[index].end
                        && (before.form.last == "s" || before.form.last == "S")
                        && before.form.first.map({ $0.isLetter || $0.isNumber }) == true
                        && after.form.first.map({ $0.isLetter || $0.isNumber }) == true
                    {
                        tags[index] = .particle
                        continue
                    }
                }
                quoting.toggle()
            default: break
            }
        }
    }

    /// The rules in order over a sentence of any length: each rule tests every word.
    private func applyRules(
        _ tags: inout [PartOfSpeech], allowed: [UInt32], ids: [Int32], features: inout WordFeatures
    ) {
        var hits: [Int] = []
        for rule in rules {
            hits.removeAll(keepingCapacity: true)
            // Every context is read before any tag changes: the rule applies to the sentence at once.
            let target = rule.to.bit
            for index in tags.indices where tags[index] == rule.from && allowed[index] & target != 0 {
                if rule.holds(at: index, tags: tags, words: ids, features: &features) { hits.append(index) }
            }
            for index in hits { tags[index] = rule.to }
        }
    }

    /// The same for a sentence of at most 64 words, faster: for each tag, the positions that carry it, and for
    /// each tag, the positions that may take it, as bit sets, so that a rule tests only the words it could
    /// change. Same result as `applyRules`.
    private func applyRulesByMask(
        _ tags: inout [PartOfSpeech], allowed: [UInt32], ids: [Int32], features: inout WordFeatures
    ) {
        let classes = PartOfSpeech.allCases
        var carrying = [UInt64](repeating: 0, count: classes.count)
        var mayTake = [UInt64](repeating: 0, count: classes.count)
        for (index, tag) in tags.enumerated() {
            carrying[tag.index] |= 1 << UInt64(index)
            for (number, candidate) in classes.enumerated() where allowed[index] & candidate.bit != 0 {
                mayTake[number] |= 1 << UInt64(index)
            }
        }
        var hits: UInt64 = 0
        for rule in rules {
            var candidates = carrying[rule.from.index] & mayTake[rule.to.index]
            guard candidates != 0 else { continue }
            hits = 0
            while candidates != 0 {
                let index = candidates.trailingZeroBitCount
                candidates &= candidates - 1
                if rule.holds(at: index, tags: tags, words: ids, features: &features) { hits |= 1 << UInt64(index) }
            }
            guard hits != 0 else { continue }
            carrying[rule.from.index] &= ~hits
            carrying[rule.to.index] |= hits
            while hits != 0 {
                let index = hits.trailingZeroBitCount
                hits &= hits - 1
                tags[index] = rule.to
            }
        }
    }
}
