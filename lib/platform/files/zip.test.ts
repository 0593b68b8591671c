import { describe, expect, test } from "vitest";
import { generateImportList, toXlsx } from "@/bench/support/sai-import-data";
import { zip } from "@/lib/test/zip";
import { readMunicipalities } from "@/prisma/seed/municipalities";
import { measureZip } from "./zip";

const MB = 1024 * 1024;
const LIMITS = { maxBytes: 64 * MB, maxEntries: 1000 };

describe("measureZip", () => {
  test("the benchmark's workbook of 5,000 SAI projects: what it unpacks to, far below the ceiling", async () => {
    const bytes = await toXlsx(generateImportList(5000, await readMunicipalities()));
    const measured = measureZip(bytes, LIMITS);
    expect(measured).toMatchObject({ ok: true, entries: expect.any(Number) });
    if (!measured.ok) return;
    expect(measured.bytes).toBeGreaterThan(bytes.length);
    expect(measured.bytes).toBeLessThan(4 * MB);
  });

  test("stored and deflated entries count at their real size", () => {
    const text = new TextEncoder().encode("<xml>".repeat(1000));
    expect(measureZip(zip([{ name: "a.xml", data: text }, { name: "b.bin", data: text, stored: true }]), LIMITS)).toEqual({
      ok: true,
      bytes: 2 * text.length,
      entries: 2,
    });
  });

  test("a bomb is stopped at the ceiling, whatever size it declares", () => {
    const zeros = new Uint8Array(200 * MB);
    const honest = zip([{ name: "xl/worksheets/sheet1.xml", data: zeros }]);
    const lying = zip([{ name: "xl/worksheets/sheet1.xml", data: zeros, declaredSize: 1000 }]);
    expect(honest.length).toBeLessThan(MB); // what the upload limit sees
    expect(measureZip(honest, LIMITS)).toEqual({ ok: false, reason: "TOO_LARGE" });
    expect(measureZip(lying, LIMITS)).toEqual({ ok: false, reason: "TOO_LARGE" });
    // Spread over many entries, each under the ceiling: the total is what counts.
    const spread = zip(Array.from({ length: 5 }, (_, i) => ({ name: `part${i}.xml`, data: new Uint8Array(20 * MB) })));
    expect(measureZip(spread, LIMITS)).toEqual({ ok: false, reason: "TOO_LARGE" });
  });

  test("an end record that understates or misplaces the entries is unreadable: another reader would unpack what was not measured", () => {
    const parts = Array.from({ length: 3 }, (_, i) => ({ name: `xl/part${i}.xml`, data: new Uint8Array(30 * MB) }));
    expect(measureZip(zip(parts), LIMITS)).toEqual({ ok: false, reason: "TOO_LARGE" });
    for (const declaredEntries of [0, 1, 2]) {
      expect(measureZip(zip(parts, { declaredEntries }), LIMITS), `${declaredEntries} declared`).toEqual({ ok: false, reason: "UNREADABLE" });
    }
    expect(measureZip(zip(parts, { gap: 16 }), LIMITS)).toEqual({ ok: false, reason: "UNREADABLE" });
    const small = [{ name: "a.xml", data: new TextEncoder().encode("<a/>") }];
    expect(measureZip(zip(small), LIMITS)).toMatchObject({ ok: true });
    expect(measureZip(zip(small, { gap: 4 }), LIMITS)).toEqual({ ok: false, reason: "UNREADABLE" });
    expect(measureZip(zip(small, { declaredEntries: 2 }), LIMITS)).toEqual({ ok: false, reason: "UNREADABLE" });
  });

  test("too many entries is refused before any is inflated", () => {
    const many = zip(Array.from({ length: 1001 }, (_, i) => ({ name: `f${i}`, data: new Uint8Array(1) })));
    expect(measureZip(many, LIMITS)).toEqual({ ok: false, reason: "TOO_LARGE" });
  });

  test("what is not a zip it can walk is unreadable, never an exception", () => {
    const good = zip([{ name: "a.xml", data: new TextEncoder().encode("<a/>") }]);
    expect(measureZip(new Uint8Array([0x50, 0x4b, 1, 2, 3]), LIMITS)).toEqual({ ok: false, reason: "UNREADABLE" });
    expect(measureZip(good.subarray(0, good.length - 30), LIMITS)).toEqual({ ok: false, reason: "UNREADABLE" });
    expect(measureZip(zip([{ name: "a", data: new Uint8Array(10) }], { zip64: true }), LIMITS)).toEqual({ ok: false, reason: "UNREADABLE" });
    // The central directory pointing past the end of the file.
    const broken = new Uint8Array(good);
    new DataView(broken.buffer).setUint32(broken.length - 6, 0x7fffffff, true);
    expect(measureZip(broken, LIMITS)).toEqual({ ok: false, reason: "UNREADABLE" });
    // Damaged deflate data.
    const damaged = zip([{ name: "a.xml", data: new Uint8Array(1000), stored: false }]);
    damaged.fill(0xff, 30 + 5, 30 + 5 + 4);
    expect(measureZip(damaged, LIMITS)).toEqual({ ok: false, reason: "UNREADABLE" });
  });
});
