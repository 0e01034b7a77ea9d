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

    @Test func theKeyFilterPassesEveryKeyAndStopsAbsentOnes() {
        for key in ["abu ali", "abu ali hassan", "abubakar", "bush"] { #expect(Self.table.mayHaveKey(key), "\(key)") }
        // FNV-1a is fixed, so these absent keys are stopped on every run (a Bloom filter may pass a few others).
        #expect(!Self.table.mayHaveKey("zed"))
        #expect(!Self.table.mayHaveKey("abu"))
        // With a space also ending a key, a phrase table answers for first words.
        let phrases = SortedTable("keys\trow\nabu ali\t1\nbush\t2\n", keyStops: [0x20, 0x09])
        #expect(phrases.mayHaveKey("abu"))
        #expect(phrases.mayHaveKey("bush"))
        #expect(!phrases.mayHaveKey("ali"))
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
        var found: [(start: Int, end: Int, codes: [String])] = []
        for start in keys.indices {
            table.phrases(count: keys.count, from: start, key: { keys[$0] }) { end, lines in
                found.append((start, end, lines.map { table.field($0, 1) }))
            }
        }
        #expect(
            found.map { "\($0.start)-\($0.end):\($0.codes.joined(separator: ","))" } == [
                "1-2:---", "1-3:043,044", "5-6:010",
            ])
        #expect(table.field(2, 2) == "perform")
        #expect(table.field(2, 3) == "")
        #expect(table.field(0, 0) == "carried")
    }
}
