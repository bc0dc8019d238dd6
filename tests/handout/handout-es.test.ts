/**
 * The Spanish handout (issue 17 item 4): the same content as the English one, plain (Fernández-
 * Huerta), doses and dates in Spanish conventions, each step's instruction generated from the
 * planner's structured data and carrying exactly the numbers of the English instruction.
 */
import { describe, expect, it } from "vitest";
import type { TaperPlan } from "@/lib/domain";
import { buildHandout, fernandezHuerta, handoutAsText } from "@/lib/handout";
import { proposeTaperPlan } from "@/lib/taper";
import { item, options, regimen } from "../taper/helpers";
import { every, order, tab } from "../mme/builders";
import { CLINIC, handoutOf, planFor } from "./support";

const REGIMENS: Array<[string, () => ReturnType<typeof regimen>]> = [
  ["oxycodone ER 30 mg q12h + oxycodone 10 mg q6h", () => regimen(item("1860151", 1, 2), item("1049683", 1, 4))],
  ["fentanyl 50 mcg/h + oxycodone 5 mg as needed (2 a day)", () => regimen(item("245135", 1, 1 / 3), { ...item("1049621", 1, 4), asNeeded: true })],
  ["morphine ER 60 mg q12h (switches to immediate release)", () => regimen(item("891893", 1, 2))],
  ["methadone 10 mg q8h", () => regimen(item("864706", 1, 3))],
  ["hydrocodone/acetaminophen 10/325 q6h", () => regimen(item("856999", 1, 4))],
];

function planOf(r: ReturnType<typeof regimen>): TaperPlan {
  const outcome = proposeTaperPlan(r, options({ actualUse: { "MedicationRequest/1049621": { dosesPerDay: 2, source: "entered", detail: "" } } }), "2025-01-01");
  if (!outcome.ok) throw new Error(outcome.refusal.message);
  return outcome.plan;
}

/** The numbers of an instruction, ordinals ("1st", "2.ª") left out: counts, strengths, hours, days and years. */
function numbers(text: string): string[] {
  return [...text.replace(/\d+(?:st|nd|rd|th)\b|\d+\.ª/g, "").matchAll(/\d+(?:\.\d+)?/g)].map((m) => m[0]).sort();
}

describe("Spanish patient handout", () => {
  const plan = planFor([order("1860151", every(tab(1), 12)), order("1049621", every(tab(1), 6))]);
  const es = handoutOf(plan, "es");
  const en = handoutOf(plan, "en");

  it("reads at about a 6th-grade level: Fernández-Huerta at least 70 for the advice and for the dose calendar", () => {
    const advice = es.sections.flatMap((s) => [s.heading + ".", ...s.lines]).join("\n");
    const calendar = es.rows.flatMap((r) => r.doses).join("\n");
    expect(fernandezHuerta(advice)).toBeGreaterThanOrEqual(70);
    expect(fernandezHuerta(calendar)).toBeGreaterThanOrEqual(70);
  });

  it("has the same content as the English handout: facts, calendar rows, sections", () => {
    expect(es.facts.map((f) => f.value)).toEqual(["Ana Lopez", "9 de abril de 1961", "Dr. Alice Prescott", "Maple Street Clinic: (555) 010-0100"]);
    expect(es.dates).toEqual([{ label: "Inicio", value: "1 de junio de 2025" }, { label: "Su próxima cita", value: "1 de julio de 2025" }]);
    expect(es.rows.map((r) => [r.stepIndex, r.noChange, r.doses.length])).toEqual(en.rows.map((r) => [r.stepIndex, r.noChange, r.doses.length]));
    expect(es.sections).toHaveLength(en.sections.length);
    expect(es.sections.map((s) => s.lines.length)).toEqual(en.sections.map((s) => s.lines.length));
    expect(es.sections.at(-1)?.heading).toBe("Llámenos al (555) 010-0100 si");
    const text = handoutAsText(es);
    for (const w of ["naloxona", "alcohol", "pastillas para dormir", "fda.gov/drugdisposal", "911", "988", "Sin cambios este mes"]) expect(text).toContain(w);
  });

  it("words a split day, an ER switch and the stop in Spanish, from the structured step data", () => {
    const doses = es.rows.flatMap((r) => r.doses);
    expect(doses[0]).toBe("Tome 1 tableta de oxicodona ER de 30 mg cada 12 horas (dos veces al día).");
    expect(doses).toContain("Tome 2 dosis al día, una cada 12 horas: 1 tableta de oxicodona ER de 30 mg en la primera dosis del día, y 1 tableta de oxicodona ER de 15 mg y 1 tableta de oxicodona ER de 10 mg en la segunda dosis.");
    expect(doses.at(-1)).toMatch(/^Deje de tomar oxicodona: tome su última dosis el \d+ de [a-z]+ de \d{4}\. Desde el \d+ de [a-z]+ de \d{4}, no tome más oxicodona\.$/);
    expect(doses.join("\n")).not.toMatch(/\b(Take|tablets?|every|hours|Stop|patch)\b|\(En inglés\)/);
  });

  it.each(REGIMENS)("%s: every Spanish instruction has exactly the numbers of the English one", (_name, make) => {
    const p = planOf(make());
    const input = { plan: p, patient: null, clinician: null, clinic: CLINIC, nextVisit: null };
    const esRows = buildHandout({ ...input, language: "es" }).rows;
    const enRows = buildHandout({ ...input, language: "en" }).rows;
    expect(esRows).toHaveLength(enRows.length);
    esRows.forEach((r, i) => {
      const english = enRows[i]?.doses ?? [];
      expect(r.doses.map(numbers), `row ${i}: ${english.join(" ")} / ${r.doses.join(" ")}`).toEqual(english.map(numbers));
      expect(r.doses.join(" ")).not.toMatch(/\(En inglés\)|\bTake\b|\bevery\b/);
    });
  });

  it("words patches, as-needed doses and combination strengths in Spanish", () => {
    const patchPlan = planOf(regimen(item("245135", 1, 1 / 3), { ...item("1049621", 1, 4), asNeeded: true }));
    const doses = buildHandout({ plan: patchPlan, language: "es", patient: null, clinician: null, clinic: null, nextVisit: null }).rows.flatMap((r) => r.doses);
    expect(doses).toContain("Use 1 parche de fentanilo de 50 mcg/h todo el tiempo. Quítese el parche viejo y póngase uno nuevo cada 72 horas.");
    expect(doses).toContain("Tome 1 tableta de oxicodona de 5 mg solo si lo necesita para el dolor, no más de dos veces al día.");
    expect(doses.some((d) => /^Quítese su último parche de fentanilo el \d+ de [a-z]+ de \d{4}\. No se ponga uno nuevo\./.test(d))).toBe(true);
    const combo = buildHandout({ plan: planOf(regimen(item("856999", 1, 4))), language: "es", patient: null, clinician: null, clinic: null, nextVisit: null });
    expect(combo.rows[0]?.doses[0]).toBe("Tome 1 tableta de hidrocodona/acetaminofén de 10/325 mg cada 6 horas (4 veces al día).");
  });

  it("a step read back without structured data keeps the English words, marked, rather than guessing", () => {
    const first = plan.steps[0];
    if (first === undefined) throw new Error("no step");
    const bare: TaperPlan = { ...plan, steps: [{ ...first, products: first.products.map(({ patientInstruction: _drop, ...p }) => p) }] };
    const rows = buildHandout({ plan: bare, language: "es", patient: null, clinician: null, clinic: null, nextVisit: null }).rows;
    expect(rows[0]?.doses[0]).toBe(`(En inglés) ${first.products[0]?.patientText ?? ""}`);
  });
});
