// deploy/nginx.conf is accepted by nginx itself (`nginx -t`, with a
// self-signed certificate made for the check), and the configuration the
// scale test runs is made of its own upstream and location blocks.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkableDeployConfig, configBlock, DEPLOY_CONFIG, installNginx, nginxTest, scaleTestConfig, upstreamFor } from "./scale/nginx-config";

const dir = mkdtempSync(path.join(os.tmpdir(), "convoca-nginx-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const deploy = readFileSync(DEPLOY_CONFIG, "utf8");
// Installed if missing (root with apt-get, as in CI); otherwise these checks say why they are skipped.
const available = installNginx(() => {});

describe.skipIf(!available)("deploy/nginx.conf under nginx -t (skipped: nginx is not installed and cannot be installed here)", () => {
  it("accepts the production template, TLS included", () => {
    const certificate = path.join(dir, "cert.pem");
    const key = path.join(dir, "key.pem");
    const made = spawnSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=convoca.example.it", "-keyout", key, "-out", certificate], {
      encoding: "utf8",
    });
    expect(made.status, made.stderr).toBe(0);
    const file = path.join(dir, "deploy.conf");
    writeFileSync(file, checkableDeployConfig({ dir, certificate, key }));
    const result = nginxTest(file, dir);
    expect(result.output).not.toMatch(/emerg/);
    expect(result.ok, result.output).toBe(true);
  });

  it("refuses a broken copy (the check can fail)", () => {
    const file = path.join(dir, "broken.conf");
    writeFileSync(file, checkableDeployConfig({ dir, certificate: "/nonexistent.pem", key: "/nonexistent.key", deployConfig: deploy.replace("proxy_pass", "proxy_passs") }));
    expect(nginxTest(file, dir).ok).toBe(false);
  });

  it("accepts the scale test's configuration", () => {
    const file = path.join(dir, "scale.conf");
    writeFileSync(file, scaleTestConfig({ dir, listenPort: 18080, upstreamPorts: [13001, 13002] }));
    const result = nginxTest(file, dir);
    expect(result.ok, result.output).toBe(true);
  });
});

describe("the scale test's nginx configuration", () => {
  it("is the shipped location block, word for word, and its upstream with the test's ports", () => {
    const config = scaleTestConfig({ dir, listenPort: 18080, upstreamPorts: [13001, 13002] });
    expect(config).toContain(configBlock(deploy, "location /"));
    expect(config).toContain("server 127.0.0.1:13001 max_fails=1 fail_timeout=5s;");
    expect(config).toContain("server 127.0.0.1:13002 max_fails=1 fail_timeout=5s;");
    expect(config).not.toContain("127.0.0.1:3001");
    // Every other line of the upstream (keepalive) is kept.
    for (const line of configBlock(deploy, "upstream convoca").split("\n").filter((line) => /^\s*keepalive/.test(line))) {
      expect(upstreamFor(deploy, [1, 2])).toContain(line.trim());
    }
    expect(config).toContain("listen 127.0.0.1:18080;");
    expect(config).not.toMatch(/ssl_certificate/);
  });

  it("passes the client's address as nginx saw it and never retries a POST that reached an instance", () => {
    const location = configBlock(deploy, "location /");
    expect(location).toMatch(/proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;/);
    expect(location).toMatch(/proxy_next_upstream error timeout;/);
    expect(location).not.toMatch(/^\s*proxy_next_upstream\s[^;]*non_idempotent/m);
  });
});
