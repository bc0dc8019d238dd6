/**
 * Every outcome of every readiness finding, produced by the engine from a small FHIR record
 * (`CASES` is typed so that a new finding or outcome without a case does not compile), then
 * rendered on the Readiness and Summary screens (React server rendering, parsed with saxes).
 * The sentences must read correctly: the engine's title and sentence are shown, nothing
 * reads "()", "undefined", "null" or "NaN", no internal id shows, a found thing is not stated
 * as an absence (the double negative of "No naloxone on file: Not found"), and the Summary's
 * safety lines show each of their outcomes.
 */
import { renderToStaticMarkup } from "react-dom/server";
import type { Patient } from "fhir/r4";
import { SaxesParser } from "saxes";
import { describe, expect, it } from "vitest";
import { ReadinessPanel } from "@/app/_components/ReadinessPanel";
import { SafetyFacts } from "@/app/_components/SummaryPanel";
import { plainText } from "@/app/_components/format";
import type { Finding, FindingId, FindingOutcomes, ReadinessResult } from "@/lib/domain";
import { unknownMmeResult } from "@/lib/mme";
import { assessReadiness, defaultRationale, defaultTaperOptions, FINDING_IDS, outcomesOf, type ReadinessInputs, regimenFromMme } from "@/lib/taper";
import { condition, icd10, inputs, loinc, observation, order, rxnorm, snomed } from "../taper/records";

const AS_OF = "2025-03-01";
const OXY = () => order([rxnorm("1049683", "oxycodone hydrochloride 10 MG Oral Tablet")], { periodHours: 6 });
const OXY_HIGH = () => order([rxnorm("1049683", "oxycodone hydrochloride 10 MG Oral Tablet")], { periodHours: 2 }); // 12/day x 10 mg x 1.5 = 180 MME/day
const OLD_OXY = () => order([rxnorm("1049683")], { status: "completed", authoredOn: "2023-01-10" });
const NO_CONDITIONS = { conditions: "permission not granted" };
const NO_OBSERVATIONS = { observations: "the search failed" };
const NO_MEDICATIONS = { medications: "permission not granted" };
const peg = (day: string, mean: number) => observation([loinc("91147-9", "Mean score [PEG]")], day, { valueQuantity: { value: mean } });
const score = (code: string, day: string, value: number) => observation([loinc(code)], day, { valueInteger: value });
const uds = (code: string, value: string, day = "2025-02-20") => observation([loinc(code)], day, { valueString: value });
const active = (c: ReturnType<typeof icd10>, onset?: string) => condition([c], { clinicalStatus: "active", ...(onset === undefined ? {} : { onset }) });

type Case = () => ReadinessInputs;
const rec = (resources: object[], unavailable: ReadinessInputs["unavailable"] = {}): Case => () => inputs(AS_OF, resources, unavailable);
const withMme = (base: Case, mme: (i: ReadinessInputs) => ReadinessInputs["mme"]): Case => () => {
  const i = base();
  return { ...i, mme: mme(i) };
};
const withPatient = (base: Case, patient: Patient): Case => () => ({ ...base(), patient });
const unknownList = withMme(rec([]), () => unknownMmeResult(AS_OF, "cdc-2022", "The medication orders could not be read."));
const incomplete = withMme(rec([OXY()]), (i) => ({ ...i.mme, state: "incomplete", complete: false, totalMmePerDay: 40, incompleteReasons: ["1 order could not be computed"] }));

/** One record per outcome of every finding (the type makes the table complete). */
const CASES: { [Id in FindingId]: Record<FindingOutcomes[Id], Case> } = {
  "reason.no-meaningful-improvement": {
    "not-improved": rec([OLD_OXY(), OXY(), peg("2023-01-01", 8), peg("2025-02-15", 7)]),
    improved: rec([OLD_OXY(), OXY(), peg("2023-01-01", 8), peg("2025-02-15", 4)]),
    "cannot-tell": rec([OXY()]),
  },
  "reason.cns-depressants": {
    current: rec([OXY(), order([rxnorm("197527", "clonazepam 0.5 MG Oral Tablet")])]),
    "only-stale": rec([OXY(), order([rxnorm("197527", "clonazepam 0.5 MG Oral Tablet")], { authoredOn: "2023-05-01" })]),
    "none-current": rec([OXY()]),
    unknown: rec([], NO_MEDICATIONS),
  },
  "reason.overdose": { recorded: rec([OXY(), active(icd10("T40.2X1A"), "2024-06-01")]), "none-recorded": rec([OXY()]), unknown: rec([OXY()], NO_CONDITIONS) },
  "reason.sleep-apnea": { recorded: rec([OXY(), active(icd10("G47.33"))]), "none-recorded": rec([OXY()]), unknown: rec([OXY()], NO_CONDITIONS) },
  "context.mme-50": { "at-or-above": rec([OXY_HIGH()]), below: rec([order([rxnorm("1049683")], { periodHours: 24 })]), unknown: unknownList },
  "context.mme-90": { "at-or-above": rec([OXY_HIGH()]), below: rec([OXY()]), unknown: incomplete },
  "context.long-term-use": { "one-year-or-more": rec([OLD_OXY(), OXY()]), "less-than-a-year": rec([OXY()]), unknown: rec([]) },
  "caution.mme-incomplete": { complete: rec([OXY()]), incomplete, "list-unreadable": unknownList },
  "caution.oud": {
    active: rec([OXY(), active(icd10("F11.20"))]),
    "on-treatment": rec([order([rxnorm("1010600", "buprenorphine 2 MG / naloxone 0.5 MG Sublingual Film")], { periodHours: 24 }), active(icd10("F11.20"))]),
    "in-remission": rec([OXY(), active(icd10("F11.21"))]),
    possible: rec([OXY(), active(icd10("F11.90"))]),
    "none-recorded": rec([OXY()]),
    unknown: rec([OXY()], NO_CONDITIONS),
  },
  "caution.pregnancy": { current: rec([OXY(), active(icd10("Z34.01"), "2025-01-10")]), "none-recorded": rec([OXY()]), unknown: rec([OXY()], NO_CONDITIONS) },
  "caution.cancer": { active: rec([OXY(), active(icd10("C34.90"))]), "none-recorded": rec([OXY()]), unknown: rec([OXY()], NO_CONDITIONS) },
  "caution.palliative": { recorded: rec([OXY(), active(icd10("Z51.5"))]), "none-recorded": rec([OXY()]), unknown: rec([OXY()], NO_CONDITIONS) },
  "caution.sickle-cell": { recorded: rec([OXY(), active(icd10("D57.1"))]), "none-recorded": rec([OXY()]), unknown: rec([OXY()], NO_CONDITIONS) },
  "caution.depression": { positive: rec([OXY(), score("44261-6", "2025-02-01", 14)]), negative: rec([OXY(), score("44261-6", "2025-02-01", 3)]), "not-assessed": rec([OXY()]) },
  "caution.anxiety": { positive: rec([OXY(), score("70274-6", "2025-02-01", 12)]), negative: rec([OXY(), score("70274-6", "2025-02-01", 2)]), "not-assessed": rec([OXY()]) },
  "caution.suicide-risk": {
    positive: rec([OXY(), condition([snomed("82313006", "Suicide attempt")], { clinicalStatus: "resolved", onset: "2024-01-01" })]),
    negative: rec([OXY(), score("44260-8", "2025-02-01", 0)]),
    "not-assessed": rec([OXY()]),
  },
  "caution.naloxone": {
    "on-file": rec([OXY(), order([rxnorm("1725064", "naloxone hydrochloride 40 MG/ML Nasal Spray [Narcan]")], { status: "completed" })]),
    offer: rec([OXY()]),
    "no-risk-found": rec([]),
    unknown: rec([], NO_MEDICATIONS),
  },
  "caution.drug-screen": {
    unexpected: rec([OXY(), uds("14314-9", "POS")]),
    "as-expected": rec([OXY(), uds("19642-8", "POS")]),
    unreadable: rec([OXY(), uds("19642-8", "Inconclusive")]),
    "none-recent": rec([OXY()]),
    unknown: rec([OXY()], NO_OBSERVATIONS),
  },
  "caution.deceased": {
    recorded: withPatient(rec([OXY()]), { resourceType: "Patient", id: "p1", deceasedDateTime: "2025-01-20" }),
    "not-recorded": withPatient(rec([OXY()]), { resourceType: "Patient", id: "p1", deceasedBoolean: false }),
    unknown: rec([OXY()]),
  },
  "confirm.patient-agrees": { "to-confirm": rec([OXY()]) },
  "confirm.goals-agreed": { "to-confirm": rec([OXY()]) },
  "confirm.oud-assessed": { "to-confirm": rec([OXY()]) },
  "confirm.naloxone-offered": { "to-confirm": rec([OXY()]) },
  "confirm.follow-up-arranged": { "to-confirm": rec([OXY()]) },
};

interface Node { name: string; attributes: Record<string, string>; children: Array<Node | string> }

function parse(html: string): Node {
  const root: Node = { name: "#root", attributes: {}, children: [] };
  const stack: Node[] = [root];
  const parser = new SaxesParser();
  parser.on("opentag", (tag) => {
    const node: Node = { name: tag.name, attributes: Object.fromEntries(Object.entries(tag.attributes).map(([k, v]) => [k, String(v)])), children: [] };
    stack[stack.length - 1]?.children.push(node);
    if (!tag.isSelfClosing) stack.push(node);
  });
  parser.on("closetag", (tag) => { if (!tag.isSelfClosing) stack.pop(); });
  parser.on("text", (t) => stack[stack.length - 1]?.children.push(t));
  parser.write(`<root>${html}</root>`).close();
  return root;
}

function all(node: Node, match: (n: Node) => boolean, out: Node[] = []): Node[] {
  if (match(node)) out.push(node);
  for (const c of node.children) if (typeof c !== "string") all(c, match, out);
  return out;
}

function text(node: Node): string {
  return node.children.map((c) => (typeof c === "string" ? c : text(c))).join("").replace(/&amp;/g, "&").replace(/\s+/g, " ").trim();
}

function readinessFor(id: FindingId, outcome: string): ReadinessResult {
  const cases: Record<string, Case> = CASES[id];
  const make = cases[outcome];
  if (make === undefined) throw new Error(`no case for ${id} ${outcome}`);
  const i = make();
  return assessReadiness(i, AS_OF);
}

function screens(r: ReadinessResult, mme: ReadinessInputs["mme"]): { readiness: Node; summary: Node } {
  const regimen = regimenFromMme(mme);
  const view = { mme, readiness: r, regimen, defaults: defaultTaperOptions(r, regimen, AS_OF), rationale: defaultRationale(r), gates: r.gates };
  return { readiness: parse(renderToStaticMarkup(<ReadinessPanel view={view} />)), summary: parse(renderToStaticMarkup(<SafetyFacts findings={r.findings} />)) };
}

/** The checks every rendered sentence passes. */
function expectReadable(shown: string, f: Finding): void {
  expect(shown, f.id).toContain(f.title);
  expect(shown).not.toMatch(/\(\s*\)|\bundefined\b|\bnull\b|\bNaN\b|\[object/);
  expect(shown).not.toMatch(/\b(caution|reason|context|confirm)\.[a-z-]+\b|\bmme\.[a-z]/);
  if (f.status === "present") expect(f.title, `${f.id} ${f.outcome}`).not.toMatch(/^(No|Not|None)\b/);
}

const ROWS = FINDING_IDS.flatMap((id) => outcomesOf(id).map((outcome) => [id, outcome] as const));

describe("every outcome of every finding, on the Readiness and Summary screens", () => {
  it("covers every outcome the engine declares", () => {
    expect(ROWS.length).toBeGreaterThan(60);
    for (const [id, outcome] of ROWS) expect(Object.keys(CASES[id])).toContain(outcome);
  });

  it.each(ROWS)("%s: %s", (id, outcome) => {
    const r = readinessFor(id, outcome);
    const f = r.findings.find((x) => x.id === id);
    if (f === undefined) throw new Error(`no finding ${id}`);
    expect(f.outcome).toBe(outcome);
    const i = (CASES[id] as Record<string, Case>)[outcome]?.();
    if (i === undefined) throw new Error("no case");
    const { readiness, summary } = screens(r, i.mme);
    if (f.category === "confirm") {
      const item = all(readiness, (n) => n.attributes["data-confirm-item"] === id)[0];
      expect(item && text(item)).toBe(f.title);
      return;
    }
    const item = all(readiness, (n) => n.attributes["data-finding-id"] === id && (n.attributes["data-testid"] === "finding" || n.attributes["data-testid"] === "finding-checked"))[0];
    if (item === undefined) throw new Error(`${id} not rendered on the Readiness screen`);
    expect(item.attributes["data-outcome"]).toBe(outcome);
    const shown = text(item);
    expect(shown).toContain(plainText(f.sentence));
    expectReadable(shown, f);
    if (f.planEffect.kind === "blocks") expect(shown).toContain(`No taper is proposed. Instead: ${f.planEffect.instead}`);
    if (f.planEffect.kind === "requires-confirmation") expect(shown).toContain(`Confirm before planning: ${f.planEffect.confirm}`);
    const fact = { "caution.naloxone": "fact-naloxone", "reason.cns-depressants": "fact-benzodiazepines", "caution.drug-screen": "fact-drug-screen" }[id as string];
    if (fact !== undefined) {
      const line = all(summary, (n) => n.attributes["data-testid"] === fact)[0];
      if (line === undefined) throw new Error(`${fact} not rendered`);
      expect(line.attributes["data-outcome"]).toBe(outcome);
      const said = text(line);
      expect(said).toContain(plainText(f.sentence));
      expectReadable(said, f);
    }
  });

  it("never shows 'on file ()' or a bare 'on file' for a patient without naloxone", () => {
    for (const outcome of outcomesOf("caution.naloxone")) {
      const r = readinessFor("caution.naloxone", outcome);
      const { summary } = screens(r, CASES["caution.naloxone"][outcome]().mme);
      const said = text(all(summary, (n) => n.attributes["data-testid"] === "fact-naloxone")[0] ?? { name: "", attributes: {}, children: [] });
      if (outcome !== "on-file") expect(said).not.toMatch(/on file|naloxone prescribed/i);
      expect(said).not.toContain("()");
    }
  });
});
