// The Node server's own refusal, through a real HTTP server and raw requests
// (no client would send "GET *" otherwise).
import http from "node:http";
import net from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refuseUnroutable } from "./refuse";

let server: http.Server;
let port: number;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (refuseUnroutable(req, res)) return;
    res.end(`next: ${req.url}`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function send(target: string, method = "GET"): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1", () => socket.write(`${method} ${target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`));
    let data = "";
    socket.on("data", (chunk) => (data += chunk));
    socket.on("end", () => resolve(data));
    socket.on("error", reject);
  });
}

describe("refuseUnroutable", () => {
  it("answers a request-target that is no path with 400 and our Italian page", async () => {
    // (A target like "%C0%AF" never gets here: Node's parser answers it 400 itself.)
    for (const [target, method] of [["*", "GET"], ["*", "OPTIONS"], ["*", "POST"]]) {
      const response = await send(target, method);
      expect(response.split("\r\n")[0], target).toBe("HTTP/1.1 400 Bad Request");
      expect(response).toContain("indirizzo richiesto non è valido");
    }
  });

  it("lets paths and absolute URLs through to Next", async () => {
    expect(await send("/convocazioni/%C0%AF")).toContain("next: /convocazioni/%C0%AF");
    expect(await send("http://localhost/privacy")).toContain("next: http://localhost/privacy");
  });
});
