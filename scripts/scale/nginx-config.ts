// deploy/nginx.conf, as the scale test runs it and as `nginx -t` checks it:
// its `upstream convoca` and `location /` blocks taken as they are, with
// the instances' addresses replaced, inside a plain-HTTP server on a spare
// port whose files (pid, logs, temp folders) live in a folder of the test's.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

export const NGINX_BINARY = "/usr/sbin/nginx";
export const DEPLOY_CONFIG = path.join(process.cwd(), "deploy", "nginx.conf");

/** A block `head { … }` of the file (no nested braces), as written. */
export function configBlock(config: string, head: string): string {
  const start = config.indexOf(`${head} {`);
  if (start < 0) throw new Error(`deploy/nginx.conf has no "${head} {" block`);
  const end = config.indexOf("}", start);
  const block = config.slice(start, end + 1);
  if (block.slice(head.length + 2).includes("{")) throw new Error(`deploy/nginx.conf: "${head}" must hold no nested block`);
  return block;
}

/** The upstream block with its `server` lines pointing at these ports, every other line kept. */
export function upstreamFor(config: string, ports: number[]): string {
  const block = configBlock(config, "upstream convoca");
  const servers = [...block.matchAll(/^(\s*)server\s+\S+(.*);$/gm)];
  if (servers.length === 0) throw new Error("deploy/nginx.conf: the upstream has no server line");
  const [, indent, parameters] = servers[0];
  let replaced = false;
  return block.replace(/^\s*server\s+\S+.*;$\n?/gm, () => {
    if (replaced) return "";
    replaced = true;
    return ports.map((port) => `${indent}server 127.0.0.1:${port}${parameters};\n`).join("");
  });
}

/** Files of the running nginx in `dir`; its directives that write elsewhere are pointed there. */
function localPaths(dir: string): string {
  return [
    `pid ${path.join(dir, "nginx.pid")};`,
    `error_log ${path.join(dir, "error.log")} warn;`,
  ].join("\n");
}

function tempPaths(dir: string): string {
  return ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]
    .map((name) => `    ${name}_temp_path ${path.join(dir, `${name}-temp`)};`)
    .join("\n");
}

/** What the scale test runs: the shipped upstream and location, over HTTP on 127.0.0.1:listenPort. */
export function scaleTestConfig(options: { dir: string; listenPort: number; upstreamPorts: number[]; deployConfig?: string }): string {
  const config = options.deployConfig ?? readFileSync(DEPLOY_CONFIG, "utf8");
  return [
    "# Derived by scripts/scale/nginx-config.ts from deploy/nginx.conf (its upstream and location blocks as written).",
    "daemon off;",
    "worker_processes 1;",
    localPaths(options.dir),
    "events { worker_connections 2048; }",
    "http {",
    `    access_log off;`,
    tempPaths(options.dir),
    `    ${upstreamFor(config, options.upstreamPorts)}`,
    "    server {",
    `        listen 127.0.0.1:${options.listenPort};`,
    `        ${configBlock(config, "location /")}`,
    "    }",
    "}",
    "",
  ].join("\n");
}

/** The whole deploy/nginx.conf with its certificate and log paths moved into `dir`, for `nginx -t`. */
export function checkableDeployConfig(options: { dir: string; certificate: string; key: string; deployConfig?: string }): string {
  const config = options.deployConfig ?? readFileSync(DEPLOY_CONFIG, "utf8");
  return `${localPaths(options.dir)}\n${config}`
    .replace(/^(\s*ssl_certificate)\s+\S+;/m, `$1 ${options.certificate};`)
    .replace(/^(\s*ssl_certificate_key)\s+\S+;/m, `$1 ${options.key};`)
    .replace(/^(\s*access_log)\s+\/var\/log\/\S+;/m, `$1 ${path.join(options.dir, "access.log")};`)
    .replace(/^(\s*error_log)\s+\/var\/log\/\S+(.*);/m, `$1 ${path.join(options.dir, "error.log")}$2;`)
    .replace(/^http \{$/m, `http {\n${tempPaths(options.dir)}`);
}

export function nginxAvailable(): boolean {
  return existsSync(NGINX_BINARY);
}

/** `nginx -t` on a file: whether it is accepted, and what nginx said. */
export function nginxTest(file: string, prefix: string): { ok: boolean; output: string } {
  const result = spawnSync(NGINX_BINARY, ["-t", "-q", "-p", prefix, "-c", file], { encoding: "utf8" });
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}`.trim() };
}

/** Debian's nginx when it is missing, as .ci/run installs dovecot: true when it is there afterwards. */
export function installNginx(log: (line: string) => void): boolean {
  if (nginxAvailable()) return true;
  if (process.getuid?.() !== 0 || spawnSync("which", ["apt-get"]).status !== 0) return false;
  log("Installing Debian's nginx for the scale test (apt-get)…");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  spawnSync("apt-get", ["install", "-y", "-qq", "nginx"], { stdio: ["ignore", "ignore", "inherit"], env });
  return nginxAvailable();
}
