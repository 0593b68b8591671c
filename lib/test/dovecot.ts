// A real IMAP server for tests: Debian's dovecot (package dovecot-imapd,
// installed by .ci/run), started in the foreground on a free port with its
// whole configuration, state and maildir in a temporary folder, one user in
// a passwd-file, plain IMAP on 127.0.0.1 with no TLS. No systemd, nothing of
// the system's dovecot is read or touched; stop() ends this process only and
// removes the folder.
import { spawn, type ChildProcess } from "node:child_process";
import { chmod, chown, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "./free-port";

export const DOVECOT_BINARY = "/usr/sbin/dovecot";

export type Dovecot = {
  port: number;
  user: string;
  pass: string;
  /** For PEC_IMAP_URL: imap://user:pass@127.0.0.1:port */
  url: string;
  stop(): Promise<void>;
};

/** uid and gid of a system user, from /etc/passwd. */
async function systemUser(name: string): Promise<{ uid: number; gid: number } | null> {
  const line = (await readFile("/etc/passwd", "utf8")).split("\n").find((entry) => entry.startsWith(`${name}:`));
  if (!line) return null;
  const [, , uid, gid] = line.split(":");
  return { uid: Number(uid), gid: Number(gid) };
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.setTimeout(1000);
    socket.once("data", (chunk) => {
      socket.destroy();
      resolve(chunk.toString().startsWith("* OK"));
    });
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
  });
}

export async function startDovecot({ user = "pec@convoca.example.it", pass = "segreto-di-prova", timeoutMs = 30_000 } = {}): Promise<Dovecot> {
  // Short: dovecot's unix sockets live under base_dir, and a socket path has at most 107 bytes.
  const dir = await mkdtemp(path.join(tmpdir(), "dvc-"));
  // mkdtemp makes it 0700: dovecot's own users must reach the passwd-file and the sockets.
  await chmod(dir, 0o755);
  const port = await freePort();
  // Dovecot refuses mail as root (uid 0): when the tests run as root, the mail belongs to its own "dovecot" user.
  const self = { uid: process.getuid?.() ?? 0, gid: process.getgid?.() ?? 0 };
  const owner = self.uid === 0 ? ((await systemUser("dovecot")) ?? (await systemUser("nobody"))) : self;
  if (!owner) throw new Error("No user to own the test maildir (dovecot, nobody)");
  const internal = self.uid === 0 ? "dovecot" : (process.env.USER ?? "nobody");
  const login = self.uid === 0 ? "dovenull" : internal;
  const mail = path.join(dir, "mail");
  const home = path.join(dir, "home");
  await mkdir(mail);
  await mkdir(home);
  await mkdir(path.join(dir, "run"));
  if (self.uid === 0) {
    await chown(mail, owner.uid, owner.gid);
    await chown(home, owner.uid, owner.gid);
  }
  await writeFile(path.join(dir, "passwd"), `${user}:{PLAIN}${pass}:${owner.uid}:${owner.gid}::${home}\n`, { mode: 0o644 });
  const config = path.join(dir, "dovecot.conf");
  await writeFile(
    config,
    [
      `base_dir = ${dir}/run`,
      `state_dir = ${dir}/state`,
      `log_path = ${dir}/dovecot.log`,
      `info_log_path = ${dir}/dovecot.log`,
      "protocols = imap",
      "listen = 127.0.0.1",
      "ssl = no",
      "disable_plaintext_auth = no",
      "auth_mechanisms = plain login",
      `mail_location = maildir:${mail}/%u`,
      "first_valid_uid = 1",
      `default_internal_user = ${internal}`,
      `default_login_user = ${login}`,
      "passdb {",
      "  driver = passwd-file",
      `  args = scheme=PLAIN username_format=%u ${dir}/passwd`,
      "}",
      "userdb {",
      "  driver = passwd-file",
      `  args = username_format=%u ${dir}/passwd`,
      "}",
      "service imap-login {",
      "  inet_listener imap {",
      "    address = 127.0.0.1",
      `    port = ${port}`,
      "  }",
      "  inet_listener imaps {",
      "    port = 0",
      "  }",
      "}",
      "",
    ].join("\n"),
  );

  let output = "";
  const child: ChildProcess = spawn(DOVECOT_BINARY, ["-F", "-c", config], { stdio: ["ignore", "pipe", "pipe"] });
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let spawnError: Error | null = null;
  child.once("error", (error) => (spawnError = error));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const killer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(killer);
    }
    // KEEP_DOVECOT=1 keeps the folder (its dovecot.log) to see why a test failed.
    if (!process.env.KEEP_DOVECOT) await rm(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + timeoutMs;
  while (!(await canConnect(port))) {
    if (spawnError || child.exitCode !== null || Date.now() > deadline) {
      const log = await readFile(path.join(dir, "dovecot.log"), "utf8").catch(() => "");
      await stop();
      throw new Error(`dovecot did not start (${spawnError ?? `exit ${child.exitCode}`}): ${output}${log}`.slice(0, 2000));
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { port, user, pass, url: `imap://${encodeURIComponent(user)}:${encodeURIComponent(pass)}@127.0.0.1:${port}`, stop };
}
