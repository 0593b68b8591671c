import { expect, test } from "vitest";
import { renderEmail } from "@/lib/email/render";
import { SAMPLE_DATA } from "@/lib/test/email-fixtures";

test("the user invitation names the role and who invited, and links to the sign-in page without any token", async () => {
  const email = await renderEmail("user-invitation", SAMPLE_DATA["user-invitation"]);
  expect(email.subject).toBe("Il tuo accesso all'area riservata di Convoca");
  expect(email.text).toContain("Gentile Maria Rossi,");
  expect(email.text).toContain("Anna Bianchi ti ha dato accesso");
  expect(email.text).toContain("Coordinatore");
  expect(email.text).toContain("http://localhost:3000/accedi");
  expect(email.html).toContain('lang="it"');
  expect(email.privateUrls).toEqual([]);
});

test("without names it still reads well", async () => {
  const email = await renderEmail("user-invitation", { ...SAMPLE_DATA["user-invitation"], recipientName: null, inviterName: null });
  expect(email.text).toContain("Buongiorno,");
  expect(email.text).toContain("ti è stato dato accesso");
});
