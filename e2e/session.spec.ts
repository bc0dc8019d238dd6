import { expect, test } from "@playwright/test";
import { encodeLaunchOptions } from "../sandbox/launch-options";
import { PRACTITIONER_PRIMARY } from "../sandbox/scenarios/types";
import { completeChecklist, dayFromToday } from "./support/checklist";
import { LAUNCH_TIMEOUT_MS, launch, openTab, waitForTabBinding } from "./support/launch";
import { APP_ORIGIN, SANDBOX_ISS, SANDBOX_ORIGIN } from "./support/ports";

/** Launch and session behaviour against the sandbox EHR (issue 5's end-to-end list). */
test.describe("launch and session", () => {
  test("standalone launch: the EHR asks for the patient, the app opens on that patient", async ({ page }) => {
    await page.goto(`/launch.html?iss=${encodeURIComponent(SANDBOX_ISS)}`);
    await expect(page).toHaveURL(new RegExp(`^${SANDBOX_ORIGIN}/auth/authorize`));
    await page.locator(`input[name="practitioner"][value="${PRACTITIONER_PRIMARY}"]`).check();
    await page.locator('input[name="patient"][value="otp-methadone"]').check();
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByTestId("mme-total")).toContainText("188 MME/day");
    await expect(page.getByTestId("app")).toHaveAttribute("data-session-patient", "otp-methadone");
  });

  test("a refused authorization ends on a sentence, not a stack trace", async ({ page }) => {
    await page.goto(`/launch.html?iss=${encodeURIComponent(SANDBOX_ISS)}`);
    await page.getByRole("button", { name: "Cancel" }).click();
    await expect(page.getByTestId("issue")).toBeVisible();
    await expect(page.getByTestId("issue")).toHaveAttribute("data-issue-code", "session.authorization-denied");
  });

  test("a narrowed grant without CarePlan create: the plan can be built and downloaded, saving is explained", async ({ page }) => {
    await launch(page, "otp-oxy-benzo", { denyScopes: ["patient/CarePlan.c"] });
    await expect(page.getByTestId("app")).toHaveAttribute("data-session-can-save", "false");
    await openTab(page, "Plan");
    await expect(page.getByTestId("schedule-row").first()).toBeVisible();
    await completeChecklist(page, dayFromToday(30), { savable: false });
    await expect(page.getByTestId("cannot-save")).toContainText(/permission to save care plans/i);
    await expect(page.getByTestId("review-save")).toBeDisabled();
    await expect(page.getByRole("button", { name: "Download CarePlan (JSON)" })).toBeEnabled();
  });

  test("no permission to read conditions: readiness says which findings could not be checked", async ({ page }) => {
    await launch(page, "otp-buprenorphine-oud", { denyScopes: ["patient/Condition.rs"] });
    await openTab(page, "Readiness");
    await expect(page.getByTestId("readiness-unavailable")).toBeVisible();
    await expect(page.locator('[data-finding-id="caution.pregnancy"]')).toHaveAttribute("data-status", "unknown");
  });

  test("a FHIR 500 on the medication search: the MME is unknown, never a lower number, and no plan is proposed", async ({ page }) => {
    await launch(page, "otp-oxy-benzo", { fhirError: { resourceType: "MedicationRequest", status: 500 } });
    await expect(page.getByTestId("mme-total")).toHaveText("Unknown");
    await expect(page.getByTestId("mme-completeness")).toContainText(/could not be read|unknown/i);
    await openTab(page, "Plan");
    await expect(page.getByTestId("plan-refusal")).toBeVisible();
  });

  test("a FHIR 500 on observations: the MME stands, the findings that need observations are unknown", async ({ page }) => {
    await launch(page, "otp-oxy-benzo", { fhirError: { resourceType: "Observation", status: 500 } });
    await expect(page.getByTestId("mme-total")).toContainText("120 MME/day");
    await expect(page.getByTestId("data-notices")).toBeVisible();
    await openTab(page, "Readiness");
    await expect(page.locator('[data-finding-id="reason.no-meaningful-improvement"]')).toHaveAttribute("data-status", "unknown");
  });

  test("token expiry with refresh granted: refreshed silently, the save goes through", async ({ page }) => {
    await launch(page, "otp-tramadol-low", { tokenLifetimeSeconds: 12 });
    await openTab(page, "Plan");
    await completeChecklist(page, dayFromToday(21));
    await page.waitForTimeout(13_000);
    const refresh = page.waitForRequest((r) => r.url().startsWith(`${SANDBOX_ORIGIN}/auth/token`) && (r.postData() ?? "").includes("grant_type=refresh_token"));
    await page.getByTestId("review-save").click();
    await page.getByTestId("confirm-save").click();
    await refresh;
    await expect(page.getByTestId("save-result")).toBeVisible();
  });

  test("token expiry without refresh: the app says the session expired and shows no MME as if complete", async ({ page }) => {
    // A lifetime long enough for the launch to finish on a busy machine, then wait until it has surely passed.
    // The token is issued before the MME can show (the searches need it), so its expiry is at most
    // shownAt + lifetime; counting from before the launch raced a slow launch whose token came late.
    const tokenLifetimeMs = 20_000;
    await launch(page, "otp-tramadol-low", { tokenLifetimeSeconds: tokenLifetimeMs / 1000, denyScopes: ["online_access"] });
    await expect(page.getByTestId("mme-total")).toContainText("20 MME/day");
    const shownAt = Date.now();
    await waitForTabBinding(page);
    await page.waitForTimeout(Math.max(0, shownAt + tokenLifetimeMs + 2_000 - Date.now()));
    await page.reload();
    await expect(page.getByTestId("session-expired")).toBeVisible();
    await expect(page.getByTestId("mme-total")).toHaveText("Unknown");
  });

  test("two tabs with two patients never mix, even when they share one sessionStorage (EHR browsers)", async ({ context }) => {
    const a = await context.newPage();
    const b = await context.newPage();
    await launch(a, "otp-oxy-benzo");
    await launch(b, "otp-methadone");
    await waitForTabBinding(a);
    await waitForTabBinding(b);
    await expect(a.getByTestId("mme-total")).toContainText("120 MME/day");
    await expect(b.getByTestId("mme-total")).toContainText("188 MME/day");
    // Simulate an EHR browser that shares sessionStorage between app instances: copy B's entries into A.
    const bStorage = await b.evaluate(() => JSON.stringify(Object.entries(window.sessionStorage)));
    await a.evaluate((entries) => {
      for (const [k, v] of JSON.parse(entries) as [string, string][]) window.sessionStorage.setItem(k, v);
    }, bStorage);
    await a.reload();
    await expect(a.getByTestId("mme-total")).toContainText("120 MME/day");
    await expect(a.getByTestId("app")).toHaveAttribute("data-session-patient", "otp-oxy-benzo");
    await b.reload();
    await expect(b.getByTestId("app")).toHaveAttribute("data-session-patient", "otp-methadone");
  });

  test("embedded in the EHR's frame (sandbox /ehr): the app runs inside it, without its own patient banner", async ({ page }) => {
    const code = encodeLaunchOptions({ patient: "otp-fentanyl-hydrocodone", practitioner: PRACTITIONER_PRIMARY, simEhr: true });
    await page.goto(`${SANDBOX_ORIGIN}/ehr?launch=${code}&app=${encodeURIComponent(`${APP_ORIGIN}/launch.html`)}`);
    const frame = page.frameLocator("iframe");
    await expect(frame.getByTestId("mme-total")).toContainText("80 MME/day", { timeout: LAUNCH_TIMEOUT_MS });
    await expect(frame.getByTestId("patient-banner")).toHaveCount(0);
    // the app's own compact identity strip instead (name and birth date), whatever the EHR frame shows
    await expect(frame.getByTestId("identity-strip")).toContainText("Fiona Fenwick");
  });

  test("need_patient_banner true: the app shows the patient's name and birth date", async ({ page }) => {
    await launch(page, "otp-methadone", { needPatientBanner: true });
    await expect(page.getByTestId("patient-banner")).toContainText("Marcus");
  });
});

test("the EHR's smart_style_url colours are applied (validated values only)", async ({ page }) => {
  await launch(page, "otp-tramadol-low");
  // the sandbox's smart-style.json sets color_highlight #0a4ba8
  await expect.poll(() => page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue("--accent").trim())).toBe("#0a4ba8");
});

test("on a slow EHR the MME shows from the medication orders while observations are still arriving", async ({ page }) => {
  // +1.5 s on every Observation request only would be ideal; the sandbox adds latency to every request,
  // so compare the moment the MME appears with the moment the whole record is in.
  await page.goto((await import("./support/launch")).launchUrl({ patient: "otp-heavy-record", practitioner: PRACTITIONER_PRIMARY, latencyMs: 400 }));
  await expect(page.getByTestId("mme-total")).toContainText("52.5 MME/day", { timeout: LAUNCH_TIMEOUT_MS });
  const early = await page.getByTestId("record-ready").count();
  await expect(page.getByTestId("record-ready")).toBeAttached({ timeout: LAUNCH_TIMEOUT_MS });
  // the heavy record's observations take several pages: the MME was on screen before they were all read
  expect(early).toBe(0);
});
