import CISAL

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes of a WARC file as a stream, inflated when the file is gzip-compressed (one member per record, as
/// CC-NEWS ships it, or the whole file as one member) with ISA-L's inflate, about twice as fast as zlib's.
/// Reads the descriptor in 1 MiB chunks: memory is one raw chunk, one inflated chunk and the inflate state
/// (about 100 KB) whatever the file's size.
///
/// A corrupt gzip member is reported once (``Read/corrupt(offset:message:)``); the stream then goes on at the
/// next gzip header found after it. Not thread-safe.
final class WARCByteStream {
    enum Read {
        /// Bytes appended to the caller's buffer.
        case data
        /// The end of the input.
        case end
        /// The member that starts at `offset` in the file is corrupt or truncated; what it gave so far belongs
        /// to no record the caller can trust.
        case corrupt(offset: Int, message: String)
    }

    private let descriptor: Int32
    private let path: String
    /// Whether the input is gzip data (decided by its first two bytes).
    private(set) var compressed = false
    private var decided = false
    private var raw = [UInt8](repeating: 0, count: 1 << 20)
    private var rawStart = 0
    private var rawEnd = 0
    /// The file offset of `raw[0]`.
    private var rawBase = 0
    private var atEnd = false
    private var output = [UInt8](repeating: 0, count: 1 << 18)
    private var stream: UnsafeMutablePointer<inflate_state>?
    private var inMember = false
    private var memberOffset = 0
    /// Bytes given to the caller so far (positions in the inflated stream).
    private(set) var produced = 0
    /// Where each gzip member began: (position in the inflated stream, offset in the file), oldest first, pruned
    /// by ``fileOffset(ofStreamPosition:)``.
    private var members: [(stream: Int, file: Int)] = []

    init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
    }

    deinit {
        stream?.deallocate()
    }

    /// The offset in the file of the record that starts at `position` of the stream: the start of its gzip
    /// member (the offset CC-NEWS indexes give), or `position` itself for an uncompressed file. Positions must
    /// be asked in increasing order.
    func fileOffset(ofStreamPosition position: Int) -> Int {
        guard compressed else { return position }
        var index = 0
        while index + 1 < members.count, members[index + 1].stream <= position { index += 1 }
        if index > 0 { members.removeFirst(index) }
        return members.first?.file ?? 0
    }

    /// Appends the next bytes of the stream to `buffer`.
    func read(into buffer: inout [UInt8]) throws(FetchError) -> Read {
        if !decided {
            guard try fill(atLeast: 2) else {
                decided = true
                return appendRaw(into: &buffer)
            }
            decided = true
            compressed = raw[rawStart] == 0x1F && raw[rawStart + 1] == 0x8B
            if compressed {
                let state = UnsafeMutablePointer<inflate_state>.allocate(capacity: 1)
                newsevents_isal_start(state)
                stream = state
            }
        }
        return compressed ? try inflate(into: &buffer) : appendRaw(into: &buffer)
    }

    private func appendRaw(into buffer: inout [UInt8]) -> Read {
        if rawStart == rawEnd {
            guard (try? fill(atLeast: 1)) == true else { return .end }
        }
        buffer.append(contentsOf: raw[rawStart..<rawEnd])
        produced += rawEnd - rawStart
        rawStart = rawEnd
        return .data
    }

    private func inflate(into buffer: inout [UInt8]) throws(FetchError) -> Read {
        guard let stream else { return .end }
        while true {
            if !inMember {
                // Between members: the next one starts here, or the input ends (trailing zero padding is allowed).
                guard try fill(atLeast: 3) else {
                    let rest = raw[rawStart..<rawEnd]
                    rawStart = rawEnd
                    if rest.allSatisfy({ $0 == 0 }) { return .end }
                    return .corrupt(
                        offset: rawBase + rawEnd - rest.count,
                        message: "\(rest.count) bytes after the last gzip member are not gzip data")
                }
                guard raw[rawStart] == 0x1F, raw[rawStart + 1] == 0x8B, raw[rawStart + 2] == 0x08 else {
                    let offset = rawBase + rawStart
                    if raw[rawStart..<rawEnd].allSatisfy({ $0 == 0 }), try !fill(atLeast: rawEnd - rawStart + 1) {
                        return .end
                    }
                    try skipToNextMember(after: offset)
                    return .corrupt(offset: offset, message: "no gzip member starts here")
                }
                newsevents_isal_restart(stream)
                inMember = true
                memberOffset = rawBase + rawStart
                members.append((produced, memberOffset))
            }
            if rawStart == rawEnd, try !fill(atLeast: 1) {
                inMember = false
                return .corrupt(offset: memberOffset, message: "the gzip member is truncated (the file ends inside it)")
            }
            let available = rawEnd - rawStart
            let (status, consumed, made) = raw.withUnsafeMutableBufferPointer { input in
                output.withUnsafeMutableBufferPointer { out -> (Int32, Int, Int) in
                    stream.pointee.next_in = input.baseAddress! + rawStart
                    stream.pointee.avail_in = UInt32(available)
                    stream.pointee.next_out = out.baseAddress
                    stream.pointee.avail_out = UInt32(out.count)
                    let status = isal_inflate(stream)
                    return (status, available - Int(stream.pointee.avail_in), out.count - Int(stream.pointee.avail_out))
                }
            }
            rawStart += consumed
            if made > 0 {
                buffer.append(contentsOf: output[0..<made])
                produced += made
            }
            guard status >= 0, status != ISAL_NEED_DICT else {
                let offset = memberOffset
                inMember = false
                try skipToNextMember(after: offset)
                return .corrupt(offset: offset, message: "the gzip member is corrupt (\(Self.describe(status)))")
            }
            if newsevents_isal_finished(stream) != 0 { inMember = false }
            if made > 0 { return .data }
            // No progress with input held: more input is needed (or, at the end, the member is cut short).
            if consumed == 0, inMember, try !fill(atLeast: available + 1) {
                inMember = false
                rawStart = rawEnd
                return .corrupt(offset: memberOffset, message: "the gzip member is truncated (the file ends inside it)")
            }
        }
    }

    /// What an ISA-L inflate status means, in words.
    static func describe(_ status: Int32) -> String {
        switch status {
        case ISAL_INCORRECT_CHECKSUM: return "incorrect data check"
        case ISAL_INVALID_WRAPPER: return "invalid gzip header"
        case ISAL_UNSUPPORTED_METHOD: return "unknown compression method"
        case ISAL_INVALID_BLOCK: return "invalid deflate block"
        case ISAL_INVALID_SYMBOL: return "invalid deflate symbol"
        case ISAL_INVALID_LOOKBACK: return "invalid distance too far back"
        case ISAL_NEED_DICT: return "a preset dictionary is needed"
        default: return "inflate error \(status)"
        }
    }

    /// Moves the read position to the next gzip header after file offset `offset` (or to the end).
    private func skipToNextMember(after offset: Int) throws(FetchError) {
        // Back to the broken member's start when it is still held: inflate may have read past its end into
        // the members after it, which must not be lost with it.
        if offset >= rawBase { rawStart = min(offset - rawBase + 1, rawEnd) }
        while true {
            var index = rawStart
            while index + 2 < rawEnd {
                if raw[index] == 0x1F, raw[index + 1] == 0x8B, raw[index + 2] == 0x08 {
                    rawStart = index
                    return
                }
                index += 1
            }
            // Keep the last two bytes: a header may straddle the chunk boundary.
            rawStart = max(rawStart, rawEnd - 2)
            guard try fill(atLeast: rawEnd - rawStart + 1) else {
                rawStart = rawEnd
                return
            }
        }
    }

    /// Reads until at least `count` unread raw bytes are held; false when the input ends first.
    private func fill(atLeast count: Int) throws(FetchError) -> Bool {
        while rawEnd - rawStart < count {
            if atEnd { return false }
            // Keep the current member's bytes from its start while they fit, so that a corrupt member can be
            // scanned again from there (see skipToNextMember).
            var drop = rawStart
            if inMember, memberOffset >= rawBase, memberOffset - rawBase < rawStart,
                rawEnd - (memberOffset - rawBase) < raw.count
            {
                drop = memberOffset - rawBase
            }
            if drop > 0 {
                let held = rawEnd - drop
                if held > 0 {
                    raw.withUnsafeMutableBufferPointer { bytes in
                        _ = memmove(bytes.baseAddress!, bytes.baseAddress! + drop, held)
                    }
                }
                rawBase += drop
                rawStart -= drop
                rawEnd = held
            }
            let space = raw.count - rawEnd
            let got = raw.withUnsafeMutableBufferPointer { bytes in
                Glibc.read(descriptor, bytes.baseAddress! + rawEnd, space)
            }
            if got < 0 {
                if errno == EINTR { continue }
                throw .read(path: path, errno: errno)
            }
            if got == 0 {
                atEnd = true
            } else {
                rawEnd += got
            }
        }
        return true
    }
}
