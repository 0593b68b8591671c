import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalAddress, clientAddress, parseTrustedProxies, rateLimitKey, TrustedProxiesError } from "./client-address";

const from = (socketAddress: string | undefined, forwardedFor?: string | string[]) => ({ socketAddress, forwardedFor });

describe("TRUSTED_PROXIES unset: the connection is the client", () => {
  const none = parseTrustedProxies(undefined);

  it("ignores X-Forwarded-For whatever it holds (the spoofing attempt)", () => {
    expect(clientAddress(from("203.0.113.7", "198.51.100.1"), none)).toBe("203.0.113.7");
    expect(clientAddress(from("203.0.113.7", "1.1.1.1, 2.2.2.2, 3.3.3.3"), none)).toBe("203.0.113.7");
    expect(clientAddress(from("2001:db8::7", "2001:db8::1"), none)).toBe("2001:db8::7");
    for (const empty of ["", "0", "  "]) expect(parseTrustedProxies(empty)).toEqual({ kind: "none" });
  });

  it("takes IPv4-mapped socket addresses as IPv4, and spells IPv6 one way", () => {
    expect(clientAddress(from("::ffff:192.0.2.1"), none)).toBe("192.0.2.1");
    expect(clientAddress(from("::FFFF:c000:0201"), none)).toBe("192.0.2.1");
    expect(clientAddress(from("2001:DB8:0:0:0:0:0:1"), none)).toBe("2001:db8::1");
    expect(clientAddress(from("::1"), none)).toBe("::1");
    expect(clientAddress(from(undefined, "192.0.2.9"), none)).toBe("unknown");
  });

  it("never lets a client's header choose the key", () => {
    fc.assert(
      fc.property(fc.oneof(fc.ipV4(), fc.ipV6()), fc.array(fc.oneof(fc.ipV4(), fc.ipV6(), fc.string())), (socket, forwarded) => {
        expect(clientAddress(from(socket, forwarded.join(", ")), none)).toBe(canonicalAddress(socket));
      }),
    );
  });
});

describe("TRUSTED_PROXIES as a number of hops", () => {
  it("takes the entry the outermost trusted proxy appended, from the right", () => {
    const one = parseTrustedProxies("1");
    expect(one).toEqual({ kind: "hops", hops: 1 });
    expect(clientAddress(from("10.0.0.2", "203.0.113.7"), one)).toBe("203.0.113.7");
    const two = parseTrustedProxies("2");
    expect(clientAddress(from("10.0.0.2", "203.0.113.7, 10.0.0.1"), two)).toBe("203.0.113.7");
    expect(clientAddress(from("fd00::2", "2001:db8::7, fd00::1"), two)).toBe("2001:db8::7");
    expect(clientAddress(from("10.0.0.2", "[2001:db8::7]:4711, 10.0.0.1:80"), two)).toBe("2001:db8::7");
  });

  it("ignores what the client wrote to the left of it (the spoofing attempt)", () => {
    const one = parseTrustedProxies("1");
    // The client sent "X-Forwarded-For: 198.51.100.1"; the proxy appended the address it saw.
    expect(clientAddress(from("10.0.0.2", "198.51.100.1, 203.0.113.7"), one)).toBe("203.0.113.7");
    expect(clientAddress(from("10.0.0.2", ["198.51.100.1, 198.51.100.2", "203.0.113.7"]), one)).toBe("203.0.113.7");
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.ipV4(), fc.ipV6(), fc.string())), fc.ipV4(), (spoofed, real) => {
        expect(clientAddress(from("10.0.0.2", [...spoofed, real].join(", ")), one)).toBe(real);
      }),
    );
  });

  it("stops at the nearest proxy when an entry is garbage or missing", () => {
    const two = parseTrustedProxies("2");
    expect(clientAddress(from("10.0.0.2", "not-an-ip, 10.0.0.1"), two)).toBe("10.0.0.1");
    expect(clientAddress(from("10.0.0.2", "unknown"), parseTrustedProxies("1"))).toBe("10.0.0.2");
    expect(clientAddress(from("10.0.0.2", "1.2.3.4.5"), parseTrustedProxies("1"))).toBe("10.0.0.2");
    expect(clientAddress(from("10.0.0.2"), two)).toBe("10.0.0.2");
    // Fewer entries than hops: the furthest there is.
    expect(clientAddress(from("10.0.0.2", "203.0.113.7"), parseTrustedProxies("3"))).toBe("203.0.113.7");
  });
});

describe("TRUSTED_PROXIES as a list of proxies", () => {
  it("skips every trusted entry from the right and takes the first other one", () => {
    const list = parseTrustedProxies("10.0.0.0/8, 192.168.1.5, fd00::/8, ::ffff:172.16.0.0/108");
    expect(clientAddress(from("10.1.2.3", "203.0.113.7"), list)).toBe("203.0.113.7");
    expect(clientAddress(from("::ffff:10.1.2.3", "203.0.113.7, 192.168.1.5"), list)).toBe("203.0.113.7");
    expect(clientAddress(from("fd12::1", "2001:db8::7"), list)).toBe("2001:db8::7");
    expect(clientAddress(from("172.16.9.9", "::ffff:203.0.113.7"), list)).toBe("203.0.113.7");
    expect(clientAddress(from("192.168.1.5", "203.0.113.7"), list)).toBe("203.0.113.7");
    expect(clientAddress(from("192.168.1.6", "203.0.113.7"), list)).toBe("192.168.1.6");
  });

  it("ignores X-Forwarded-For from a connection that is not a trusted proxy (the spoofing attempt)", () => {
    const list = parseTrustedProxies("10.0.0.0/8,2001:db8:ffff::/48");
    expect(clientAddress(from("203.0.113.7", "10.0.0.1"), list)).toBe("203.0.113.7");
    expect(clientAddress(from("2001:db8:1::7", "2001:db8:ffff::1"), list)).toBe("2001:db8:1::7");
    // Through our proxy, whatever the client wrote before: the address our proxy saw.
    expect(clientAddress(from("10.0.0.1", "10.9.9.9, 198.51.100.1, 203.0.113.7"), list)).toBe("203.0.113.7");
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.ipV4(), fc.ipV6(), fc.string())), fc.ipV4(), fc.ipV4(), (spoofed, real, socket) => {
        fc.pre(!real.startsWith("10.") && !socket.startsWith("10."));
        expect(clientAddress(from(socket, [...spoofed, real].join(",")), list)).toBe(socket);
        expect(clientAddress(from("10.0.0.1", [...spoofed, real].join(",")), list)).toBe(real);
      }),
    );
  });

  it("stops at the last trusted proxy on garbage, and at the furthest when all are trusted", () => {
    const list = parseTrustedProxies("10.0.0.0/8");
    expect(clientAddress(from("10.0.0.2", "evil, 10.0.0.1"), list)).toBe("10.0.0.1");
    expect(clientAddress(from("10.0.0.2", "10.0.0.3, 10.0.0.1"), list)).toBe("10.0.0.3");
  });
});

describe("parseTrustedProxies", () => {
  it("refuses what it cannot read, saying what is wrong", () => {
    for (const bad of ["abc", "10.0.0.0/33", "fd00::/129", "10.0.0.1,", "1.2.3.4:80", "[::1]", "10.0.0.1/8/2", "-1", "1.5", "21", "::ffff:10.0.0.0/80", "fe80::1%eth0", "10.0.0.0/-1"]) {
      expect(() => parseTrustedProxies(bad), bad).toThrow(TrustedProxiesError);
    }
    expect(() => parseTrustedProxies("10.0.0.1, nope")).toThrow(/TRUSTED_PROXIES: "nope" is not an IP address or a CIDR range/);
  });
});

describe("rateLimitKey", () => {
  it("counts IPv4 by address and IPv6 by its /64", () => {
    expect(rateLimitKey("192.0.2.1")).toBe("192.0.2.1");
    expect(rateLimitKey("::ffff:192.0.2.1")).toBe("192.0.2.1");
    expect(rateLimitKey("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(rateLimitKey("2001:db8:1:2:bbbb:cccc:dddd:eeee")).toBe("2001:db8:1:2::/64");
    expect(rateLimitKey("2001:db8:1:3::1")).toBe("2001:db8:1:3::/64");
    expect(rateLimitKey("garbage")).toBe("unknown");
  });

  it("spells an address one way however it is written", () => {
    fc.assert(
      fc.property(fc.ipV6(), (address) => {
        const canonical = canonicalAddress(address)!;
        expect(canonical).not.toBeNull();
        expect(canonicalAddress(canonical)).toBe(canonical);
        expect(canonicalAddress(address.toUpperCase())).toBe(canonical);
      }),
    );
  });
});
