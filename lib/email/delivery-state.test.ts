import fc from "fast-check";
import { expect, test } from "vitest";
import type { DeliveryState } from "@/lib/generated/prisma/enums";
import { isUndeliverable, replaceableBy, supersedes } from "./delivery-state";

const STATES: DeliveryState[] = ["ACCEPTED", "DELAYED", "DELIVERED", "BOUNCED", "COMPLAINED", "FAILED"];

/** Applies reports in the order they arrive, as recordDeliveryState does. */
function settle(reports: DeliveryState[]): DeliveryState | null {
  return reports.reduce<DeliveryState | null>((current, incoming) => (supersedes(incoming, current) ? incoming : current), null);
}

test("a final report is never undone: delivered after bounced stays bounced", () => {
  expect(settle(["BOUNCED", "DELIVERED"])).toBe("BOUNCED");
  expect(settle(["DELIVERED", "BOUNCED"])).toBe("BOUNCED");
  expect(settle(["DELIVERED", "COMPLAINED", "DELIVERED"])).toBe("COMPLAINED");
  expect(settle(["FAILED", "ACCEPTED", "DELAYED"])).toBe("FAILED");
});

test("delayed and accepted only move a message with no better news", () => {
  expect(settle(["DELIVERED", "DELAYED"])).toBe("DELIVERED");
  expect(settle(["DELAYED", "ACCEPTED"])).toBe("DELAYED");
  expect(settle(["ACCEPTED", "DELAYED", "DELIVERED"])).toBe("DELIVERED");
});

test("the first final report that arrives is the one that holds, whatever came around it", () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...STATES), { maxLength: 12 }), (reports) => {
      const final = reports.find((state) => isUndeliverable(state));
      const settled = settle(reports);
      if (final) expect(settled).toBe(final);
      else if (reports.includes("DELIVERED")) expect(settled).toBe("DELIVERED");
    }),
  );
});

test("replaceableBy lists exactly the states supersedes would replace", () => {
  for (const incoming of STATES) {
    for (const current of STATES) expect(replaceableBy(incoming).includes(current)).toBe(supersedes(incoming, current));
  }
});
