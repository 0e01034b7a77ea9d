import Testing

@testable import NewsSink

struct ContentHashTests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
    ])
    func matchesTheFIPSTestVectors(input: String, digest: String) {
        #expect(ContentHash.sha256Hex(of: input) == digest)
        // The same digest from bytes in an array, a slice, and a sequence with no contiguous storage.
        #expect(ContentHash.sha256Hex(of: Array(input.utf8)) == digest)
        #expect(ContentHash.sha256Hex(of: Array(("x" + input).utf8).dropFirst()) == digest)
        #expect(ContentHash.sha256Hex(of: input.utf8.lazy.map { $0 }) == digest)
    }

    @Test func linesHashAsTheirJoinedText() {
        let lines = ["abc", "", "é and 日本", String(repeating: "x", count: 100_000)]
        #expect(ContentHash.sha256Hex(ofLines: lines) == ContentHash.sha256Hex(of: lines.map { $0 + "\n" }.joined()))
        // The digest of "abc\n" as sha256sum gives it.
        #expect(
            ContentHash.sha256Hex(ofLines: ["abc"])
                == "edeaaff3f1774ad2888673770c6d64097e391bc362d7d6fb34982ddf0efd18cb")
        #expect(ContentHash.sha256Hex(ofLines: [String]()) == ContentHash.sha256Hex(of: ""))
    }

    @Test func aMillionAs() {
        #expect(
            ContentHash.sha256Hex(of: [UInt8](repeating: 0x61, count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}
