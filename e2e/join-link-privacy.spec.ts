import { expect, test } from "@playwright/test";
import { seedMeeting } from "./support/database";

test("the join link never reaches public HTML or the calendar file", async ({ page }) => {
  const secret = `https://videoconferenza.example/j/${Date.now()}-riservato`;
  const meeting = await seedMeeting({ joinUrl: secret, platform: "Zoom" });

  for (const path of ["/", `/convocazioni/${meeting.slug}`, `/convocazioni/${meeting.slug}/calendario.ics`]) {
    const response = await page.request.get(path);
    expect(response.status()).toBe(200);
    const body = await response.text();
    expect(body).not.toContain(secret);
    expect(body).not.toContain("riservato");
  }

  await page.goto(`/convocazioni/${meeting.slug}`);
  expect(await page.content()).not.toContain("riservato");
});
