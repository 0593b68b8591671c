import { afterEach, describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_ENV, CLIENT_ADDRESS_HEADER } from "./client-address";
import { clientIp } from "./limits";

afterEach(() => {
  delete process.env[CLIENT_ADDRESS_ENV];
});

describe("clientIp", () => {
  it("takes the address our web server wrote, never X-Forwarded-For or X-Real-IP", () => {
    process.env[CLIENT_ADDRESS_ENV] = "1";
    const spoofed = { "x-forwarded-for": "1.2.3.4", "x-real-ip": "5.6.7.8" };
    expect(clientIp(new Headers({ ...spoofed, [CLIENT_ADDRESS_HEADER]: "203.0.113.7" }))).toBe("203.0.113.7");
    expect(clientIp(new Headers({ [CLIENT_ADDRESS_HEADER]: "2001:db8:1:2::99" }))).toBe("2001:db8:1:2::/64");
    expect(clientIp(new Headers(spoofed))).toBe("unknown");
  });

  it("does not read our header when the app was not started by our web server (it could be the client's)", () => {
    expect(clientIp(new Headers({ [CLIENT_ADDRESS_HEADER]: "203.0.113.7", "x-forwarded-for": "203.0.113.8" }))).toBe("unknown");
  });
});
