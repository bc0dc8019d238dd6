import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { simBaseUrl } from "../sandbox/bases";
import { encodeLaunchOptions, type LaunchOptions } from "../sandbox/launch-options";
import { PRACTITIONER_PRIMARY } from "../sandbox/scenarios/types";
import { completeChecklist, dayFromToday } from "./support/checklist";
import { LAUNCH_TIMEOUT_MS, launch, launchUrl, openTab, sandboxRequests } from "./support/launch";
import { APP_ORIGIN, LAUNCHER_STYLE_STANDALONE_ISS, SANDBOX_ORIGIN } from "./support/ports";

/**
 * Issue 19 against the sandbox in the public launcher's shapes (`/v/r4/sim/{code}/fhir`):
 * the EHR launch's `iss` names its options, so the `lax` option (answer requests without a
 * token, like launch.smarthealthit.org's proxy) applies to exactly this launch.
 */
async function launchOnLauncherBase(page: Page, options: LaunchOptions): Promise<string> {
  const code = encodeLaunchOptions({ practitioner: PRACTITIONER_PRIMARY, ...options });
  const iss = simBaseUrl(SANDBOX_ORIGIN, code);
  await page.goto(`${APP_ORIGIN}/launch.html?iss=${encodeURIComponent(iss)}&launch=${code}`);
  await expect(page.getByTestId("mme-total").or(page.getByTestId("issue"))).toBeVisible({ timeout: LAUNCH_TIMEOUT_MS });
  await expect(page.getByTestId("record-ready")).toBeAttached({ timeout: LAUNCH_TIMEOUT_MS });
  return new URL(iss).pathname;
}

test("token expiry without refresh on a lax EHR: Save and every other action send no request without a token; the plan stays downloadable", async ({ page }) => {
  test.setTimeout(90_000);
  const base = await launchOnLauncherBase(page, { patient: "otp-tramadol-low", tokenLifetimeSeconds: 10, denyScopes: ["online_access"], lax: true });
  const launchedAt = Date.now();
  await openTab(page, "Plan");
  await completeChecklist(page, dayFromToday(21));
  await page.waitForTimeout(Math.max(0, launchedAt + 11_000 - Date.now()));

  await page.getByTestId("review-save").click();
  await page.getByTestId("confirm-save").click();
  const error = page.getByTestId("save-error");
  await expect(error).toContainText(/session for this app has expired/i);
  await expect(page.getByRole("button", { name: /Retry/ })).toHaveCount(0);
  await expect(page.getByTestId("session-expired")).toBeVisible();
  await expect(page.getByTestId("app")).toHaveAttribute("data-session-ended", "true");
  await expect(page.getByTestId("review-save")).toBeDisabled();
  await expect(page.getByTestId("cannot-save")).toContainText(/expired/i);

  // the plan is still there to download and print
  await expect(page.getByTestId("schedule-row").first()).toBeVisible();
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download CarePlan (JSON)" }).click();
  const json = JSON.stringify(JSON.parse(readFileSync(await (await download).path(), "utf8")));
  expect(json).toContain('"resourceType":"CarePlan"');
  expect(json).toContain("Patient/otp-tramadol-low");

  // every other action: each screen, print, a reload of the tab
  for (const tab of ["Summary", "Readiness", "Trends", "Handout", "Plan"] as const) await openTab(page, tab);
  await page.evaluate(() => {
    window.print = () => {
      document.body.dataset.printed = "yes";
    };
  });
  await page.getByRole("button", { name: "Print plan" }).click();
  await expect(page.locator("body")).toHaveAttribute("data-printed", "yes");
  await page.reload();
  await expect(page.getByTestId("issue").or(page.getByTestId("session-expired"))).toBeVisible({ timeout: LAUNCH_TIMEOUT_MS });

  const requests = await sandboxRequests((r) => r.path.startsWith(`${base}/`));
  expect(requests.length).toBeGreaterThan(3);
  expect(requests.filter((r) => !r.token)).toEqual([]);
  // the one write attempt carried the expired token and was refused; nothing was written
  expect(requests.filter((r) => r.method === "POST")).toEqual([expect.objectContaining({ status: 401, token: true })]);
});

test("standalone launch through the public launcher's sim path (the options ride in the FHIR base)", async ({ page }) => {
  await page.goto("/launch.html");
  const link = page.getByRole("link", { name: /public-launcher paths/ });
  await expect(link).toHaveAttribute("href", `/launch.html?iss=${encodeURIComponent(LAUNCHER_STYLE_STANDALONE_ISS)}`);
  await link.click();
  await expect(page).toHaveURL(new RegExp(`^${SANDBOX_ORIGIN}/v/r4/sim/[^/]+/auth/authorize`));
  await page.locator(`input[name="practitioner"][value="${PRACTITIONER_PRIMARY}"]`).check();
  await page.locator('input[name="patient"][value="otp-oxy-benzo"]').check();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByTestId("mme-total")).toContainText("120 MME/day", { timeout: LAUNCH_TIMEOUT_MS });
  await expect(page.getByTestId("app")).toHaveAttribute("data-session-patient", "otp-oxy-benzo");
});

test("no CSP violation on any page: launch, every screen, the save dialog, the handout (zod runs without its eval probe)", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(launchUrl({ patient: "otp-oxy-benzo", practitioner: PRACTITIONER_PRIMARY }));
  await expect(page.getByTestId("record-ready")).toBeAttached({ timeout: LAUNCH_TIMEOUT_MS });
  for (const tab of ["Summary", "Readiness", "Trends", "Plan", "Handout"] as const) {
    await openTab(page, tab);
    await page.waitForLoadState("networkidle");
  }
  await openTab(page, "Plan");
  await completeChecklist(page, dayFromToday(30));
  await page.getByTestId("review-save").click();
  await expect(page.getByTestId("confirm-dialog")).toBeVisible();
  await page.goto("/launch.html");
  await page.goto("/no-such-page");
  expect(violations).toEqual([]);
});

test("opened as 127.0.0.1 (not next start's own name): the EHR sends the user back to 127.0.0.1 and the launch completes", async ({ page }) => {
  const code = encodeLaunchOptions({ patient: "otp-methadone", practitioner: PRACTITIONER_PRIMARY });
  const appAt127 = APP_ORIGIN.replace("localhost", "127.0.0.1");
  const authorize = page.waitForRequest((r) => r.url().startsWith(`${SANDBOX_ORIGIN}/auth/authorize`));
  await page.goto(`${appAt127}/launch.html?iss=${encodeURIComponent(`${SANDBOX_ORIGIN}/fhir`)}&launch=${code}`);
  expect(new URL((await authorize).url()).searchParams.get("redirect_uri")).toBe(`${appAt127}/`);
  await expect(page.getByTestId("mme-total")).toContainText("188 MME/day", { timeout: LAUNCH_TIMEOUT_MS });
  expect(new URL(page.url()).origin).toBe(appAt127);
});

test("odd HTTP methods get a plain 405 (no framework error); no HSTS over plain HTTP", async ({ request }) => {
  for (const method of ["TRACE", "PROPFIND", "DELETE"]) {
    const r = await request.fetch("/", { method });
    expect(r.status()).toBe(405);
    expect(r.headers().allow).toBe("GET, HEAD, POST, OPTIONS");
  }
  expect((await request.get("/")).headers()["strict-transport-security"]).toBeUndefined();
});

test("the public launcher's low-contrast style: applied where it meets WCAG AA, so no axe colour-contrast violation on any screen", async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 400, height: 900 });
  // a launcher-style base hands out the launcher's style document (highlight #69b5ce on #edeae3)
  await launchOnLauncherBase(page, { patient: "otp-oxy-benzo" });
  await expect.poll(() => page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue("--bg").trim())).toBe("#edeae3");
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue("--accent").trim())).toBe("#0b57d0");
  for (const screen of ["Summary", "Readiness", "Trends", "Plan", "Handout"] as const) {
    await openTab(page, screen);
    if (screen === "Plan") await completeChecklist(page, dayFromToday(30));
    const results = await new AxeBuilder({ page }).withRules(["color-contrast"]).analyze();
    expect(results.violations.flatMap((v) => v.nodes.map((n) => `${screen}: ${n.target.join(" ")} ${n.failureSummary ?? ""}`))).toEqual([]);
    await page.screenshot({ path: testInfo.outputPath(`launcher-style-${screen.toLowerCase()}-400.png`), fullPage: true });
  }
});

test("need_patient_banner false (inside the EHR frame): a compact identity strip with name and birth date stays on screen", async ({ page }) => {
  await page.setViewportSize({ width: 400, height: 700 });
  const code = encodeLaunchOptions({ patient: "otp-fentanyl-hydrocodone", practitioner: PRACTITIONER_PRIMARY, needPatientBanner: false });
  await page.goto(`${APP_ORIGIN}/launch.html?iss=${encodeURIComponent(`${SANDBOX_ORIGIN}/fhir`)}&launch=${code}`);
  await expect(page.getByTestId("record-ready")).toBeAttached({ timeout: 20_000 });
  const strip = page.getByTestId("identity-strip");
  await expect(strip).toContainText("Fiona Fenwick");
  await expect(strip).toContainText(/Born [A-Z][a-z]{2} \d{1,2}, \d{4}/);
  await expect(page.getByTestId("patient-banner")).toHaveCount(0);
  // still visible after scrolling to the bottom of the screen
  await page.mouse.wheel(0, 5000);
  await expect.poll(async () => (await strip.boundingBox())?.y ?? -1).toBeGreaterThanOrEqual(0);
  expect(await strip.evaluate((el) => el.getBoundingClientRect().bottom <= window.innerHeight && el.getBoundingClientRect().top >= 0)).toBe(true);
});

test("a deceased patient: shown in the banner, readiness says why, no plan is proposed", async ({ page }, testInfo) => {
  await launch(page, "otp-deceased");
  await expect(page.getByTestId("patient-banner")).toContainText("Delia Dorn");
  await expect(page.getByTestId("patient-deceased")).toContainText(/^Deceased [A-Z][a-z]{2} \d{1,2}, \d{4}$/);
  await openTab(page, "Readiness");
  const finding = page.locator('[data-finding-id="caution.deceased"]');
  await expect(finding).toHaveAttribute("data-status", "present");
  await expect(finding).toContainText(/recorded as deceased/i);
  await openTab(page, "Plan");
  await expect(page.getByTestId("plan-refusal")).toBeVisible();
  await expect(page.getByTestId("schedule-row")).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath("deceased-plan-1280.png"), fullPage: true });
});

for (const width of [360, 400, 480]) {
  test(`at ${width} px every tab label is readable, and the safety checks come right after the MME total, before the order ledger`, async ({ page }, testInfo) => {
    await page.setViewportSize({ width, height: 800 });
    await launch(page, "otp-oxy-benzo");
    for (const name of ["Summary", "Readiness", "Trends", "Plan", "Handout"]) {
      const tab = page.getByRole("tab", { name });
      const fits = await tab.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return el.scrollWidth <= el.clientWidth && r.left >= 0 && r.right <= window.innerWidth;
      });
      expect(fits, `${name} at ${width}px`).toBe(true);
    }
    const top = async (selector: string) => (await page.locator(selector).first().boundingBox())?.y ?? Number.NaN;
    const total = await top('[data-testid="mme-total"]');
    const safety = await top(".safety-facts");
    const ledger = await top(".summary-ledger");
    expect(total).toBeLessThan(safety);
    expect(safety).toBeLessThan(ledger);
    await page.screenshot({ path: testInfo.outputPath(`summary-${width}.png`), fullPage: true });
  });
}
