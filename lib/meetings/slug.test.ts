import { describe, expect, it } from "vitest";
import { slugify } from "./slug";

describe("a meeting's address", () => {
  it("derives an address from a title: lower case, no accents, dashes", () => {
    expect(slugify("Tavolo tecnico - Società e Comuni: è l'ora!")).toBe("tavolo-tecnico-societa-e-comuni-e-l-ora");
    expect(slugify("???")).toBe("convocazione");
    expect(slugify("a".repeat(200)).length).toBe(80);
  });
});
