/// FNV-1a over bytes, for the tables of words searched at every token (`SortedTable`, `WordSet`, NewsExtract's
/// `PhraseTrie`): stable across runs, unlike `Hasher`, which is seeded per process, and free of the
/// normalization checks of `String`'s own hashing.
package enum ByteHash {
    package static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325

    /// The hash of `bytes` after `seed` (the offset basis, or one mixed with a number such as a trie node's),
    /// its high bits folded into the low ones that pick a slot, and whether every byte is ASCII.
    @inlinable
    package static func hash<Bytes: Sequence>(
        _ bytes: Bytes, seed: UInt64 = offsetBasis
    ) -> (
        value: UInt64, isASCII: Bool
    ) where Bytes.Element == UInt8 {
        var value = seed
        var any: UInt8 = 0
        for byte in bytes {
            value = (value ^ UInt64(byte)) &* 0x100_0000_01b3
            any |= byte
        }
        return (value ^ (value >> 29), any < 0x80)
    }

    /// The offset basis mixed with `number` (a golden-ratio multiple, so that nearby numbers differ in many bits).
    @inlinable
    package static func seed(_ number: Int32) -> UInt64 {
        offsetBasis ^ (UInt64(UInt32(bitPattern: number)) &* 0x9E37_79B9_7F4A_7C15)
    }
}
