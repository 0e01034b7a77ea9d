import Foundation
import Testing

@testable import NewsPipeline

/// The on-disk hash table behind the run state and the set of written ids: every key found again with its
/// values after the table grew, none invented; the id set moves to disk past its bound and keeps answering.
struct DiskTableTests {
    @Test func everyKeyIsFoundWithItsValuesAfterTheTableGrewAndNoOtherIs() throws {
        let folder = try temporaryFolder("disktable")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let table = try DiskTable(folder: folder)
        #expect(table.capacity == DiskTable.minimumCapacity)
        for number in 0..<5_000 {
            #expect(try table.set(DiskTable.Key("article \(number)", tag: 1), DiskTable.Values(UInt64(number), 7)))
        }
        #expect(table.count == 5_000)
        #expect(table.capacity == 16_384, "doubled from 1,024 whenever half full")
        for number in stride(from: 0, to: 5_000, by: 37) {
            #expect(
                try table.values(for: DiskTable.Key("article \(number)", tag: 1)) == DiskTable.Values(UInt64(number), 7)
            )
        }
        // Replacing a key's values adds no key.
        #expect(try !table.set(DiskTable.Key("article 12", tag: 1), DiskTable.Values(99, 98)))
        #expect(try table.values(for: DiskTable.Key("article 12", tag: 1)) == DiskTable.Values(99, 98))
        #expect(table.count == 5_000)
        // Keys never stored, and the same string in another family, are not found.
        #expect(try table.values(for: DiskTable.Key("article 5000", tag: 1)) == nil)
        #expect(try table.values(for: DiskTable.Key("article 12", tag: 2)) == nil)
        // The file is unlinked: nothing is left in the folder.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test func theIDSetMovesToDiskPastItsBoundAndStillRefusesEveryIDItHas() throws {
        let folder = try temporaryFolder("disktable")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let spilled = RecordIDSet(folder: folder, memoryLimit: 100)
        for number in 0..<1_000 { #expect(try spilled.insert("event-\(number)")) }
        #expect(spilled.onDisk)
        #expect(try (0..<1_000).allSatisfy { try !spilled.insert("event-\($0)") })
        #expect(try spilled.insert("event-1000"))
        // Its twin under the bound stays in memory and answers the same.
        let small = RecordIDSet(folder: folder, memoryLimit: 100)
        for number in 0..<100 { #expect(try small.insert("event-\(number)")) }
        #expect(!small.onDisk)
        #expect(try !small.insert("event-7") && small.insert("event-100"))
    }
}
