/// Byte tests on text that markup names and values share: they find an ASCII word without making a string of
/// the bytes or lower-casing them. Exact as a first test before a `String` rule: the only scalars outside ASCII
/// that are canonically, or lower-case to, an ASCII letter are U+212A (K, "k") and U+0130 ("i" and a combining
/// dot), so a word without "k" or "i" is in the lower-cased text only if its bytes are, in any case, in the bytes.
public enum ASCIIText {
    /// Whether `bytes` hold `word` (lower-case ASCII letters and punctuation), ASCII letters in any case.
    /// O(bytes × word).
    @inlinable
    public static func contains<Bytes: RandomAccessCollection>(
        _ bytes: Bytes, lowercaseWord word: StaticString
    )
        -> Bool where Bytes.Element == UInt8, Bytes.Index == Int
    {
        let length = word.utf8CodeUnitCount
        let letters = word.utf8Start
        var start = bytes.startIndex
        while start + length <= bytes.endIndex {
            var offset = 0
            while offset < length {
                let byte = bytes[start + offset]
                guard (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) == letters[offset] else { break }
                offset += 1
            }
            if offset == length { return true }
            start += 1
        }
        return false
    }
}
