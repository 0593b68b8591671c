// How far an uploaded zip (an .xlsx is one) really expands, found by
// inflating each entry with a ceiling, before any library unpacks it whole in
// memory: 2 MB of deflated zeros become 2 GB, enough to take the server down.
// The sizes a zip declares are not trusted; only what inflating produces.
import { inflateRawSync } from "node:zlib";

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
/** The end record is 22 bytes, followed by a comment of at most 65,535. */
const MAX_END_SEARCH = 22 + 0xffff;

export type ZipExpansion = { ok: true; bytes: number; entries: number } | { ok: false; reason: "TOO_LARGE" | "UNREADABLE" };

export type ZipLimits = { maxBytes: number; maxEntries: number };

function findEnd(view: DataView): number {
  const last = view.byteLength - 22;
  for (let at = last; at >= 0 && at >= view.byteLength - MAX_END_SEARCH; at -= 1) {
    if (view.getUint32(at, true) === END_OF_CENTRAL_DIRECTORY) return at;
  }
  return -1;
}

/**
 * The total size of the zip's entries once inflated, or why it will not be
 * unpacked: more than `maxBytes` in all or `maxEntries` entries (TOO_LARGE),
 * or not a zip this can walk: damaged, ZIP64, encrypted or compressed other
 * than stored/deflated, none of which Excel writes for a sheet of this size (UNREADABLE).
 */
export function measureZip(bytes: Uint8Array, limits: ZipLimits): ZipExpansion {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEnd(view);
  if (end < 0) return { ok: false, reason: "UNREADABLE" };
  const entries = view.getUint16(end + 10, true);
  const directorySize = view.getUint32(end + 12, true);
  const directoryOffset = view.getUint32(end + 16, true);
  // 0xFFFF / 0xFFFFFFFF: the real values are in a ZIP64 record.
  if (entries === 0xffff || directoryOffset === 0xffffffff) return { ok: false, reason: "UNREADABLE" };
  // The directory ends where the end record starts. A reader that finds them apart shifts every offset
  // (JSZip does), and would then read entries other than those measured here.
  if (directoryOffset + directorySize !== end) return { ok: false, reason: "UNREADABLE" };
  if (entries > limits.maxEntries) return { ok: false, reason: "TOO_LARGE" };

  let total = 0;
  let at = directoryOffset;
  let walked = 0;
  try {
    // Every entry the directory holds, as a reader walks it (while the signature is there), and exactly as many as
    // the end record says: a count that understates them would leave entries unmeasured.
    for (; at < end; walked += 1) {
      if (walked === entries) return { ok: false, reason: "UNREADABLE" };
      if (view.getUint32(at, true) !== CENTRAL_DIRECTORY_ENTRY) return { ok: false, reason: "UNREADABLE" };
      const flags = view.getUint16(at + 8, true);
      const method = view.getUint16(at + 10, true);
      const compressedSize = view.getUint32(at + 20, true);
      const localOffset = view.getUint32(at + 42, true);
      at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
      if (flags & 0x1) return { ok: false, reason: "UNREADABLE" }; // encrypted
      if (view.getUint32(localOffset, true) !== LOCAL_FILE_HEADER) return { ok: false, reason: "UNREADABLE" };
      const dataStart = localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
      const data = bytes.subarray(dataStart, dataStart + compressedSize);
      if (data.length !== compressedSize) return { ok: false, reason: "UNREADABLE" };
      const room = limits.maxBytes - total;
      if (method === STORED) total += compressedSize;
      else if (method === DEFLATED) total += inflateRawSync(data, { maxOutputLength: Math.max(1, room) }).length;
      else return { ok: false, reason: "UNREADABLE" };
      if (total > limits.maxBytes) return { ok: false, reason: "TOO_LARGE" };
    }
  } catch (error) {
    // zlib stops at the ceiling with ERR_BUFFER_TOO_LARGE; anything else is a damaged entry or a header past the end.
    if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") return { ok: false, reason: "TOO_LARGE" };
    return { ok: false, reason: "UNREADABLE" };
  }
  if (walked !== entries || at !== end) return { ok: false, reason: "UNREADABLE" };
  return { ok: true, bytes: total, entries };
}
