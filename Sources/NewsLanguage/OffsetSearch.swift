extension RandomAccessCollection where Index == Int {
    /// The index of the element whose `offset` is `value`, in a collection ordered by strictly increasing
    /// `offset` (tokens or words by the scalar offset where they start, or where they end); nil when none has
    /// it. O(log count), where a dictionary of every element's offset, built per sentence or article, hashed
    /// more than the look-ups saved (callgrind).
    @inlinable
    package func index(where offset: (Element) -> Int, is value: Int) -> Int? {
        var low = startIndex
        var high = endIndex
        while low < high {
            let middle = low + (high - low) / 2
            if offset(self[middle]) < value { low = middle + 1 } else { high = middle }
        }
        return low < endIndex && offset(self[low]) == value ? low : nil
    }
}
