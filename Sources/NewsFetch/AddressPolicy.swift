import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which hosts may be fetched: by default only public addresses. A host whose name resolves to a loopback,
/// private, link-local, carrier-grade NAT, unique-local, multicast or unspecified address is refused, with
/// every address it resolves to checked. `allow_private_addresses` lets loopback and private networks through
/// (a crawler inside a company network, the tests' own server) but never link-local addresses, where cloud
/// instances answer with their credentials (169.254.169.254, fe80::/10).
public enum AddressPolicy {
    /// Why a host was refused, or nil when it may be fetched. `allowed` lets some private hosts through: a
    /// host name as written ("intranet.example"), an address ("10.1.2.3", "::1") or a network ("10.0.0.0/8",
    /// "fd00::/8"); a host is let through when its name is listed or every address it resolves to is inside
    /// a listed one. Checked at every redirect, so an allowed host cannot send the fetcher elsewhere.
    public static func refusal(host: String, allowPrivate: Bool, allowed: [String] = []) -> String? {
        let addresses = resolve(host)
        guard !addresses.isEmpty else { return nil }  // the request itself will report the DNS failure
        if let metadata = addresses.first(where: isLinkLocal) {
            return "\(host) resolves to the link-local address \(metadata) (cloud metadata), never fetched"
        }
        guard !allowPrivate else { return nil }
        if !allowed.isEmpty, let blocked = addresses.first(where: isNonPublic) {
            let name = host.lowercased()
            if allowed.contains(where: { $0.lowercased() == name })
                || addresses.allSatisfy({ address in allowed.contains { contains(network: $0, address: address) } })
            {
                return nil
            }
            return "\(host) resolves to the non-public address \(blocked), which is not in allow_private_addresses"
                + " (\(allowed.joined(separator: ", ")))"
        }
        if let blocked = addresses.first(where: isNonPublic) {
            return "\(host) resolves to the non-public address \(blocked); to fetch from private networks set"
                + " allow_private_addresses = true in [fetch] (run) or pass --allow-private-addresses (extract --fetch)"
        }
        return nil
    }

    static func isLinkLocal(_ address: String) -> Bool {
        let lower = address.lowercased()
        if lower.hasPrefix("::ffff:") { return isLinkLocal(String(lower.dropFirst(7))) }
        if ["fe8", "fe9", "fea", "feb"].contains(where: lower.hasPrefix) { return true }
        return lower.hasPrefix("169.254.")
    }

    /// The numeric addresses of `host` (IPv4 and IPv6).
    static func resolve(_ host: String) -> [String] {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let name = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        guard getaddrinfo(name, nil, &hints, &list) == 0, let first = list else { return [] }
        defer { freeaddrinfo(first) }
        var result: [String] = []
        var node: UnsafeMutablePointer<addrinfo>? = first
        while let current = node {
            var buffer = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            if getnameinfo(
                current.pointee.ai_addr, current.pointee.ai_addrlen, &buffer, socklen_t(buffer.count), nil, 0,
                NI_NUMERICHOST) == 0
            {
                result.append(String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
            }
            node = current.pointee.ai_next
        }
        return result
    }

    /// Whether an `allow_private_addresses` entry can mean something: a host name, an address, or a network
    /// whose prefix length fits its address.
    public static func isValidEntry(_ entry: String) -> Bool {
        guard entry.contains("/") else { return !entry.isEmpty && !entry.contains(" ") }
        let address = String(entry.prefix { $0 != "/" })
        return contains(network: entry, address: address)
    }

    /// Whether `address` (numeric) is `network`: the same address, or inside it when it is a CIDR block.
    static func contains(network: String, address: String) -> Bool {
        let parts = network.split(separator: "/", maxSplits: 1).map(String.init)
        guard let base = bytes(parts[0]), let target = bytes(address), base.count == target.count else { return false }
        let bits = parts.count == 2 ? Int(parts[1]) ?? -1 : base.count * 8
        guard bits >= 0, bits <= base.count * 8 else { return false }
        for index in 0..<base.count {
            let remaining = bits - index * 8
            if remaining <= 0 { break }
            let mask: UInt8 = remaining >= 8 ? 0xFF : UInt8(0xFF) << UInt8(8 - remaining)
            if base[index] & mask != target[index] & mask { return false }
        }
        return true
    }

    /// The bytes of a numeric IPv4 (4) or IPv6 (16) address; an IPv4-mapped IPv6 address gives its IPv4 bytes.
    static func bytes(_ address: String) -> [UInt8]? {
        var v4 = in_addr()
        if inet_pton(AF_INET, address, &v4) == 1 { return withUnsafeBytes(of: &v4) { Array($0) } }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, address, &v6) == 1 else { return nil }
        let all = withUnsafeBytes(of: &v6) { Array($0) }
        if all.prefix(10).allSatisfy({ $0 == 0 }), all[10] == 0xFF, all[11] == 0xFF { return Array(all.suffix(4)) }
        return all
    }

    /// Whether a numeric address is not a public unicast address.
    static func isNonPublic(_ address: String) -> Bool {
        if address.contains(":") {
            let lower = address.lowercased()
            if lower == "::1" || lower == "::" { return true }
            if lower.hasPrefix("fe8") || lower.hasPrefix("fe9") || lower.hasPrefix("fea") || lower.hasPrefix("feb") {
                return true  // fe80::/10 link-local
            }
            if lower.hasPrefix("fc") || lower.hasPrefix("fd") { return true }  // fc00::/7 unique local
            if lower.hasPrefix("ff") { return true }  // multicast
            if lower.hasPrefix("::ffff:") { return isNonPublic(String(lower.dropFirst(7))) }  // IPv4-mapped
            return false
        }
        let octets = address.split(separator: ".").compactMap { Int($0) }
        guard octets.count == 4 else { return true }
        switch (octets[0], octets[1]) {
        case (0, _), (10, _), (127, _): return true
        case (100, 64...127): return true  // carrier-grade NAT
        case (169, 254): return true  // link-local, cloud metadata
        case (172, 16...31): return true
        case (192, 168): return true
        case (192, 0) where octets[2] == 0: return true
        case (198, 18...19): return true  // benchmarking
        case (224...255, _): return true  // multicast, reserved, broadcast
        default: return false
        }
    }
}
