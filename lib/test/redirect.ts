import { expect } from "vitest";

/** Where an action sent the browser: Next's redirect() throws, with the target in the error's digest. */
export async function redirectOf(run: () => Promise<unknown>): Promise<string> {
  const thrown = await run().then(
    (state) => {
      throw new Error(`expected a redirect, got ${JSON.stringify(state)}`);
    },
    (error: unknown) => error,
  );
  const digest = String((thrown as { digest?: unknown }).digest ?? "");
  expect(digest).toMatch(/^NEXT_REDIRECT/);
  return digest.split(";")[2];
}
