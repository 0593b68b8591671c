// Zips built byte by byte for tests, so that they can lie (declared sizes) or be broken on purpose.
import { deflateRawSync } from "node:zlib";

export type ZipEntry = { name: string; data: Uint8Array; stored?: boolean; declaredSize?: number };

/** A zip as the format lays it out (local headers, central directory, end record); CRCs left at 0, as nothing here reads them. */
export type ZipLayout = {
  /** The end record says ZIP64 (its counts 0xFFFF). */
  zip64?: boolean;
  /** The entry count the end record states, when it is not the real one. */
  declaredEntries?: number;
  /** Bytes between the central directory and the end record. */
  gap?: number;
};

export function zip(entries: ZipEntry[], { zip64 = false, declaredEntries = entries.length, gap = 0 }: ZipLayout = {}): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const body = entry.stored ? Buffer.from(entry.data) : deflateRawSync(entry.data);
    const declared = entry.declaredSize ?? entry.data.length;
    // The two headers share their fields; the directory's sit 2 bytes further on (after "version made by").
    const header = (length: number, signature: number, shift: number) => {
      const buffer = Buffer.alloc(length);
      buffer.writeUInt32LE(signature, 0);
      buffer.writeUInt16LE(entry.stored ? 0 : 8, 8 + shift);
      buffer.writeUInt32LE(body.length, 18 + shift);
      buffer.writeUInt32LE(declared, 22 + shift);
      buffer.writeUInt16LE(name.length, 26 + shift);
      return buffer;
    };
    const local = header(30, 0x04034b50, 0);
    const central = header(46, 0x02014b50, 2);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(zip64 ? 0xffff : declaredEntries, 8);
  end.writeUInt16LE(zip64 ? 0xffff : declaredEntries, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, Buffer.alloc(gap), end]));
}
