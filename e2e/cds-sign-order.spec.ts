import { expect, test } from "@playwright/test";
import { SANDBOX_ORIGIN } from "./support/ports";

/**
 * The sandbox EHR as a CDS Hooks client: "Sign order" sends a draft opioid order to the app's
 * order-sign service (prefetch from the sandbox's FHIR server, a client JWT signed with the
 * sandbox's keys and checked by the app), and shows the cards; the SMART link launches the app
 * for the same patient. Screenshots at 1280 and 400 px for review.
 */
const PATIENT = "otp-oxy-benzo"; // Oscar Oxley: oxycodone ER 30 mg q12h + IR 5 mg q6h PRN (120 MME/day) and a benzodiazepine

test("Sign order shows the order-sign cards, and the SMART link opens the app for the patient", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 1000 });
  await page.goto(`${SANDBOX_ORIGIN}/`);
  await page.getByRole("link", { name: "Sign order (CDS) for Oscar Oxley" }).click();
  await expect(page).toHaveURL(new RegExp(`/cds/sign\\?patient=${PATIENT}`));
  await page.getByLabel(/Oxycodone 10 mg tablet, 1 every 6 hours/).check();
  await page.getByRole("button", { name: "Sign order" }).click();

  await expect(page.getByRole("heading", { name: /^CDS cards \(\d+\)$/ })).toBeVisible({ timeout: 20_000 });
  const cards = page.locator(".cds-card");
  // 120 MME/day on file + the draft 10 mg x 4/day x 1.5 = 60: 180
  await expect(cards.filter({ hasText: "Total 180 MME/day with this order: at or above 90, a point to reassess (CDC 2022)" })).toHaveCount(1);
  await expect(cards.filter({ hasText: "Opioid with a benzodiazepine or other CNS depressant" })).toHaveCount(1);
  await expect(page.getByText("below 50")).toHaveCount(0);
  await page.screenshot({ path: "test-results/cds-sign-order-1280.png", fullPage: true });
  await page.setViewportSize({ width: 400, height: 900 });
  await page.screenshot({ path: "test-results/cds-sign-order-400.png", fullPage: true });
  await page.setViewportSize({ width: 1280, height: 1000 });

  const link = cards.filter({ hasText: "MME/day with this order" }).getByRole("link", { name: /Opioid Taper Planner/ });
  await expect(link).toBeVisible();
  await link.click();
  await expect(page).toHaveURL(/\/ehr\?launch=/);
  const app = page.frameLocator("iframe");
  await expect(app.getByTestId("mme-total")).toContainText("120 MME/day", { timeout: 30_000 });
});
