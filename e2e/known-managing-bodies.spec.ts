import { expect, test } from "@playwright/test";
import { seedMeeting, testDb } from "./support/database";
import { tick } from "./support/registration";

test("the form suggests the known enti gestori for each nominee, free text still allowed", async ({ page }) => {
  const name = `Cooperativa Nota ${Date.now()}`;
  await testDb().managingBody.create({ data: { name } });
  const meeting = await seedMeeting();
  await page.goto(`/convocazioni/${meeting.slug}/iscrizione`);
  await expect(page.locator(`datalist#enti-gestori-noti option[value="${name}"]`)).toBeAttached();
  // Nominees are offered to someone registering for a Comune.
  await tick(page.getByRole("radio", { name: "Comune", exact: true }));
  // An input with suggestions is a combobox to assistive technology.
  const bodyField = page.getByRole("combobox", { name: "Ente gestore", exact: true }).first();
  await expect(bodyField).toHaveAttribute("list", "enti-gestori-noti");
  await bodyField.fill("Un ente non ancora noto");
  await expect(bodyField).toHaveValue("Un ente non ancora noto");
});
