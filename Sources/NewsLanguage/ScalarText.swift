extension String {
    /// The text of `scalars`, encoded at once into a string of its exact UTF-8 length. Building a
    /// `String.UnicodeScalarView` from them appends one scalar at a time and grows the string as it goes: the
    /// word tokenizer's forms built that way were 8 % of the extract stage's instructions (callgrind).
    @inlinable
    package init<Scalars: Collection>(scalars: Scalars) where Scalars.Element == Unicode.Scalar {
        let length = scalars.reduce(0) { $0 + UTF8.width($1) }
        self.init(unsafeUninitializedCapacity: length) { buffer in
            var index = 0
            for scalar in scalars {
                UTF8.encode(scalar) { unit in
                    buffer[index] = unit
                    index += 1
                }
            }
            return index
        }
    }
}

extension Array where Element == Unicode.Scalar {
    /// The scalars of `text`, decoded from its UTF-8 in one pass. `Array(text.unicodeScalars)` counts the
    /// scalars, then decodes them again through the view's index (callgrind: 35 instructions a scalar, where
    /// this loop takes a few a byte).
    package init(scalarsOf text: String) {
        var text = text
        self = text.withUTF8 { bytes in
            [Unicode.Scalar](unsafeUninitializedCapacity: bytes.count) { buffer, count in
                var index = 0
                count = 0
                // A Swift string's UTF-8 is valid: a lead byte says how many continuation bytes follow.
                while index < bytes.count {
                    let lead = UInt32(bytes[index])
                    var value: UInt32
                    if lead < 0x80 {
                        value = lead
                        index += 1
                    } else if lead < 0xE0 {
                        value = (lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                        index += 2
                    } else if lead < 0xF0 {
                        value = (lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6
                        value |= UInt32(bytes[index + 2] & 0x3F)
                        index += 3
                    } else {
                        value = (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
                        value |= UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
                        index += 4
                    }
                    buffer[count] = Unicode.Scalar(value).unsafelyUnwrapped
                    count += 1
                }
            }
        }
    }
}
