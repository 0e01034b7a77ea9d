import Foundation
import NewsFuzz
import Testing

/// Replays every input in `fuzz/regressions/` through the fuzz target: each must end in valid records (the
/// target traps otherwise).
struct FuzzRegressionTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("fuzz/regressions")

    static var inputs: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    @Test func thereIsARegressionCorpus() {
        #expect(Self.inputs.count >= 6)
    }

    @Test(arguments: FuzzRegressionTests.inputs)
    func replays(name: String) throws {
        let bytes = Array(try Data(contentsOf: Self.folder.appendingPathComponent(name)))
        #expect(FuzzEntry.run(bytes) >= 1)
    }
}
