import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { simBaseUrl } from "../sandbox/bases";
import { encodeLaunchOptions, type LaunchOptions } from "../sandbox/launch-options";
import { PRACTITIONER_PRIMARY } from "../sandbox/scenarios/types";
import { completeChecklist, dayFromToday } from "./support/checklist";
import { openTab, sandboxRequests } from "./support/launch";
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
  await expect(page.getByTestId("mme-total").or(page.getByTestId("issue"))).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId("record-ready")).toBeAttached({ timeout: 20_000 });
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
  await expect(page.getByTestId("issue").or(page.getByTestId("session-expired"))).toBeVisible({ timeout: 20_000 });

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
  await expect(page.getByTestId("mme-total")).toContainText("120 MME/day", { timeout: 20_000 });
  await expect(page.getByTestId("app")).toHaveAttribute("data-session-patient", "otp-oxy-benzo");
});
