// Who is asking: the address the per-IP limits count against. Pure (no Next,
// no database), so the web server (scripts/web-server.ts) uses it for every
// request and the tests run it directly.
//
// The connection's own address is the only one nobody can make up. Behind a
// reverse proxy that address is the proxy's, and the client's is in
// X-Forwarded-For, to which every proxy appends the address it saw; anything
// to the left of what our own proxies appended was written by the client.
// TRUSTED_PROXIES says which proxies are ours:
//   unset, empty or 0    none: the connection is the client, X-Forwarded-For is ignored
//   a number N           N proxies in front of us: the Nth entry from the right is the client
//   a comma list         proxy addresses or CIDRs (IPv4, IPv6): from the right, every entry
//                        in the list is skipped and the first one not in it is the client
import { isIPv4, isIPv6 } from "node:net";

/** The header the web server writes for every request (whatever the client sent in it). */
export const CLIENT_ADDRESS_HEADER = "x-convoca-client-address";
/**
 * Set by the web server before Next loads: the header above is ours. Without
 * it (Next started some other way) the header may come from the client, and
 * is not read.
 */
export const CLIENT_ADDRESS_ENV = "CONVOCA_CLIENT_ADDRESS_HEADER";
export const UNKNOWN_CLIENT = "unknown";

type Address = { family: 4; bytes: number[] } | { family: 6; bytes: number[] };
type Range = { family: 4 | 6; bytes: number[]; prefix: number };

export type TrustedProxies = { kind: "none" } | { kind: "hops"; hops: number } | { kind: "list"; ranges: Range[]; text: string };

export class TrustedProxiesError extends Error {}

function ipv4Bytes(text: string): number[] {
  return text.split(".").map(Number);
}

function ipv6Bytes(text: string): number[] {
  // An embedded IPv4 tail (::ffff:192.0.2.1) is two groups.
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  const hex = v4 ? text.slice(0, v4.index) + `${((+v4[1] << 8) | +v4[2]).toString(16)}:${((+v4[3] << 8) | +v4[4]).toString(16)}` : text;
  const groups = (part: string) => (part ? part.split(":").map((group) => parseInt(group, 16)) : []);
  const [left, right] = hex.split("::");
  const all =
    right === undefined ? groups(left) : [...groups(left), ...Array(8 - groups(left).length - groups(right).length).fill(0), ...groups(right)];
  return all.flatMap((group) => [group >> 8, group & 255]);
}

/**
 * One address as a proxy or the socket writes it: IPv4, IPv6 (also in
 * brackets, with a port or a zone), IPv4 with a port. IPv4-mapped IPv6
 * (::ffff:192.0.2.1, what a dual-stack socket reports) is the IPv4 address.
 * Null for anything else.
 */
function parseAddress(raw: string): Address | null {
  let text = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(text);
  if (bracketed) text = bracketed[1];
  else if (/^[\d.]+:\d{1,5}$/.test(text)) text = text.slice(0, text.lastIndexOf(":"));
  text = text.replace(/%[\w.-]+$/, "");
  if (isIPv4(text)) return { family: 4, bytes: ipv4Bytes(text) };
  if (!isIPv6(text)) return null;
  const bytes = ipv6Bytes(text.toLowerCase());
  const mapped = bytes.slice(0, 10).every((byte) => byte === 0) && bytes[10] === 255 && bytes[11] === 255;
  return mapped ? { family: 4, bytes: bytes.slice(12) } : { family: 6, bytes };
}

function formatAddress(address: Address): string {
  if (address.family === 4) return address.bytes.join(".");
  const groups = Array.from({ length: 8 }, (_, index) => (address.bytes[2 * index] << 8) | address.bytes[2 * index + 1]);
  // RFC 5952: the longest run of two or more zero groups becomes "::".
  let best = { start: -1, length: 1 };
  for (let start = 0; start < 8; start++) {
    let length = 0;
    while (start + length < 8 && groups[start + length] === 0) length++;
    if (length > best.length) best = { start, length };
  }
  const hex = groups.map((group) => group.toString(16));
  if (best.start < 0) return hex.join(":");
  return `${hex.slice(0, best.start).join(":")}::${hex.slice(best.start + best.length).join(":")}`;
}

/** The address in one canonical spelling (so one client is one key however it is written), or null. */
export function canonicalAddress(raw: string): string | null {
  const address = parseAddress(raw);
  return address ? formatAddress(address) : null;
}

function inRange(address: Address, range: Range): boolean {
  if (address.family !== range.family) return false;
  let bits = range.prefix;
  for (let index = 0; bits > 0; index++, bits -= 8) {
    const mask = bits >= 8 ? 255 : (0xff << (8 - bits)) & 255;
    if ((address.bytes[index] & mask) !== (range.bytes[index] & mask)) return false;
  }
  return true;
}

function parseRange(entry: string): Range {
  const [addressText, prefixText, ...rest] = entry.split("/");
  // Plain addresses only: no brackets, port or zone.
  const address = rest.length === 0 && !addressText.includes("%") && (isIPv4(addressText) || isIPv6(addressText)) ? parseAddress(addressText) : null;
  if (!address) throw new TrustedProxiesError(`"${entry}" is not an IP address or a CIDR range`);
  const max = isIPv6(addressText) ? 128 : 32;
  let prefix = max;
  if (prefixText !== undefined) {
    if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > max) {
      throw new TrustedProxiesError(`"${entry}": the prefix length must be 0 to ${max}`);
    }
    prefix = Number(prefixText);
    // ::ffff:10.0.0.0/104 means 10.0.0.0/8.
    if (address.family === 4 && isIPv6(addressText)) {
      if (prefix < 96) throw new TrustedProxiesError(`"${entry}": an IPv4-mapped range needs a prefix of 96 to 128`);
      prefix -= 96;
    }
  }
  return { family: address.family, bytes: address.bytes, prefix };
}

/**
 * TRUSTED_PROXIES as read at start-up. Throws TrustedProxiesError, whose
 * message says what is wrong, for anything it cannot read: the server must
 * not start counting the wrong address.
 */
export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const text = (value ?? "").trim();
  if (text === "" || text === "0") return { kind: "none" };
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops > 20) throw new TrustedProxiesError(`TRUSTED_PROXIES=${text}: at most 20 proxy hops`);
    return { kind: "hops", hops };
  }
  const entries = text.split(",").map((entry) => entry.trim());
  if (entries.some((entry) => entry === "")) throw new TrustedProxiesError(`TRUSTED_PROXIES="${text}": an empty entry in the list`);
  try {
    return { kind: "list", ranges: entries.map(parseRange), text: entries.join(", ") };
  } catch (error) {
    if (error instanceof TrustedProxiesError) throw new TrustedProxiesError(`TRUSTED_PROXIES: ${error.message}`);
    throw error;
  }
}

/** For the start-up line: what the server takes as the client's address. */
export function describeTrustedProxies(trusted: TrustedProxies): string {
  if (trusted.kind === "none") return "the connection's own address (TRUSTED_PROXIES unset: X-Forwarded-For is ignored)";
  if (trusted.kind === "hops") return `X-Forwarded-For, behind ${trusted.hops} trusted proxy hop${trusted.hops === 1 ? "" : "s"}`;
  return `X-Forwarded-For, skipping the trusted proxies ${trusted.text}`;
}

/**
 * The client's address for one request: the socket's, or with trusted proxies
 * the right X-Forwarded-For entry. An entry that is not an address (garbage,
 * "unknown") is never taken: the last address that could be checked, one
 * step to its right, is. Canonical spelling; "unknown" without a socket
 * address.
 */
export function clientAddress(request: { socketAddress: string | undefined; forwardedFor: string | string[] | undefined }, trusted: TrustedProxies): string {
  const socket = request.socketAddress ? parseAddress(request.socketAddress) : null;
  if (!socket) return UNKNOWN_CLIENT;
  if (trusted.kind === "none") return formatAddress(socket);
  const forwarded = (Array.isArray(request.forwardedFor) ? request.forwardedFor.join(",") : (request.forwardedFor ?? ""))
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  // From the nearest hop (the socket) outwards.
  const chain = [request.socketAddress!, ...forwarded.reverse()];
  let client = socket;
  for (let index = 1; index < chain.length; index++) {
    const trustedHop = trusted.kind === "hops" ? index <= trusted.hops : trusted.ranges.some((range) => inRange(client, range));
    if (!trustedHop) break;
    const next = parseAddress(chain[index]);
    if (!next) break;
    client = next;
  }
  return formatAddress(client);
}

/**
 * The key a per-IP limit counts against: an IPv4 address, or for IPv6 its
 * /64, since one subscriber is given a whole /64 and picks any address in it.
 */
export function rateLimitKey(address: string): string {
  const parsed = parseAddress(address);
  if (!parsed) return UNKNOWN_CLIENT;
  if (parsed.family === 4) return formatAddress(parsed);
  return `${formatAddress({ family: 6, bytes: [...parsed.bytes.slice(0, 8), 0, 0, 0, 0, 0, 0, 0, 0] })}/64`;
}
