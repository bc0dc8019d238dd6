import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { completeChecklist, dayFromToday } from "./support/checklist";
import { launch, openTab } from "./support/launch";

/**
 * The handout and the plan printed to PDF by Debian Chromium (page.pdf), as a clinician prints
 * them (issue 22 "The handout and the printed plan", issue 17 item 4): page counts within the
 * limits on Letter and A4, the patient's identifiers in the printed text (read back from the PDF
 * by poppler's pdftotext; .ci/run installs poppler-utils), no FHIR vocabulary. The PDFs and
 * their pages as PNG (pdftoppm) are test artifacts under test-results/, looked at by the developer.
 *
 * Fiona Fenwick (otp-fentanyl-hydrocodone): two opioids (fentanyl patch + hydrocodone/acetaminophen
 * as needed), MRN-1002, prefers Spanish (Patient.communication).
 */
const PATIENT = "otp-fentanyl-hydrocodone";

interface Printed { pages: number; text: string; firstPage: string }

async function printToPdf(page: Page, testInfo: TestInfo, name: string, format: "Letter" | "A4"): Promise<Printed> {
  const file = testInfo.outputPath(`${name}-${format.toLowerCase()}.pdf`);
  writeFileSync(file, await page.pdf({ format, printBackground: true }));
  const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? Number.NaN);
  const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
  const firstPage = execFileSync("pdftotext", ["-layout", "-f", "1", "-l", "1", file, "-"], { encoding: "utf8" });
  if (format === "Letter") execFileSync("pdftoppm", ["-png", "-r", "60", file, testInfo.outputPath(`${name}-letter-page`)]);
  return { pages, text, firstPage };
}

/** pdftotext breaks lines where the page does: compare words with single spaces. */
const flat = (text: string) => text.replace(/\s+/g, " ");

async function toPlanWithChecklist(page: Page): Promise<void> {
  await launch(page, PATIENT);
  await openTab(page, "Plan");
  await expect(page.getByTestId("schedule-row").first()).toBeVisible();
  await completeChecklist(page, dayFromToday(7));
}

test("the handout opens in the patient's language (Spanish), prints on at most 2 Letter or A4 pages with name, birth date and clinic phone, and switches to English", async ({ page, context }, testInfo) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.setViewportSize({ width: 816, height: 1056 });
  await toPlanWithChecklist(page);
  await openTab(page, "Handout");
  const handout = page.getByTestId("handout");
  await expect(handout).toHaveAttribute("lang", "es");
  await expect(page.getByText("Spanish, from the patient's preferred language in the chart.")).toBeVisible();
  await page.getByLabel("Clinician named on the handout").fill("Dr. Alice Prescott");
  await expect(handout).toContainText("Sus dosis");
  await expect(handout).toContainText("Fiona Fenwick");
  await expect(handout).toContainText("Llámenos al (555) 010-0100 si");
  await expect(handout).toContainText(/Use 1 parche de fentanilo de 25 mcg\/h todo el tiempo/);

  // printed as the browser prints it (print media: the app's chrome and the controls hidden)
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("tablist")).toBeHidden();
  await page.screenshot({ path: testInfo.outputPath("handout-es-print.png"), fullPage: true });
  for (const format of ["Letter", "A4"] as const) {
    const es = await printToPdf(page, testInfo, "handout-es", format);
    expect(es.pages, `Spanish handout on ${format}`).toBeGreaterThanOrEqual(1);
    expect(es.pages, `Spanish handout on ${format}`).toBeLessThanOrEqual(2);
    const first = flat(es.firstPage);
    expect(first).toContain("Paciente: Fiona Fenwick");
    expect(first).toMatch(/Fecha de nacimiento: \d{1,2} de [a-z]+ de \d{4}/);
    expect(first).toContain("Su proveedor de salud: Dr. Alice Prescott");
    expect(first).toContain("(555) 010-0100");
    expect(flat(es.text)).toContain("Llámenos al (555) 010-0100 si");
  }

  // copy as text: the same Spanish content
  await page.emulateMedia({ media: "screen" });
  await page.getByRole("button", { name: "Copy as text" }).click();
  await expect(page.getByText("Copied.")).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain("Paciente: Fiona Fenwick");
  expect(copied).toContain("Sus dosis:");

  // the switch: English, same patient facts, the number in "Call us at ... if"
  await page.getByRole("radio", { name: "English" }).check();
  await expect(handout).toHaveAttribute("lang", "en");
  await expect(handout).toContainText("Your doses");
  await page.emulateMedia({ media: "print" });
  await page.screenshot({ path: testInfo.outputPath("handout-en-print.png"), fullPage: true });
  for (const format of ["Letter", "A4"] as const) {
    const en = await printToPdf(page, testInfo, "handout-en", format);
    expect(en.pages, `English handout on ${format}`).toBeLessThanOrEqual(2);
    const first = flat(en.firstPage);
    expect(first).toContain("Patient: Fiona Fenwick");
    expect(first).toMatch(/Date of birth: [A-Z][a-z]{2} \d{1,2}, \d{4}|Date of birth: [A-Z][a-z]+ \d{1,2}, \d{4}/);
    expect(first).toContain("Your clinician: Dr. Alice Prescott");
    const all = flat(en.text);
    expect(all).toContain("Call us at (555) 010-0100 if");
    expect(all).not.toMatch(/Call us right away if/);
    for (const topic of ["naloxone", "alcohol", "take-back", "fda.gov/drugdisposal", "988"]) expect(all).toContain(topic);
  }
});

test("the printed plan opens with the patient's identifiers, says nothing in FHIR's words, and fits in a few pages for a two-opioid patient", async ({ page }, testInfo) => {
  await toPlanWithChecklist(page);
  await page.evaluate(() => {
    window.print = () => {
      document.body.dataset.printed = "yes";
    };
  });
  await page.setViewportSize({ width: 816, height: 1056 });
  for (const format of ["Letter", "A4"] as const) {
    // each print is one click (the page is reset after printing: Chromium fires afterprint for page.pdf too)
    await page.emulateMedia({ media: "screen" });
    await page.getByRole("button", { name: "Print plan" }).click();
    await expect(page.locator("body")).toHaveAttribute("data-printed", "yes");
    await expect(page.locator("body")).toHaveAttribute("data-printing", "careplan");
    await page.emulateMedia({ media: "print" });
    if (format === "Letter") await page.screenshot({ path: testInfo.outputPath("plan-print.png"), fullPage: true });
    const printed = await printToPdf(page, testInfo, "plan", format);
    expect(printed.pages, `printed plan on ${format}`).toBeLessThanOrEqual(4);
    const first = flat(printed.firstPage);
    expect(first).toMatch(/Patient: Fiona Fenwick · Date of birth: [A-Z][a-z]+ \d{1,2}, \d{4} · MRN: MRN-1002/);
    // the identifiers come before the schedule
    expect(first.indexOf("Fiona Fenwick")).toBeLessThan(first.indexOf("Schedule"));
    const all = flat(printed.text);
    expect(all).not.toMatch(/urn:uuid|FHIR CarePlan status|intent: proposal|MedicationRequest\/|Patient\//);
    expect(all).toContain("fentanyl");
    expect(all).toContain("hydrocodone");
  }
});
