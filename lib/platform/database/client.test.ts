import { describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/database";

const { db } = await createTestDatabase();

describe("Prisma client", () => {
  it("reads timestamptz exactly from raw queries, far from UTC", async () => {
    const [row] = await db.$queryRaw<{ at: Date }[]>`SELECT '2022-03-24T14:00:00Z'::timestamptz AS at`;
    expect(row.at.toISOString()).toBe("2022-03-24T14:00:00.000Z");
  });
});
