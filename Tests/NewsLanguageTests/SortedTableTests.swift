import Testing

@testable import NewsLanguage

struct SortedTableTests {
    private static let table = SortedTable(
        """
        # a comment
        # another
        keys\trow
        abu ali\t00003
        abu ali hassan\t00001
        abu ali hassan\t00002
        abubakar\t00004
        bush\t00000
        """)

    private func keys(_ range: Range<Int>) -> [String] { range.map { Self.table.fields($0).joined(separator: "|") } }

    @Test func skipsTheHeaderAndReadsTheLastLineWithoutANewline() {
        #expect(Self.table.count == 5)
        #expect(Self.table.fields(0) == ["abu ali", "00003"])
        #expect(Self.table.fields(4) == ["bush", "00000"])
    }

    @Test func findsTheLinesThatStartWithAPrefix() {
        let all = 0..<Self.table.count
        #expect(
            keys(Self.table.lines(startingWith: Array("abu ali hassan\t".utf8), in: all)) == [
                "abu ali hassan|00001", "abu ali hassan|00002",
            ])
        // A whole word: "abu ali" followed by a tab is one line; followed by a space, the longer name.
        #expect(keys(Self.table.lines(startingWith: Array("abu ali\t".utf8), in: all)) == ["abu ali|00003"])
        #expect(keys(Self.table.lines(startingWith: Array("abu ali ".utf8), in: all)).count == 2)
        // "abu" + space does not take "abubakar".
        #expect(keys(Self.table.lines(startingWith: Array("abu ".utf8), in: all)).count == 3)
        #expect(keys(Self.table.lines(startingWith: Array("abu".utf8), in: all)).count == 4)
    }

    @Test func findsNothingForAnAbsentKeyOrOutsideTheRange() {
        let all = 0..<Self.table.count
        #expect(Self.table.lines(startingWith: Array("abc".utf8), in: all).isEmpty)
        #expect(Self.table.lines(startingWith: Array("zed".utf8), in: all) == 5..<5)
        #expect(Self.table.lines(startingWith: Array("bush".utf8), in: 0..<4).isEmpty)
        #expect(Self.table.lines(startingWith: Array("bush".utf8), in: 3..<5) == 4..<5)
    }

    @Test func theKeyIndexGivesTheLinesOfEveryKeyAndNoneForAbsentOnes() {
        // A table with a tab ending keys: a key is everything before the tab.
        #expect(Self.table.lines(ofKey: "abu ali") == 0..<1)
        #expect(Self.table.lines(ofKey: "abu ali hassan") == 1..<3)
        #expect(Self.table.lines(ofKey: "abubakar") == 3..<4)
        #expect(Self.table.lines(ofKey: "bush") == 4..<5)
        for absent in ["zed", "abu", "abu al", "bus", "bushes", ""] {
            #expect(Self.table.lines(ofKey: absent) == nil, "\(absent)")
            #expect(!Self.table.hasKey(absent), "\(absent)")
        }
        // With a space also ending a key, a phrase table answers for first words: every phrase that starts with it.
        let phrases = SortedTable(
            "keys\trow\nabu\t0\nabu ali\t1\nabu ali hassan\t2\nabubakar\t3\nbush\t4\n", keyStops: [0x20, 0x09])
        #expect(phrases.lines(ofKey: "abu") == 0..<3)
        #expect(phrases.lines(ofKey: "abubakar") == 3..<4)
        #expect(phrases.hasKey("bush"))
        #expect(!phrases.hasKey("ali"))
        #expect(!phrases.hasKey("abu ali"))
        // Whole lines: a one-column table, and a line that is a prefix of another.
        let lemmas = SortedTable("lemma\nbreak\nbreakfast\nburn\n")
        #expect(lemmas.containsLine("break"))
        #expect(lemmas.containsLine("breakfast"))
        #expect(!lemmas.containsLine("brea"))
        #expect(!lemmas.containsLine("burns"))
    }

    @Test func aTableReadByLineNumberOnlyReadsTheSameLines() {
        let rows = SortedTable("keys\trow\nabu ali\t00003\nbush\t00000\n", indexed: false)
        #expect(rows.count == 2)
        #expect(rows.fields(1) == ["bush", "00000"])
        #expect(rows.field(0, 1) == "00003")
    }

    @Test func aKeyIndexOfManyKeysFindsEachOne() {
        // Enough keys that probes collide and run on: every key found at its line, and near misses not.
        let words = (0..<3000).map { "w\($0 * 7919 % 3000)" }.sorted {
            Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8))
        }
        let text = "key\trow\n" + words.enumerated().map { "\($1)\t\($0)" }.joined(separator: "\n")
        let bytes = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: text.utf8.count)
        defer { bytes.deallocate() }
        _ = bytes.initialize(from: text.utf8)
        let table = SortedTable(bytes: UnsafeBufferPointer(bytes))
        for (line, word) in words.enumerated() {
            #expect(table.lines(ofKey: word) == line..<(line + 1), "\(word)")
        }
        #expect(table.lines(ofKey: "w3000") == nil)
        #expect(table.lines(ofKey: "w") == nil)
    }

    @Test func phrasesAreFoundShortestFirstAndFieldsAreReadByColumn() {
        let table = SortedTable(
            """
            keys\tcode\tblock
            carried\t---\tcarry
            carried out\t043\tcarry
            carried out\t044\tperform
            said\t010\tsay
            """,
            keyStops: [0x20, 0x09])
        let keys = ["they", "carried", "out", "raids", "and", "said"]
        // With the first key's hash computed by the table, or given (as a token gives it): the same phrases.
        for givesHash in [false, true] {
            var found: [(start: Int, end: Int, codes: [String])] = []
            for start in keys.indices {
                let hash = givesHash ? ByteHash.hash(keys[start]).value : nil
                table.phrases(count: keys.count, from: start, firstKeyHash: hash, key: { keys[$0] }) { end, lines in
                    found.append((start, end, lines.map { table.field($0, 1) }))
                }
            }
            #expect(
                found.map { "\($0.start)-\($0.end):\($0.codes.joined(separator: ","))" } == [
                    "1-2:---", "1-3:043,044", "5-6:010",
                ])
        }
        for key in keys + ["carried out", ""] {
            #expect(table.lines(ofKey: key, hash: ByteHash.hash(key).value) == table.lines(ofKey: key), "\(key)")
        }
        #expect(table.lines(ofKey: "carried") == 0..<3)
        #expect(table.field(2, 2) == "perform")
        #expect(table.field(2, 3) == "")
        #expect(table.field(0, 0) == "carried")
    }
}
