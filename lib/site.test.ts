import { afterEach, describe, expect, it } from "vitest";
import { onAppOrigin } from "./site";

const saved = process.env.APP_URL;
afterEach(() => {
  process.env.APP_URL = saved;
});

describe("onAppOrigin", () => {
  it("puts a link a request's Host header chose back on APP_URL, keeping its path and query", () => {
    process.env.APP_URL = "https://convoca.anci.sicilia.it/";
    expect(onAppOrigin("https://evil.example/api/auth/callback/email?token=abc&email=a%40b.it")).toBe(
      "https://convoca.anci.sicilia.it/api/auth/callback/email?token=abc&email=a%40b.it",
    );
  });
});
