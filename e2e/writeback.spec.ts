import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { accessToken, completeChecklist, dayFromToday } from "./support/checklist";
import { launch, openTab, waitForTabBinding, sandboxRequests } from "./support/launch";
import { SANDBOX_ISS } from "./support/ports";

/** Saving the plan to the chart: once, valid, read back; refused writes lose nothing. */
test.describe("CarePlan write-back", () => {
  test("a plan is saved after confirmation, read back from the FHIR server, and matches what was shown", async ({ page }) => {
    await launch(page, "otp-tramadol-low");
    await openTab(page, "Plan");
    const stepsShown = await page.getByTestId("schedule-row").count();
    const firstMme = await page.getByTestId("schedule-mme").first().textContent();
    await completeChecklist(page, dayFromToday(28));
    await page.getByTestId("review-save").click();
    const dialog = page.getByTestId("confirm-dialog");
    await expect(dialog).toBeVisible();
    await expect(page.getByTestId("confirm-patient")).toContainText("Tessa");
    await page.getByTestId("confirm-save").click();
    const result = page.getByTestId("save-result");
    await expect(result).toBeVisible();
    const id = await result.getAttribute("data-careplan-id");
    expect(id).toBeTruthy();

    const token = await accessToken(page);
    const res = await fetch(`${SANDBOX_ISS}/CarePlan/${id ?? ""}`, { headers: { authorization: `Bearer ${token}`, accept: "application/fhir+json" } });
    expect(res.status).toBe(200);
    const cp: unknown = await res.json();
    const saved = JSON.stringify(cp);
    // agreed with the patient (the checklist): the plan in effect, HL7 CDC opioid CPG PainTreatmentCarePlan (issue 17.1)
    expect(saved).toContain('"status":"active"');
    expect(saved).toContain('"intent":"plan"');
    expect(saved).toContain("http://hl7.org/fhir/us/cdc-opioid-cpg/StructureDefinition/PainTreatmentCarePlan");
    // author = the practitioner in context (the launch's fhirUser)
    expect(saved).toMatch(/"author":\{"reference":"[^"]*Practitioner\/[^"]+"\}/);
    expect(saved).toContain("80764-4");
    expect(saved).toContain('"reference":"Patient/otp-tramadol-low"');
    // the narrative holds the schedule: one table row per step shown on screen
    const div = typeof cp === "object" && cp !== null && "text" in cp && typeof cp.text === "object" && cp.text !== null && "div" in cp.text ? String(cp.text.div) : "";
    expect(div).toContain("xmlns=\"http://www.w3.org/1999/xhtml\"");
    expect(div).toContain(`${Number.parseFloat(firstMme ?? "0")}`);
    expect(stepsShown).toBeGreaterThan(1);
    // and the app lists it among the earlier taper plans
    await expect(page.getByTestId("earlier-plans")).toContainText("active, plan");
  });

  test("a double submit creates one CarePlan; saving the same proposal again says it is already saved", async ({ page }) => {
    await launch(page, "otp-recent-start");
    await openTab(page, "Plan");
    await completeChecklist(page, dayFromToday(7));
    await page.getByTestId("review-save").click();
    const isPost = (r: { method: string; path: string; patient?: string | null }) => r.method === "POST" && r.path.startsWith("/fhir/CarePlan") && r.patient === "otp-recent-start";
    const before = (await sandboxRequests(isPost)).length;
    await page.getByTestId("confirm-save").dblclick();
    await expect(page.getByTestId("save-result")).toBeVisible();
    const id = await page.getByTestId("save-result").getAttribute("data-careplan-id");
    const posts = (await sandboxRequests(isPost)).length - before;
    expect(posts).toBe(1);

    // the same proposal again (a retry after a timeout, a second click later): conditional create matches it
    await page.getByTestId("review-save").click();
    await page.getByTestId("confirm-save").click();
    await expect(page.getByTestId("save-result")).toContainText(/already/i);
    expect(await page.getByTestId("save-result").getAttribute("data-careplan-id")).toBe(id);
    const token = await accessToken(page);
    const search = await fetch(`${SANDBOX_ISS}/CarePlan?patient=otp-recent-start&_count=50`, { headers: { authorization: `Bearer ${token}` } });
    const bundle: unknown = await search.json();
    const ids = JSON.stringify(bundle).match(new RegExp(`"id":"${id ?? "none"}"`, "g")) ?? [];
    expect(ids.length).toBe(1);
  });

  test("a write refused with 403 leaves the plan on screen; download, print and reload lose nothing", async ({ page }) => {
    await launch(page, "otp-fentanyl-hydrocodone", { refuseWrites: 403 });
    await openTab(page, "Plan");
    const followUp = dayFromToday(14);
    await completeChecklist(page, followUp);
    await page.getByTestId("review-save").click();
    await page.getByTestId("confirm-save").click();
    const error = page.getByTestId("save-error");
    await expect(error).toBeVisible();
    await expect(error).toContainText(/permission/i);
    await expect(page.getByRole("button", { name: "Retry…" })).toBeVisible();
    await expect(page.getByTestId("schedule-row").first()).toBeVisible();

    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download CarePlan (JSON)" }).click();
    const file = await (await download).path();
    const json: unknown = JSON.parse(readFileSync(file, "utf8"));
    expect(JSON.stringify(json)).toContain('"resourceType":"CarePlan"');
    expect(JSON.stringify(json)).toContain("Patient/otp-fentanyl-hydrocodone");

    await page.evaluate(() => {
      window.print = () => {
        document.body.dataset.printed = "yes";
      };
    });
    await page.getByRole("button", { name: "Print plan" }).click();
    await expect(page.locator("body")).toHaveAttribute("data-printed", "yes");
    await expect(page.getByTestId("printable-careplan").locator("table").first()).toBeAttached();

    // what the clinician entered survives a reload of the tab
    await waitForTabBinding(page);
    await page.reload();
    await expect(page.getByTestId("record-ready")).toBeAttached();
    await openTab(page, "Plan");
    await expect(page.locator('[data-confirm-id="confirm.patient-agrees"]')).toBeChecked();
    await expect(page.getByLabel("First follow-up date")).toHaveValue(followUp);
  });
});
