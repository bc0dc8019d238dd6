import { expect, test } from "@playwright/test";
import { launch, openTab } from "./support/launch";

/**
 * The Plan screen's inputs (issue 20): the duration question when the record cannot tell, the
 * actual-use input of as-needed orders (prefilled from the order's supply, saying so), and why a
 * step differs from the nominal rate; each at 400 px (EHR sidebar) and 1280 px, with screenshots
 * (test artifacts under test-results/, looked at by the developer).
 */
for (const width of [400, 1280] as const) {
  test(`a record that cannot tell how long opioids were used asks, with the slower protocol preselected (${width} px)`, async ({ page }, testInfo) => {
    await page.setViewportSize({ width, height: 900 });
    // Rita Newcombe: oxycodone started 6 weeks ago in this record (the record may not reach back a year)
    await launch(page, "otp-recent-start");
    await openTab(page, "Plan");
    const question = page.getByTestId("duration-question");
    await expect(question).toBeVisible();
    await expect(question).toContainText("cannot be told from the record");
    await expect(page.getByTestId("duration-long")).toBeChecked();
    // monthly steps by default
    const starts = async () => (await page.getByTestId("schedule-row").locator("td[data-label='From']").allTextContents()).slice(0, 2);
    const monthly = await starts();
    await page.screenshot({ path: testInfo.outputPath(`plan-duration-question-${width}.png`), fullPage: true });
    await page.getByTestId("duration-short").check();
    await expect(page.getByTestId("duration-answered")).toBeVisible();
    await expect.poll(starts).not.toEqual(monthly);
    // the weekly protocol: steps come faster than monthly; a step that removes more than 10 % (one 5 mg
    // dose of four is 25 %) is kept long enough that no week exceeds the rate (3 weeks here, not 1)
    const gapDays = (d: string[]) => (Date.parse(d[1] ?? "") - Date.parse(d[0] ?? "")) / 86_400_000;
    expect(gapDays(monthly)).toBeGreaterThanOrEqual(28);
    expect(gapDays(await starts())).toBeLessThan(gapDays(monthly));
    await expect(page.getByTestId("schedule-row").first()).toContainText(/Kept \d+ weeks?/);
  });

  test(`an as-needed order plans from actual use, and each step says why it differs from the rate (${width} px)`, async ({ page }, testInfo) => {
    await page.setViewportSize({ width, height: 900 });
    // Fiona Fenwick: fentanyl 25 mcg/h patch + hydrocodone/acetaminophen 5 mg every 6 hours as needed (120 tablets for 30 days)
    await launch(page, "otp-fentanyl-hydrocodone");
    await openTab(page, "Plan");
    const input = page.getByTestId("actual-use-input");
    await expect(input).toHaveValue("4");
    await expect(page.getByTestId("actual-use-source")).toContainText("Prefilled: The order supplies 120 tablets for 30 days: 4 doses a day");
    const firstMme = page.getByTestId("schedule-mme").first();
    await expect(firstMme).toContainText("80"); // 60 (patch) + 4 x 5 mg x 1
    await input.fill("2");
    await expect(firstMme).toContainText("70"); // the plan starts at actual use: 60 + 2 x 5
    await expect(page.getByTestId("actual-use-source")).toContainText("Entered by the clinician.");
    const instruction = page.getByTestId("schedule-instruction").filter({ hasText: "as needed" }).first();
    await expect(instruction).toContainText("as needed, up to twice a day");
    // why a step differs from the nominal rate, in words
    const showAll = page.getByRole("button", { name: /^Show all \d+ steps$/ });
    if (await showAll.count()) await showAll.click();
    await expect(page.getByTestId("step-why").first()).toBeVisible();
    await expect(page.getByTestId("step-why").first()).toContainText(/MME\/day/);
    // the plan ends at zero with a stop line of its own
    await expect(page.getByTestId("schedule-instruction").last()).toContainText(/^Stop .*: (last dose on|remove the last patch on)/);
    await page.screenshot({ path: testInfo.outputPath(`plan-actual-use-${width}.png`), fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
}
