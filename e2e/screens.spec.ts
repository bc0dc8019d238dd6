import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { completeChecklist, dayFromToday } from "./support/checklist";
import { launch, openTab } from "./support/launch";
import { SANDBOX_ORIGIN } from "./support/ports";

/**
 * Every screen, as the clinician sees it in an EHR sidebar (400 px) and a full window
 * (1280 px): no serious or critical accessibility violation (axe), a screenshot of each
 * (test artifacts under test-results/, not committed), operable with the keyboard alone,
 * and the handout's print view.
 */
const SCREENS = ["Summary", "Readiness", "Trends", "Plan", "Handout"] as const;
const WIDTHS = [400, 1280] as const;

async function axeSerious(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
}

// One test per screen and width (axe per screen), each with its own launch and timeout, so a slow
// machine cannot push five screens and five axe runs past one test's budget.
for (const width of WIDTHS) {
  for (const screen of SCREENS) {
    test(`${screen} at ${width} px: no serious accessibility violation, no horizontal scroll, screenshot`, async ({ page }, testInfo) => {
      await page.setViewportSize({ width, height: 900 });
      await launch(page, "otp-oxy-benzo");
      await openTab(page, screen);
      if (screen === "Trends") await expect(page.getByRole("img", { name: /MME\/day \(from orders\)/ })).toBeVisible();
      if (screen === "Summary") await page.locator(".ledger-row summary").first().click();
      expect(await axeSerious(page), `${screen} at ${width}px`).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${screen} at ${width}px scrolls sideways`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: testInfo.outputPath(`${screen.toLowerCase()}-${width}.png`), fullPage: true });
    });
  }
}

test("the no-context page has no serious accessibility violation", async ({ page }) => {
  await page.goto("/");
  expect(await axeSerious(page)).toEqual([]);
});

test("the refused-issuer page has no serious accessibility violation", async ({ page }) => {
  await page.goto(`/launch.html?iss=${encodeURIComponent("https://evil.example/fhir")}`);
  expect(await axeSerious(page)).toEqual([]);
});

test("the FHIR error page has no serious accessibility violation", async ({ page }) => {
  await launch(page, "otp-oxy-benzo", { fhirError: { resourceType: "MedicationRequest", status: 500 } });
  expect(await axeSerious(page)).toEqual([]);
});

test("keyboard only: move between screens, complete the checklist and reach the save dialog", async ({ page }) => {
  await launch(page, "otp-methadone");
  await page.getByRole("tab", { name: "Summary" }).focus();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("tab", { name: "Plan" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("tab", { name: "Plan" })).toHaveAttribute("aria-selected", "true");
  // tab through to each checklist box and tick it with the space bar
  for (const id of ["confirm.patient-agrees", "confirm.goals-agreed", "confirm.oud-assessed", "confirm.naloxone-offered", "confirm.follow-up-arranged"]) {
    const box = page.locator(`[data-confirm-id="${id}"]`);
    for (let i = 0; i < 80 && !(await box.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
    await expect(box).toBeFocused();
    await page.keyboard.press("Space");
    await expect(box).toBeChecked();
  }
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("First follow-up date")).toBeFocused();
  await page.getByLabel("First follow-up date").fill(dayFromToday(10));
  const save = page.getByTestId("review-save");
  for (let i = 0; i < 10 && !(await save.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(save).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("confirm-dialog")).toBeVisible();
});

test("the patient handout: plain language, a dose calendar, and a print view without the app's chrome", async ({ page }, testInfo) => {
  await launch(page, "otp-recent-start");
  await openTab(page, "Plan");
  await completeChecklist(page, dayFromToday(7));
  await openTab(page, "Handout");
  const handout = page.getByTestId("handout");
  await expect(handout).toContainText("Your doses");
  await expect(handout).toContainText("Your next visit");
  await expect(handout).toContainText("naloxone");
  await expect(handout).toContainText("988");
  expect(await handout.locator("tbody tr").count()).toBeGreaterThan(2);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("tablist")).toBeHidden();
  await expect(handout).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("handout-print.png"), fullPage: true });
  await page.emulateMedia({ media: "screen" });
});

test("the sandbox launcher is accessible too", async ({ page }) => {
  await page.goto(`${SANDBOX_ORIGIN}/`);
  expect(await axeSerious(page)).toEqual([]);
});

test("an unknown path shows the app's not-found page, with no CSP violation", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "This page does not exist" })).toBeVisible();
  expect(violations).toEqual([]);
});
