import { describe, expect, it, vi } from "vitest";
import { createTestDatabase } from "@/lib/test/database";
import { can, type DashboardUser } from "./roles";

const session = vi.hoisted(() => ({ user: null as DashboardUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-convoca-path": "/dashboard/convocazioni?pagina=2" }) }));

// What next.config.mjs's experimental.authInterrupts sets for the server.
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";
const { url, db } = await createTestDatabase();
process.env.DATABASE_URL = url;
const { authorize, guardPage, guardRoute, runDashboardAction, safeCallbackPath, FORBIDDEN_MESSAGE, SIGNED_OUT_MESSAGE } = await import("./guard");
const { mayUseDashboard } = await import("./queries");

const as = (role: DashboardUser["role"]): DashboardUser => ({ id: "00000000-0000-4000-8000-000000000001", email: "x@y.it", name: null, role });

describe("roles", () => {
  it("grants read to everyone, write to coordinators and admins, admin to admins only", () => {
    expect([can("OBSERVER", "read"), can("OBSERVER", "write"), can("OBSERVER", "admin")]).toEqual([true, false, false]);
    expect([can("COORDINATOR", "read"), can("COORDINATOR", "write"), can("COORDINATOR", "admin")]).toEqual([true, true, false]);
    expect([can("ADMIN", "read"), can("ADMIN", "write"), can("ADMIN", "admin")]).toEqual([true, true, true]);
  });
});

describe("authorize", () => {
  it("refuses a signed-out caller and a role without the permission", async () => {
    session.user = null;
    expect(await authorize("read")).toEqual({ ok: false, reason: "SIGNED_OUT" });
    session.user = as("OBSERVER");
    expect(await authorize("write")).toEqual({ ok: false, reason: "FORBIDDEN" });
    session.user = as("COORDINATOR");
    expect(await authorize("admin")).toEqual({ ok: false, reason: "FORBIDDEN" });
    expect(await authorize("write")).toEqual({ ok: true, user: as("COORDINATOR") });
  });
});

describe("guardPage", () => {
  it("sends a signed-out visitor to sign in and back to the page asked for", async () => {
    session.user = null;
    const error = await guardPage("read").catch((thrown: unknown) => thrown);
    expect(String((error as { digest?: string }).digest)).toContain("/accedi?callbackUrl=%2Fdashboard%2Fconvocazioni%3Fpagina%3D2");
  });

  it("answers 403 to a role without the permission", async () => {
    session.user = as("OBSERVER");
    const error = await guardPage("admin").catch((thrown: unknown) => thrown);
    expect(String((error as { digest?: string }).digest)).toContain("403");
  });

  it("returns the user otherwise", async () => {
    session.user = as("ADMIN");
    expect(await guardPage("admin")).toEqual(as("ADMIN"));
  });

  it("comes back only to a dashboard path", () => {
    expect(safeCallbackPath("/dashboard/utenti")).toBe("/dashboard/utenti");
    expect(safeCallbackPath("https://evil.example/dashboard")).toBe("/dashboard");
    expect(safeCallbackPath("//evil.example")).toBe("/dashboard");
    expect(safeCallbackPath(undefined)).toBe("/dashboard");
  });
});

describe("guardRoute", () => {
  it("answers 401 signed out and 403 to a role without the permission", async () => {
    session.user = null;
    const signedOut = await guardRoute("read");
    expect(signedOut.ok || signedOut.response.status).toBe(401);
    session.user = as("OBSERVER");
    const forbidden = await guardRoute("write");
    expect(forbidden.ok || forbidden.response.status).toBe(403);
    expect(forbidden.ok || (await forbidden.response.json())).toEqual({ ok: false, formError: FORBIDDEN_MESSAGE });
  });
});

describe("runDashboardAction", () => {
  it("refuses before running the body and keeps what was typed", async () => {
    const body = vi.fn();
    session.user = null;
    expect(await runDashboardAction("test", "write", { title: "Bozza" }, body)).toEqual({
      status: "error",
      fieldErrors: {},
      formError: SIGNED_OUT_MESSAGE,
      values: { title: "Bozza" },
    });
    session.user = as("OBSERVER");
    expect(await runDashboardAction("test", "write", { title: "Bozza" }, body)).toMatchObject({ formError: FORBIDDEN_MESSAGE });
    expect(body).not.toHaveBeenCalled();
  });

  it("runs the body with the user, and turns a crash into a generic message", async () => {
    session.user = as("COORDINATOR");
    const ok = await runDashboardAction("test", "write", {}, async (user) => ({ status: "success", message: user.role, values: {} }));
    expect(ok).toEqual({ status: "success", message: "COORDINATOR", values: {} });
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    const crashed = await runDashboardAction("test", "write", { a: "1" }, async () => {
      throw new Error("boom");
    });
    expect(crashed).toMatchObject({ status: "error", values: { a: "1" } });
    spy.mockRestore();
  });
});

describe("who may sign in", () => {
  it("only an existing, active user, whatever the case of the address", async () => {
    await db.user.create({ data: { email: "attiva@anci.test", role: "COORDINATOR" } });
    await db.user.create({ data: { email: "disattivata@anci.test", role: "COORDINATOR", active: false } });
    expect(await mayUseDashboard(db, " Attiva@ANCI.test ")).toBe(true);
    expect(await mayUseDashboard(db, "disattivata@anci.test")).toBe(false);
    expect(await mayUseDashboard(db, "nessuno@anci.test")).toBe(false);
  });
});
