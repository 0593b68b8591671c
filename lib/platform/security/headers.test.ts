import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { contentSecurityPolicy, inlineScriptHashes, prerenderedScriptHashes, readPrerenderedHashes, responseSecurityHeaders, scriptPolicyFor, securityHeaders } from "./headers";

const named = (headers: [string, string][]) => new Map(headers.map(([name, value]) => [name.toLowerCase(), value]));
const scriptSources = (policy: string) => policy.split("; ").find((directive) => directive.startsWith("script-src "))!.split(" ").slice(1);
const sha256 = (text: string) => `sha256-${createHash("sha256").update(text).digest("base64")}`;

describe("security headers", () => {
  it("send HSTS (and upgrade-insecure-requests) only when APP_URL is https", () => {
    for (const appUrl of ["https://convoca.anci.sicilia.it", " https://convoca.example/ "]) {
      const headers = named(securityHeaders({ appUrl }));
      expect(headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
      expect(headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
    }
    for (const appUrl of [undefined, "", "http://localhost:3000", "http://convoca.example", "not a url", "httpsx://convoca.example"]) {
      const headers = named(securityHeaders({ appUrl }));
      expect(headers.has("strict-transport-security"), String(appUrl)).toBe(false);
      expect(headers.get("content-security-policy")).not.toContain("upgrade-insecure-requests");
    }
  });

  it("always send nosniff, DENY framing, a Permissions-Policy that turns the powerful features off", () => {
    const headers = named(securityHeaders());
    expect(headers.get("x-content-type-options")).toBe("nosniff");
    expect(headers.get("x-frame-options")).toBe("DENY");
    for (const feature of ["camera", "microphone", "geolocation", "payment", "usb"]) expect(headers.get("permissions-policy")).toContain(`${feature}=()`);
    const policy = headers.get("content-security-policy")!;
    for (const directive of ["default-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'"]) {
      expect(policy.split("; ")).toContain(directive);
    }
  });

  it("allow scripts from 'self', the nonce and the hashes, never inline or eval outside development", () => {
    const sources = scriptSources(contentSecurityPolicy({ nonce: "abc123==", scriptHashes: ["sha256-xyz="] }));
    expect(sources).toEqual(["'self'", "'nonce-abc123=='", "'sha256-xyz='"]);
    expect(scriptSources(contentSecurityPolicy({ development: true }))).toContain("'unsafe-eval'");
    expect(scriptSources(contentSecurityPolicy())).not.toContain("'unsafe-inline'");
  });
});

describe("hashes of a prerendered page's inline scripts", () => {
  let dir: string | undefined;
  afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

  const html = (...scripts: string[]) => `<!DOCTYPE html><html><head>${scripts.join("")}</head><body></body></html>`;

  it("hash each inline script's text as the browser does, skipping external scripts", () => {
    const flight = 'self.__next_f.push([1,"1:\\"$Sreact.fragment\\"\\n"])';
    const hashes = inlineScriptHashes(
      html('<script src="/_next/static/chunks/a.js" async="" integrity="sha256-q"></script>', "<script>(self.__next_f=self.__next_f||[]).push([0])</script>", `<script id="_R_">${flight}</script>`),
    );
    expect(hashes).toEqual([sha256("(self.__next_f=self.__next_f||[]).push([0])"), sha256(flight)]);
  });

  it("map each built HTML file to its path; the 404 and global error pages count for every path", () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "convoca-csp-"));
    mkdirSync(path.join(dir, "accedi"));
    writeFileSync(path.join(dir, "privacy.html"), html("<script>privacy()</script>"));
    writeFileSync(path.join(dir, "accedi", "controlla-email.html"), html("<script>check()</script>"));
    writeFileSync(path.join(dir, "_not-found.html"), html("<script>notFound()</script>"));
    writeFileSync(path.join(dir, "privacy.rsc"), "<script>not html()</script>");
    const hashes = readPrerenderedHashes(dir);
    expect([...hashes.pages.keys()].sort()).toEqual(["/accedi/controlla-email", "/privacy"]);
    expect(hashes.fallback).toEqual([sha256("notFound()")]);

    const prerendered = scriptPolicyFor("/privacy", hashes);
    expect(prerendered.nonce).toBeUndefined();
    expect(prerendered.scriptHashes).toEqual([sha256("privacy()"), sha256("notFound()")]);
    expect(scriptPolicyFor("/accedi/controlla-email/", hashes).scriptHashes).toContain(sha256("check()"));

    const onDemand = [scriptPolicyFor("/", hashes), scriptPolicyFor("/convocazioni/x", hashes)];
    expect(onDemand[0].nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(onDemand[0].nonce).not.toBe(onDemand[1].nonce);
    expect(onDemand[0].scriptHashes).toEqual([sha256("notFound()")]);
  });

  it("under next dev, ignore what an earlier build left: every page gets a nonce, and eval for React's dev tools", () => {
    vi.stubEnv("NODE_ENV", "development");
    try {
      expect(prerenderedScriptHashes().pages.size).toBe(0);
      const policy = named(responseSecurityHeaders("/privacy")).get("content-security-policy")!;
      expect(scriptSources(policy)).toEqual([expect.stringMatching(/^'self'$/), expect.stringMatching(/^'nonce-/), "'unsafe-eval'"]);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("give every page a nonce when there is no build to read", () => {
    const hashes = readPrerenderedHashes(path.join(os.tmpdir(), "convoca-no-such-build"));
    expect(hashes.pages.size).toBe(0);
    expect(scriptPolicyFor("/privacy", hashes).nonce).toBeTruthy();
  });
});
