/// FNV-1a over bytes, for the tables of words searched at every token (`SortedTable`, `WordSet`, NewsExtract's
/// `PhraseTrie`): stable across runs, unlike `Hasher`, which is seeded per process, and free of the
/// normalization checks of `String`'s own hashing.
package enum ByteHash {
    package static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325

    /// The hash of `bytes` after `seed` (the offset basis, or one mixed with a number such as a trie node's),
    /// its high bits folded into the low ones that pick a slot, and whether every byte is ASCII. Not generic:
    /// a generic version ran unspecialized from other modules, through the element type's witnesses for every
    /// byte (callgrind).
    @inlinable
    package static func hash(
        _ bytes: UnsafeBufferPointer<UInt8>, seed: UInt64 = offsetBasis
    ) -> (
        value: UInt64, isASCII: Bool
    ) {
        var value = seed
        var any: UInt8 = 0
        for byte in bytes {
            value = (value ^ UInt64(byte)) &* 0x100_0000_01b3
            any |= byte
        }
        return (value ^ (value >> 29), any < 0x80)
    }

    /// The hash of `text`'s UTF-8 bytes, as `hash(_:seed:)` gives it.
    @inlinable
    package static func hash(_ text: String, seed: UInt64 = offsetBasis) -> (value: UInt64, isASCII: Bool) {
        var text = text
        return text.withUTF8 { hash($0, seed: seed) }
    }

    /// The offset basis mixed with `number` (a golden-ratio multiple, so that nearby numbers differ in many bits).
    @inlinable
    package static func seed(_ number: Int32) -> UInt64 {
        offsetBasis ^ (UInt64(UInt32(bitPattern: number)) &* 0x9E37_79B9_7F4A_7C15)
    }
}
