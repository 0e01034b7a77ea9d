import Foundation
import NewsSink

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A hash table kept in a file instead of the heap, for what grows with the number of articles a cron job has
/// ever recorded: keys of 128 bits (the first half of a SHA-256, ``Key``) with two 64-bit values each, open
/// addressing with linear probing, read and written with `pread`/`pwrite` a few slots at a time. What it
/// holds lives in the kernel's page cache, which the kernel may drop to disk, never in the process's own
/// memory. It grows by doubling when half full.
///
/// The file is created in `folder` and unlinked at once: it disappears with the process, a killed one too. A
/// table is a cache of what other files hold (the run state rebuilds it on every start), never a record.
///
/// Not thread-safe: its owner serialises calls.
package final class DiskTable {
    /// A key: 128 bits of a SHA-256. Among a billion keys, two collide with a probability of about 2^-69. An
    /// article's look-up reads the line its key leads to and compares the article id, so even then it never
    /// answers for another article; a collision of bytes hashes or record ids would skip one page or one record.
    package struct Key: Hashable, Sendable {
        package var high: UInt64
        package var low: UInt64

        /// The key of `string` in the family `tag` (keys of different families never meet).
        package init(_ string: String, tag: UInt8) {
            (high, low) = ContentHash.sha256Prefix(of: string, tag: tag)
            // All zero marks an empty slot.
            if high == 0, low == 0 { low = 1 }
        }

        /// The key of a string's UTF-8 `bytes` (the same as of the string).
        package init(bytes: ArraySlice<UInt8>, tag: UInt8) {
            (high, low) = ContentHash.sha256Prefix(of: bytes, tag: tag)
            if high == 0, low == 0 { low = 1 }
        }
    }

    /// The two values stored with a key.
    package struct Values: Equatable, Sendable {
        package var first: UInt64
        package var second: UInt64

        package init(_ first: UInt64, _ second: UInt64) {
            self.first = first
            self.second = second
        }
    }

    static let slotWords = 4
    /// Slots read per step of a probe: 256 bytes.
    static let windowSlots = 8
    static let minimumCapacity = 1 << 10

    private let folder: String
    private var descriptor: Int32
    /// Slots in the file, a power of two.
    package private(set) var capacity: Int
    /// Keys stored.
    package private(set) var count = 0
    private var window: [UInt64]

    /// A table sized for `expected` keys without growing.
    package init(folder: String, expected: Int = 0) throws(StateError) {
        self.folder = folder
        var capacity = Self.minimumCapacity
        while capacity < 2 * expected { capacity <<= 1 }
        self.capacity = capacity
        window = [UInt64](repeating: 0, count: Self.windowSlots * Self.slotWords)
        descriptor = try Self.createFile(in: folder, slots: capacity)
    }

    deinit {
        close(descriptor)
    }

    /// The values stored with `key`, or nil.
    package func values(for key: Key) throws(StateError) -> Values? {
        switch try probe(key) {
        case .found(_, let values): return values
        case .empty: return nil
        }
    }

    /// Stores `values` with `key`, replacing what it had; true when the key is new.
    @discardableResult
    package func set(_ key: Key, _ values: Values) throws(StateError) -> Bool {
        try update(key) { _ in values }
    }

    /// Stores what `change` makes of the key's values (nil when the key is new), with one look-up; true when
    /// the key is new.
    @discardableResult
    package func update(_ key: Key, _ change: (Values?) -> Values) throws(StateError) -> Bool {
        if (count + 1) * 2 > capacity { try grow() }
        switch try probe(key) {
        case .found(let slot, let values):
            let changed = change(values)
            if changed != values { try write(slot: slot, key: key, values: changed) }
            return false
        case .empty(let slot):
            try write(slot: slot, key: key, values: change(nil))
            count += 1
            return true
        }
    }

    /// Adds `key` with zero values when it is not there; true when it was not.
    @discardableResult
    package func insert(_ key: Key) throws(StateError) -> Bool {
        try update(key) { $0 ?? Values(0, 0) }
    }

    // MARK: - Slots

    private enum Probe {
        case found(slot: Int, Values)
        case empty(slot: Int)
    }

    /// Walks from the key's home slot, a window of slots at a time, to the key or the first empty slot (there
    /// is always one: the table is never more than half full, so the first window nearly always answers).
    private func probe(_ key: Key) throws(StateError) -> Probe {
        var slot = Int(truncatingIfNeeded: key.low) & (capacity - 1)
        while true {
            let slots = min(Self.windowSlots, capacity - slot)
            try readSlots(from: slot, count: slots)
            for index in 0..<slots {
                let word = index * Self.slotWords
                let high = window[word]
                let low = window[word + 1]
                if high == 0, low == 0 { return .empty(slot: slot + index) }
                if high == key.high, low == key.low {
                    return .found(slot: slot + index, Values(window[word + 2], window[word + 3]))
                }
            }
            slot = (slot + slots) & (capacity - 1)
        }
    }

    private func readSlots(from slot: Int, count slots: Int) throws(StateError) {
        let bytes = slots * Self.slotWords * 8
        let offset = off_t(slot * Self.slotWords * 8)
        let failure = window.withUnsafeMutableBytes { buffer -> Int32 in
            var done = 0
            while done < bytes {
                let count = pread(descriptor, buffer.baseAddress! + done, bytes - done, offset + off_t(done))
                if count < 0, errno == EINTR { continue }
                if count <= 0 { return count == 0 ? EIO : errno }
                done += count
            }
            return 0
        }
        if failure != 0 { throw Self.error(folder, "cannot read a table file", failure) }
    }

    private func write(slot: Int, key: Key, values: Values) throws(StateError) {
        let words = [key.high, key.low, values.first, values.second]
        let offset = off_t(slot * Self.slotWords * 8)
        let failure = words.withUnsafeBytes { buffer -> Int32 in
            var done = 0
            while done < buffer.count {
                let count = pwrite(descriptor, buffer.baseAddress! + done, buffer.count - done, offset + off_t(done))
                if count < 0, errno == EINTR { continue }
                if count <= 0 { return count == 0 ? EIO : errno }
                done += count
            }
            return 0
        }
        if failure != 0 { throw Self.error(folder, "cannot write a table file (disk full?)", failure) }
    }

    /// Moves every key into a new file of twice the slots.
    private func grow() throws(StateError) {
        let oldDescriptor = descriptor
        let oldCapacity = capacity
        descriptor = try Self.createFile(in: folder, slots: oldCapacity * 2)
        capacity = oldCapacity * 2
        count = 0
        defer { close(oldDescriptor) }
        var chunk = [UInt64](repeating: 0, count: 8192 * Self.slotWords)
        var slot = 0
        while slot < oldCapacity {
            let slots = min(8192, oldCapacity - slot)
            let bytes = slots * Self.slotWords * 8
            let read = chunk.withUnsafeMutableBytes {
                pread(oldDescriptor, $0.baseAddress!, bytes, off_t(slot * Self.slotWords * 8))
            }
            guard read == bytes else { throw Self.error(folder, "cannot read a table file", read < 0 ? errno : EIO) }
            for index in 0..<slots {
                let word = index * Self.slotWords
                guard chunk[word] != 0 || chunk[word + 1] != 0 else { continue }
                let key = Key(high: chunk[word], low: chunk[word + 1])
                try set(key, Values(chunk[word + 2], chunk[word + 3]))
            }
            slot += slots
        }
    }

    /// A new file in `folder`, open to read and write, already unlinked (it goes when its descriptor closes).
    package static func unlinkedFile(in folder: String) throws(StateError) -> Int32 {
        var template = Array((folder + "/.newsevents-table-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw error(folder, "cannot create a temporary file", errno) }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        return descriptor
    }

    private static func createFile(in folder: String, slots: Int) throws(StateError) -> Int32 {
        let descriptor = try unlinkedFile(in: folder)
        // A sparse file of zeros: every slot empty, no disk used until written.
        guard ftruncate(descriptor, off_t(slots * slotWords * 8)) == 0 else {
            let code = errno
            close(descriptor)
            throw error(folder, "cannot size a table file", code)
        }
        return descriptor
    }

    private static func error(_ folder: String, _ what: String, _ code: Int32) -> StateError {
        StateError(path: folder, message: "\(what): \(String(cString: strerror(code)))")
    }
}

extension DiskTable.Key {
    init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }
}

/// A set of record ids that holds the first ones in memory and moves to a ``DiskTable`` past `memoryLimit`:
/// a filter or a run over millions of articles keeps a flat peak, a small one never touches the disk. Ids are
/// kept as 128-bit keys, not as strings. When no table file can be created the set stays in memory (a
/// read-only temporary folder must not stop a filter).
///
/// Not thread-safe.
package final class RecordIDSet {
    private var memory: Set<DiskTable.Key> = []
    private var table: DiskTable?
    private let folder: String
    private let memoryLimit: Int
    private var spillFailed = false

    package init(folder: String, memoryLimit: Int = 1 << 16) {
        self.folder = folder
        self.memoryLimit = memoryLimit
    }

    /// Whether the ids were moved to a file.
    package var onDisk: Bool { table != nil }

    /// Adds `id`; true when it was not there.
    package func insert(_ id: String) throws(StateError) -> Bool {
        let key = DiskTable.Key(id, tag: 0x69)
        if let table { return try table.insert(key) }
        guard memory.insert(key).inserted else { return false }
        if memory.count > memoryLimit, !spillFailed {
            do {
                let table = try DiskTable(folder: folder, expected: memory.count * 4)
                for key in memory { try table.insert(key) }
                self.table = table
                memory = []
            } catch {
                spillFailed = true
            }
        }
        return true
    }
}
