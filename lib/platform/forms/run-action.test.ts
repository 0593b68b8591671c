import { afterEach, describe, expect, it, vi } from "vitest";
import { Prisma } from "../../generated/prisma/client";
import { GENERIC_ERROR } from "./action-state";
import { defineForm, readForm } from "./form-data";
import { describeError } from "@/lib/platform/logging/log";
import { runFormAction } from "./run-action";

const TOKEN = "q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c";

afterEach(() => vi.restoreAllMocks());

describe("runFormAction", () => {
  it("turns an unexpected error into a generic Italian message that keeps the values, and logs no message or token", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const values = { email: "maria@comune.example.it" };
    const state = await runFormAction("register", values, async () => {
      throw new Error(`duplicate key for maria@comune.example.it at /iscrizione/${TOKEN}`);
    });
    expect(state).toEqual({ status: "error", fieldErrors: {}, formError: GENERIC_ERROR, values });
    expect(log).toHaveBeenCalledTimes(1);
    const line = String(log.mock.calls[0][0]);
    expect(line).toBe("[form action] register failed: Error");
    expect(line).not.toContain(TOKEN);
  });

  it("answers 404, without running the body, to a call that brought no FormData (a left-out argument)", async () => {
    const shape = defineForm({ text: ["email"] });
    const body = vi.fn(async () => ({ status: "success" as const, message: "Fatto.", values: { email: "" } }));
    // A bound action posted by its bare "$ACTION_ID_…": the FormData lands in the state's place.
    const values = readForm(undefined as unknown as FormData, shape);
    await expect(runFormAction("register", values, body)).rejects.toMatchObject({ digest: "NEXT_HTTP_ERROR_FALLBACK;404" });
    expect(body).not.toHaveBeenCalled();
    // The same values from a real form run as usual.
    await runFormAction("register", readForm(new FormData(), shape), body);
    expect(body).toHaveBeenCalledTimes(1);
  });

  it("returns the body's state as it is", async () => {
    const state = await runFormAction("edit", { a: "1" }, async () => ({ status: "success" as const, message: "Fatto.", values: { a: "1" } }));
    expect(state).toEqual({ status: "success", message: "Fatto.", values: { a: "1" } });
  });
});

describe("describeError", () => {
  it("names the error and Prisma's code, never the message", () => {
    const known = new Prisma.PrismaClientKnownRequestError("Unique constraint failed on maria@comune.example.it", {
      code: "P2002",
      clientVersion: "7",
    });
    expect(describeError(known)).toBe("PrismaClientKnownRequestError P2002");
    expect(describeError(new TypeError("secret"))).toBe("TypeError");
    expect(describeError("secret")).toBe("string");
  });
});
