import { afterEach, describe, expect, it } from "vitest";
import { NOT_CONFIGURED, SITE, onAppOrigin, ownerDetails } from "./site";

const OWNER_VARIABLES = ["APP_URL", "ANCI_PEC", "ANCI_TAX_CODE", "DPO_NAME", "DPO_EMAIL", "DPO_PEC"] as const;
const saved = Object.fromEntries(OWNER_VARIABLES.map((name) => [name, process.env[name]]));
afterEach(() => {
  for (const name of OWNER_VARIABLES) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

describe("onAppOrigin", () => {
  it("puts a link a request's Host header chose back on APP_URL, keeping its path and query", () => {
    process.env.APP_URL = "https://convoca.anci.sicilia.it/";
    expect(onAppOrigin("https://evil.example/api/auth/callback/email?token=abc&email=a%40b.it")).toBe(
      "https://convoca.anci.sicilia.it/api/auth/callback/email?token=abc&email=a%40b.it",
    );
  });
});

describe("ownerDetails", () => {
  it("shows the PEC, tax code and DPO contact set in the environment", () => {
    Object.assign(process.env, {
      ANCI_PEC: " segreteria@pec.example.it ",
      ANCI_TAX_CODE: "97000000000",
      DPO_NAME: "Avv. Paola Privacy",
      DPO_EMAIL: "rpd@example.it",
      DPO_PEC: "rpd@pec.example.it",
    });
    expect(ownerDetails()).toEqual({
      pec: "segreteria@pec.example.it",
      taxCode: "97000000000",
      dpo: { name: "Avv. Paola Privacy", email: "rpd@example.it", ownEmail: true, pec: "rpd@pec.example.it" },
    });
  });

  it("says a detail is not configured rather than making one up, and sends DPO requests to the Coordinamento's mailbox", () => {
    for (const name of OWNER_VARIABLES.slice(1)) process.env[name] = "  ";
    expect(ownerDetails()).toEqual({
      pec: NOT_CONFIGURED,
      taxCode: NOT_CONFIGURED,
      dpo: { name: "Responsabile della protezione dei dati (RPD) di ANCI Sicilia", email: SITE.contactEmail, ownEmail: false, pec: undefined },
    });
  });
});
