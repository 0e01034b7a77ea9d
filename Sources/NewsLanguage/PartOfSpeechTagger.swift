/// Gives every word a universal part of speech: the lexicon's most frequent tag (or the unknown-word guess),
/// then the learned context rules in order. Every table is data (`Data/*.tsv`); no statistical model runs.
///
/// Cost: O(words × rules) comparisons of small enums per sentence, plus one dictionary look-up per word.
struct PartOfSpeechTagger: Sendable {
    let lexicon: Lexicon
    let guesser: UnknownWordGuesser
    let rules: [ContextRule]

    init(lexicon: Lexicon, guesser: UnknownWordGuesser, rules: [ContextRule]) {
        self.lexicon = lexicon
        self.guesser = guesser
        self.rules = rules
    }

    /// Tags `words` in place.
    func tag(_ words: inout [Word]) {
        var tags: [PartOfSpeech] = []
        var allowed: [Set<PartOfSpeech>] = []
        tags.reserveCapacity(words.count)
        allowed.reserveCapacity(words.count)
        for (index, word) in words.enumerated() {
            if let (entry, exact) = lexicon.entry(for: word) {
                tags.append(entry.tags.first ?? .noun)
                var options = Set(entry.tags)
                if !exact && word.isCapitalized && index > 0 { options.insert(.properNoun) }
                allowed.append(options)
            } else {
                tags.append(guesser.guess(word, initial: index == 0))
                allowed.append(PartOfSpeech.openClasses)
            }
        }
        var hits: [Int] = []
        for rule in rules {
            hits.removeAll(keepingCapacity: true)
            // Every context is read before any tag changes: the rule applies to the sentence at once.
            for index in tags.indices where tags[index] == rule.from && allowed[index].contains(rule.to) {
                if rule.holds(at: index, tags: tags, words: words) { hits.append(index) }
            }
            for index in hits { tags[index] = rule.to }
        }
        for index in words.indices { words[index].tag = tags[index] }
    }
}
