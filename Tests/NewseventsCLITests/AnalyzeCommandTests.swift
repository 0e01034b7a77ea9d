import Foundation
import Testing

struct AnalyzeCommandTests {
    @Test func splitsSentencesAndGivesEachItsWordsAndRelations() throws {
        let text = "Hackers hit the ministry. It was attacked by Iran."
        let result = try CommandRunner.run(["analyze"], stdin: Data(text.utf8))
        #expect(result.status == 0)
        let records = result.records
        #expect(records.count == 2)
        let words = try #require(records.first?["words"] as? [[String: Any]])
        #expect(words.map { $0["upos"] as? String } == ["NOUN", "VERB", "DET", "NOUN", "PUNCT"])
        #expect(words.map { $0["lemma"] as? String } == ["hacker", "hit", "the", "ministry", "."])
        #expect(records[1]["start"] as? Int == 26)
        let relations = try #require(records[1]["relations"] as? [[String: Any]])
        let labels = relations.map { $0["label"] as? String }
        #expect(labels == ["nsubj:pass", "obl:agent"])
    }

    @Test func linesModeKeepsOneSentencePerLineInCoNLLU() throws {
        let result = try CommandRunner.run(
            ["analyze", "--lines", "--format", "conllu"], stdin: Data("Talks failed. Iran left.\n\nPeace.".utf8))
        #expect(result.status == 0)
        let blocks = result.stdout.components(separatedBy: "\n\n").filter { !$0.isEmpty }
        // Three input lines, three sentences (the empty one with no words), in order.
        #expect(blocks.count == 3)
        #expect(blocks[0].hasPrefix("# sent_id = 1\n# text = Talks failed. Iran left.\n1\tTalks\ttalk\tNOUN"))
        #expect(blocks[1] == "# sent_id = 2\n# text = ")
        #expect(blocks[2].contains("1\tPeace\t"))
    }

    @Test func anUnreadableFileIsAClearError() throws {
        let result = try CommandRunner.run(["analyze", "/nonexistent/words.txt"])
        #expect(result.status == 1)
        #expect(result.stderr == "newsevents: error: cannot read '/nonexistent/words.txt'\n")
        #expect(result.stdout.isEmpty)
    }
}

struct DatesCommandTests {
    @Test func datesPrintsAnArrayOrOneExpressionPerLine() throws {
        let text = Data("The minister resigned on Friday and left on 3 March 2021.".utf8)
        let array = try CommandRunner.run(["dates", "--dct", "2022-09-12"], stdin: text)
        #expect(array.status == 0)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(array.stdout.utf8)) as? [[String: Any]])
        #expect(parsed.map { $0["value"] as? String ?? "" } == ["2022-09-09", "2021-03-03"])
        let lines = try CommandRunner.run(["dates", "--dct", "2022-09-12", "--format", "jsonl"], stdin: text)
        #expect(lines.status == 0)
        #expect(lines.records.map { $0["value"] as? String ?? "" } == ["2022-09-09", "2021-03-03"])
        #expect(lines.stdout.split(separator: "\n").count == 2)
        // Its twin: a text with no date gives an empty array, and no line at all.
        let none = Data("Nothing happened.".utf8)
        #expect(try CommandRunner.run(["dates"], stdin: none).stdout == "[]\n")
        #expect(try CommandRunner.run(["dates", "--format", "jsonl"], stdin: none).stdout == "")
    }
}
