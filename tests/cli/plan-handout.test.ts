/** `plan --format handout --lang en|es` (issue 17 item 4): the patient handout as plain text, English by default. */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runPlan } from "@/cli/plan/main";
import { fernandezHuerta } from "@/lib/handout";

const repo = fileURLToPath(new URL("../../", import.meta.url));
// Test Scenario, born 1970-01-01: oxycodone ER 30 mg every 12 h (90 MME/day), long-term use
const LONG_TERM = fileURLToPath(new URL("../taper/fixtures/long-term-oxycodone-benzo-no-naloxone.json", import.meta.url));
const NOW = new Date("2025-03-01T15:00:00Z");
const base = [LONG_TERM, "--patient", "p1", "--as-of", "2025-03-01", "--format", "handout"];

describe("plan --format handout", () => {
  it("prints the English handout by default: name, birth date, the clinic's phone from config/smart.json, the calendar, when to call", () => {
    const r = runPlan(base, NOW);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/^Your plan to slowly lower your opioid pain medicine\n\nPatient: Test Scenario\nDate of birth: January 1, 1970\nYour clinician: _+\nClinic phone: Sandbox Family Clinic: \(555\) 010-0100\nStart: March 1, 2025\n/);
    expect(r.stdout).toContain("- March 1, 2025: Take 1 oxycodone ER 30 mg tablet every 12 hours (twice a day).");
    expect(r.stdout).toContain("Call us at (555) 010-0100 if:");
    expect(r.stdout).toContain("take-back");
  });

  it("--lang es prints the Spanish handout: the same calendar in Spanish words, dates and numbers, plain (Fernández-Huerta >= 70)", () => {
    const en = runPlan(base, NOW).stdout;
    const r = runPlan([...base, "--lang", "es"], NOW);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Su plan para bajar poco a poco su medicina opioide para el dolor\n\nPaciente: Test Scenario\nFecha de nacimiento: 1 de enero de 1970\n/);
    expect(r.stdout).toContain("- 1 de marzo de 2025: Tome 1 tableta de oxicodona ER de 30 mg cada 12 horas (dos veces al día).");
    expect(r.stdout).toContain("Llámenos al (555) 010-0100 si:");
    // the same number of calendar rows as the English handout
    const rows = (t: string) => t.split("\n").filter((l) => /^- \d|^- [A-Z][a-z]+ \d/.test(l)).length;
    expect(rows(r.stdout)).toBe(rows(en));
    expect(rows(r.stdout)).toBeGreaterThan(10);
    expect(fernandezHuerta(r.stdout.split("\n").slice(7).join("\n"))).toBeGreaterThanOrEqual(70);
    expect(r.stdout).not.toMatch(/\bTake\b|\btablet\b|\bevery\b/);
  });

  it("refuses an unknown language and --lang without --format handout (exit 2, one sentence)", () => {
    expect(runPlan([...base, "--lang", "fr"], NOW)).toMatchObject({ code: 2, stdout: "", stderr: expect.stringMatching(/--lang must be one of en, es \(got "fr"\)/) });
    const schedule = runPlan([LONG_TERM, "--patient", "p1", "--lang", "es"], NOW);
    expect(schedule).toMatchObject({ code: 2, stderr: expect.stringMatching(/--lang applies to --format handout only/) });
  });

  it("without a configured clinic phone leaves a line to write it in", () => {
    const previous = process.env.SMART_CONFIG_JSON;
    process.env.SMART_CONFIG_JSON = JSON.stringify({ issuers: [{ id: "a", name: "A", iss: "https://a.example/fhir", clientId: "c" }] });
    try {
      const r = runPlan(base, NOW);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Clinic phone: _+\n/);
      expect(r.stdout).toMatch(/When to call us:\n- Our phone number: _+\. Call us if:/);
    } finally {
      if (previous === undefined) delete process.env.SMART_CONFIG_JSON;
      else process.env.SMART_CONFIG_JSON = previous;
    }
  });

  it("runs as a process: npm run plan -- <bundle> --format handout --lang es", () => {
    const r = spawnSync(process.execPath, ["--import", "tsx", "cli/plan.ts", ...base, "--lang", "es"], { cwd: repo, encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Sus dosis:");
  });
});
