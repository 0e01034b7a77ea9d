import Foundation
import Testing

@testable import NewsPipeline

struct SourceEnumeratorTests {
    private func makeTree() throws -> String {
        let root = NSTemporaryDirectory() + "newsevents-sources-\(UUID().uuidString)"
        let manager = FileManager.default
        for folder in ["b", "a/deep", "a/.hidden"] {
            try manager.createDirectory(atPath: "\(root)/\(folder)", withIntermediateDirectories: true)
        }
        for file in ["z.html", "y.htm.gz", "notes.txt", "b/2.html", "a/1.HTML", "a/deep/0.xhtml", "a/.hidden/x.html"] {
            try Data("<p>x</p>".utf8).write(to: URL(fileURLWithPath: "\(root)/\(file)"))
        }
        try Data("# pages\n\(root)/z.html\nrelative.html\n\n".utf8).write(to: URL(fileURLWithPath: "\(root)/list.txt"))
        return root
    }

    private func drain(_ enumerator: SourceEnumerator) -> [SourceEnumerator.Item] {
        var items: [SourceEnumerator.Item] = []
        while let item = enumerator.next() { items.append(item) }
        return items
    }

    @Test func walksFilesThenFoldersDepthFirstInNameOrderThenListFiles() throws {
        let root = try makeTree()
        defer { try? FileManager.default.removeItem(atPath: root) }
        var sources = PipelineConfig.Sources()
        sources.files = ["\(root)/notes.txt"]
        sources.directories = [root]
        sources.listFiles = ["\(root)/list.txt"]
        let paths = drain(SourceEnumerator(sources: sources)).map { item -> String in
            if case .file(let path) = item { return String(path.dropFirst(root.count + 1)) }
            return "?"
        }
        #expect(
            paths == [
                "notes.txt", "y.htm.gz", "z.html", "a/1.HTML", "a/deep/0.xhtml", "b/2.html", "z.html", "relative.html",
            ])
    }

    @Test func aMissingFolderIsReportedAndTheRestGoesOn() throws {
        let root = try makeTree()
        defer { try? FileManager.default.removeItem(atPath: root) }
        var sources = PipelineConfig.Sources()
        sources.directories = ["/nonexistent/folder", "\(root)/b"]
        let items = drain(SourceEnumerator(sources: sources))
        #expect(
            items == [
                .unlistable(path: "/nonexistent/folder", message: "'/nonexistent/folder' is not a directory"),
                .file("\(root)/b/2.html"),
            ])
    }
}
