#!/usr/bin/env node
/**
 * Generates lib/domain/valuesets.generated.ts from data/valuesets/:
 * - cdc-opioid-cds/*.json: the CDC opioid CDS IG's ValueSets with their published expansions,
 *   unchanged (cqframework/opioid-cds-r4, CC0-1.0; origin in data/README.md);
 * - project-value-sets.json: the sets the IG lacks and the project's amendments, each with its reason.
 *
 * Usage: npm run generate:valuesets [-- --check | -- --out <file>] (scripts/generated-file.mjs).
 *
 * What it does, so a reviewer can follow each code:
 * - ICD-10-CM: the IG's compose filters (`is-a` / `descendent-of` a code or a "Section-A-B" range)
 *   become rules (codes and ranges matched with their descendants). Expansion codes the rules
 *   do not match are added as listed codes (the rules never lose a published code); an
 *   expansion code the compose excludes stops the generator. Enumerated codes are kept as listed.
 * - SNOMED CT, RxNorm: the expansion's codes, exactly (no SNOMED CT release here).
 * - opioid-misuse-disorders is split by each concept's display: poisoning, overdose or
 *   intoxication -> opioid-overdose (and, when "intentional", intentional-overdose); abuse or
 *   dependence -> opioid-use-disorder (and, "in remission", -in-remission); the rest
 *   (withdrawal, opioid-induced mood disorder, "narcotic drug user") -> opioid-related-condition.
 *   ICD-10-CM F11.1/F11.2 are use disorder (F11.11/F11.21 in remission), F11.9 (use,
 *   unspecified) is opioid-related. Every expansion code lands in exactly one bucket.
 * - Urine drug tests: each LOINC code of the IG's urine drug screening sets is classified by
 *   the analyte its display names, its method (screen / confirmatory) and scale (presence /
 *   amount). Cut-offs, "tested for" lists, identifiers and panels are not results and are left out.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { writeGeneratedFile } from "./generated-file.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const IG_DIR = resolve(root, "data/valuesets/cdc-opioid-cds");
const PROJECT_PATH = resolve(root, "data/valuesets/project-value-sets.json");
export const OUT_PATH = resolve(root, "lib/domain/valuesets.generated.ts");

/** The code-system URIs as the IG's expansions spell them (data/valuesets/project-value-sets.json `systems`). */
const PROJECT = JSON.parse(readFileSync(PROJECT_PATH, "utf8"));
const { snomed: SNOMED, icd10cm: ICD10CM, rxnorm: RXNORM, loinc: LOINC } = PROJECT.systems;

function fail(message) {
  throw new Error(`generate-valuesets: ${message}`);
}

/** "F11.21" -> "F1121"; "Section-C00-C96" -> "C00-C96". */
function normIcd(code) {
  return code.replace(/^Section-/, "").replace(/\./g, "").toUpperCase();
}

/** True when normalized `code` is `rule` or descends from it (prefix), or its category lies in the range `rule`. */
export function icdMatches(code, rule) {
  const range = /^([A-Z]\d[0-9A-Z])-([A-Z]\d[0-9A-Z])$/.exec(rule);
  if (range) {
    const category = code.slice(0, 3);
    return category >= range[1] && category <= range[2];
  }
  return code.startsWith(rule);
}

function loadIg() {
  const out = new Map();
  for (const file of readdirSync(IG_DIR).filter((f) => f.endsWith(".json")).sort()) {
    const vs = JSON.parse(readFileSync(resolve(IG_DIR, file), "utf8"));
    out.set(vs.id, vs);
  }
  return out;
}

function ig(sets, id) {
  const vs = sets.get(id);
  if (!vs) fail(`missing data/valuesets/cdc-opioid-cds/${id}.json`);
  return vs;
}

function expansion(vs, system) {
  return (vs.expansion?.contains ?? []).filter((c) => c.system === system);
}

function igSource(vs) {
  return `CDC opioid CDS IG value set ${vs.id} (${vs.url}), expansion ${vs.expansion?.timestamp ?? "undated"}`;
}

/** ICD-10-CM rules of an IG ValueSet's compose: includes and excludes (filters on codes or sections; enumerated concepts). */
function icdRules(vs) {
  const part = (items) => (items ?? []).filter((i) => i.system === ICD10CM).flatMap((i) => [
    ...(i.filter ?? []).filter((f) => f.property === "concept" && (f.op === "is-a" || f.op === "descendent-of")).map((f) => normIcd(f.value)),
    ...(i.concept ?? []).map((c) => normIcd(c.code)),
  ]);
  return { include: part(vs.compose?.include), exclude: part(vs.compose?.exclude) };
}

/**
 * The ICD-10-CM codes of the expansion (not amended away) that the rules do not match: they are
 * kept as listed codes, so the rules never lose a published code. A code the compose excludes
 * but the expansion lists stops the generator (the two disagree).
 */
function uncovered(vs, include, exclude, amendedAway = []) {
  const extra = [];
  for (const c of expansion(vs, ICD10CM)) {
    const code = normIcd(c.code);
    if (amendedAway.some((r) => icdMatches(code, r))) continue;
    if (exclude.some((r) => icdMatches(code, r))) fail(`${vs.id}: expansion code ${c.code} is excluded by the compose`);
    if (!include.some((r) => icdMatches(code, r))) extra.push(code);
  }
  return extra;
}

const uniqueSorted = (xs) => [...new Set(xs)].sort();

function conditionSet(title, sources, parts) {
  return {
    title,
    sources,
    snomed: uniqueSorted(parts.snomed ?? []),
    icd10: uniqueSorted(parts.icd10 ?? []),
    icd10Exclude: uniqueSorted(parts.icd10Exclude ?? []),
    icd10Intent: [...(parts.icd10Intent ?? [])],
  };
}

function projectSet(project, id) {
  const s = project.sets[id];
  if (!s) fail(`project-value-sets.json: missing set ${id}`);
  return { ...s, icd10: (s.icd10 ?? []).map(normIcd), snomed: s.snomed ?? [], rxnorm: s.rxnorm ?? [] };
}

/** The opioid-misuse-disorders split (see the file header). */
function splitOpioidMisuse(vs) {
  const buckets = { overdose: [], intentional: [], oud: [], remission: [], related: [] };
  for (const c of expansion(vs, SNOMED)) {
    const d = c.display.toLowerCase();
    if (/poisoning|overdose|intoxication/.test(d)) {
      buckets.overdose.push(c.code);
      if (/intentional/.test(d)) buckets.intentional.push(c.code);
    } else if (/abuse|dependence/.test(d)) {
      buckets.oud.push(c.code);
      if (/remission/.test(d)) buckets.remission.push(c.code);
    } else buckets.related.push(c.code);
  }
  const { include } = icdRules(vs);
  if (include.join() !== "F11") fail(`${vs.id}: expected the ICD-10-CM rule F11, found ${include.join()}`);
  for (const c of expansion(vs, ICD10CM)) {
    const code = normIcd(c.code);
    const inOne = ["F111", "F112", "F119"].filter((r) => icdMatches(code, r)).length === 1 || code === "F11";
    if (!inOne) fail(`${vs.id}: ${c.code} falls in no ICD-10-CM bucket`);
  }
  return buckets;
}

function conditionSets(sets, project) {
  const omd = ig(sets, "opioid-misuse-disorders");
  const split = splitOpioidMisuse(omd);
  const omdSource = `${igSource(omd)}, split by concept display (scripts/generate-valuesets.mjs)`;
  const overdose = projectSet(project, "opioid-overdose");
  const intentional = projectSet(project, "intentional-overdose");
  const suicide = projectSet(project, "suicide-attempt-or-ideation");

  const sud = ig(sets, "conditions-documenting-substance-misuse");
  const sudRules = icdRules(sud);
  sudRules.include.push(...uncovered(sud, sudRules.include, sudRules.exclude));

  const sleep = ig(sets, "conditions-documenting-sleep-disordered-breathing");
  const sleepAmend = project.amendments["conditions-documenting-sleep-disordered-breathing"];
  const sleepKeep = sleepAmend.icd10Keep.map(normIcd);

  const cancer = ig(sets, "cdc-malignant-cancer-conditions");
  const cancerAmend = project.amendments["cdc-malignant-cancer-conditions"];
  const cancerRules = icdRules(cancer);
  cancerRules.include.push(...uncovered(cancer, cancerRules.include, cancerRules.exclude));
  const cancerExclude = cancerAmend.icd10Exclude.map(normIcd);
  const cancerSnomed = projectSet(project, "cancer-snomed");

  const terminal = ig(sets, "conditions-likely-terminal-for-opioid-prescribing");
  const terminalRules = icdRules(terminal);
  terminalRules.include.push(...uncovered(terminal, terminalRules.include, terminalRules.exclude));
  const eol = ["limited-life-expectancy-conditions", "therapies-indicating-end-of-life-care", "hospice-finding", "hospice-procedure"].map((id) => ig(sets, id));
  const palliative = projectSet(project, "palliative-encounter");

  const sickle = ig(sets, "sickle-cell-diseases");
  const sickleAmend = project.amendments["sickle-cell-diseases"];
  const sickleRules = icdRules(sickle);
  const sickleExclude = sickleAmend.icd10Exclude.map(normIcd);
  // the amendment lifts the compose's exclusion of D57.1 (see project-value-sets.json)
  sickleRules.exclude = sickleRules.exclude.filter((r) => !sickleAmend.icd10Add.map(normIcd).includes(r));
  sickleRules.include.push(...uncovered(sickle, sickleRules.include, sickleRules.exclude, sickleExclude));

  const p = (id) => projectSet(project, id);
  return {
    "opioid-use-disorder": conditionSet("Opioid use disorder", [omdSource], { snomed: split.oud, icd10: ["F111", "F112"] }),
    "opioid-use-disorder-in-remission": conditionSet("Opioid use disorder in remission", [omdSource], { snomed: split.remission, icd10: ["F1111", "F1121"] }),
    "opioid-related-condition": conditionSet("Opioid-related condition (withdrawal, opioid-induced disorder, unspecified use)", [omdSource], { snomed: split.related, icd10: ["F119"] }),
    "opioid-overdose": conditionSet("Opioid overdose or poisoning", [omdSource, ...overdose.sources], { snomed: [...split.overdose, ...overdose.snomed], icd10: overdose.icd10, icd10Intent: overdose.icd10Intent }),
    "intentional-overdose": conditionSet("Intentional overdose or poisoning", [omdSource, ...intentional.sources], { snomed: split.intentional, icd10: intentional.icd10, icd10Intent: intentional.icd10Intent }),
    "suicide-attempt-or-ideation": conditionSet(suicide.title, suicide.sources, { snomed: suicide.snomed, icd10: suicide.icd10 }),
    "substance-use-disorder": conditionSet("Substance use disorder", [igSource(sud)], { snomed: expansion(sud, SNOMED).map((c) => c.code), icd10: sudRules.include, icd10Exclude: sudRules.exclude }),
    "sleep-disordered-breathing": conditionSet("Sleep-disordered breathing", [igSource(sleep), `amended: ${sleepAmend.reason}`], { snomed: expansion(sleep, SNOMED).map((c) => c.code), icd10: sleepKeep }),
    "cancer": conditionSet("Active cancer", [igSource(cancer), `amended: ${cancerAmend.reason}`, ...cancerSnomed.sources], {
      snomed: cancerSnomed.snomed, icd10: cancerRules.include.filter((r) => !cancerExclude.includes(r)), icd10Exclude: [...cancerRules.exclude, ...cancerExclude],
    }),
    "palliative-or-end-of-life": conditionSet("Palliative, hospice or end-of-life care, or a likely terminal condition", [igSource(terminal), ...eol.map(igSource), ...palliative.sources], {
      snomed: [...expansion(terminal, SNOMED), ...eol.flatMap((vs) => expansion(vs, SNOMED))].map((c) => c.code).concat(palliative.snomed),
      icd10: [...terminalRules.include, ...palliative.icd10], icd10Exclude: terminalRules.exclude,
    }),
    "sickle-cell-disease": conditionSet("Sickle cell disease", [igSource(sickle), `amended: ${sickleAmend.reason}`], {
      snomed: expansion(sickle, SNOMED).map((c) => c.code), icd10: sickleRules.include, icd10Exclude: sickleExclude,
    }),
    "pregnancy": conditionSet(p("pregnancy").title, p("pregnancy").sources, { snomed: p("pregnancy").snomed, icd10: p("pregnancy").icd10 }),
    "mood-disorder": conditionSet(p("mood-disorder").title, p("mood-disorder").sources, { snomed: p("mood-disorder").snomed, icd10: p("mood-disorder").icd10 }),
    "anxiety-or-ptsd": conditionSet(p("anxiety-or-ptsd").title, p("anxiety-or-ptsd").sources, { snomed: p("anxiety-or-ptsd").snomed, icd10: p("anxiety-or-ptsd").icd10 }),
  };
}

function medicationSets(sets, project) {
  const rx = (vs) => expansion(vs, RXNORM);
  const benzo = ig(sets, "benzodiazepine-medications");
  const brands = projectSet(project, "benzodiazepine-brand-codes");
  const cns = ig(sets, "cns-depressant-medications");
  const cnsAmend = project.amendments["cns-depressant-medications"];
  const barbiturates = ig(sets, "barbiturate-medications");
  const naloxone = ig(sets, "naloxone-medications");
  const naloxoneAmend = project.amendments["naloxone-medications"];
  const bup = ig(sets, "buprenorphine-medications");
  const methadone = ig(sets, "methadone-medications");
  const oudForm = (d) => /sublingual|naloxone|prefilled syringe|drug implant/i.test(d);
  const set = (title, sources, codes) => ({ title, sources, rxnorm: uniqueSorted(codes) });
  return {
    "benzodiazepines": set("Benzodiazepines", [igSource(benzo), ...brands.sources], [...rx(benzo).map((c) => c.code), ...brands.rxnorm]),
    "other-cns-depressants": set("Other CNS depressants (hypnotics, oxybates, barbiturates)", [igSource(cns), `amended: ${cnsAmend.reason}`, igSource(barbiturates)], [
      ...rx(cns).filter((c) => !cnsAmend.rxnormExcludeDisplayWords.some((w) => c.display.toLowerCase().includes(w))).map((c) => c.code),
      ...rx(barbiturates).map((c) => c.code),
    ]),
    "naloxone-rescue": set("Naloxone (rescue)", [igSource(naloxone), `amended: ${naloxoneAmend.reason}`], rx(naloxone).filter((c) => !c.display.includes(naloxoneAmend.rxnormExcludeDisplay)).map((c) => c.code)),
    "buprenorphine": set("Buprenorphine", [igSource(bup)], rx(bup).map((c) => c.code)),
    "buprenorphine-oud-formulations": set("Buprenorphine formulations for opioid use disorder (sublingual, with naloxone, extended-release injection, implant)", [`${igSource(bup)}, products whose name says sublingual, naloxone, prefilled syringe (Sublocade, Brixadi) or drug implant`], rx(bup).filter((c) => oudForm(c.display)).map((c) => c.code)),
    "methadone": set("Methadone", [igSource(methadone)], rx(methadone).map((c) => c.code)),
  };
}

const UDS_SETS = [
  "general-opiate-urine-drug-screening-tests", "opiate-specific-urine-drug-screening-tests", "opioid-urine-drug-screening",
  "fentanyl-type-urine-drug-screening-tests", "oxycodone-urine-drug-screening-tests", "methadone-urine-drug-screening-tests",
  "buprenorphine-urine-drug-screening-tests", "heroin-urine-drug-screening-tests", "benzodiazepine-urine-drug-screening-tests",
  "cocaine-urine-drug-screening-tests", "phencyclidine-urine-drug-screening-tests", "non-opioid-urine-drug-screening",
];

/** The analyte a display names (its first words, before the property), or null when the test is not one the rules read. */
const ANALYTES = [
  [/^(opiates)$/, "opiates"],
  [/^(morphine|morphine free|morphine-6-glucuronide|normorphine)$/, "morphine"],
  [/^(codeine|codeine-6-glucuronide|norcodeine)$/, "codeine"],
  [/^(hydrocodone|norhydrocodone)$/, "hydrocodone"],
  [/^(hydromorphone|hydromorphone-3-glucuronide)$/, "hydromorphone"],
  [/^(oxycodone|noroxycodone|oxycodone\+oxymorphone|oxycodone and metabolites)$/, "oxycodone"],
  [/^(oxymorphone|noroxymorphone|oxymorphone-3-glucuronide|oxymorphone and noroxymorphone)$/, "oxymorphone"],
  [/^(fentanyl|norfentanyl|fentanyl\+norfentanyl|fentanyl and norfentanyl)$/, "fentanyl"],
  [/^(acetyl fentanyl|acetyl norfentanyl|acrylfentanyl|butyrylfentanyl|furanylfentanyl|valerylfentanyl|p-fluorofentanyl|3-methylfentanyl|4-fluorobutyrylfentanyl|4-methoxybutyrylfentanyl|4-methylphenethylacetylfentanyl|beta hydroxythiofentanyl|norcarfentanil|ocfentanil|despropionylfentanyl)$/, "fentanyl-analog"],
  [/^(methadone|2-ethylidene-1,5-dimethyl-3,3-diphenylpyrrolidine \(eddp\)|methadone\+metabolite|methadone\.long acting metabolite)$/, "methadone"],
  [/^(buprenorphine|norbuprenorphine|buprenorphine\+norbuprenorphine|buprenorphine-3-glucuronide|norbuprenorphine-3-glucuronide)$/, "buprenorphine"],
  [/^(tramadol|nortramadol|n-nortramadol)$/, "tramadol"],
  [/^(tapentadol|nortapentadol|tapentadol glucuronide|tapentadol and nortapentadol)$/, "tapentadol"],
  [/^(6-monoacetylmorphine|6-monoacetylmorphine \(6-mam\)|6-monoacetylmorphine free|6mam|monoacetylmorphine|acetylmorphine|diamorphine)$/, "heroin"],
  [/^(benzodiazepines|benzodiaz)$/, "benzodiazepines"],
  [/^(benzoylecgonine|cocaine|cocaine\+benzoylecgonine)$/, "cocaine"],
  [/^(phencyclidine)$/, "phencyclidine"],
];

const NOT_A_RESULT = /cutoff|\bCtO\b|tested for|\btested\b|\[Identifier\]|\bIdent\b|panel|\bPnl\b|Narrative|Nominal|\bpos\b|\bneg\b/i;

function analyteHead(display) {
  const d = display.replace(/^Deprecated /, "");
  const m = /^(.*?)(?: \[| Ur | Ur-|Ur$| in Urine| Free| CtO| cutoff| panel| Pnl| tested| screen method| confirm method| positive|\/Creat| adj| Z-score)/.exec(d);
  return (m ? m[1] : d).trim().toLowerCase().replace(/ free$/, "");
}

export function classifyUrineTest(display) {
  if (NOT_A_RESULT.test(display) || !/urine|\bUr\b|Ur-/i.test(display)) return null;
  const head = analyteHead(display);
  const analyte = ANALYTES.find(([re]) => re.test(head))?.[1];
  if (!analyte) return null;
  const qualitative = /\[Presence\]|\bQl\b/.test(display);
  const quantitative = /Mass\/volume|Moles\/volume|Units\/volume|Mass\/time|mCnc|sCnc|Mass Ratio|\/Creat|Z-score|adjusted/i.test(display);
  if (!qualitative && !quantitative) return null;
  const method = /Screen method|\bScn\b|screen method/i.test(display) ? "screen" : /Confirm|\bCfm\b/i.test(display) ? "confirm" : "unspecified";
  return { analyte, method, scale: qualitative ? "qualitative" : "quantitative" };
}

function urineDrugTests(sets) {
  const byCode = new Map();
  for (const id of UDS_SETS) {
    for (const c of expansion(ig(sets, id), LOINC)) {
      const t = classifyUrineTest(c.display);
      if (t === null) continue;
      const seen = byCode.get(c.code);
      if (seen && seen.analyte !== t.analyte) fail(`LOINC ${c.code} classified as ${seen.analyte} and ${t.analyte}`);
      byCode.set(c.code, { code: c.code, ...t });
    }
  }
  return [...byCode.values()].sort((a, b) => a.code.localeCompare(b.code, "en", { numeric: true }));
}

export function build() {
  const sets = loadIg();
  const project = PROJECT;
  return { conditions: conditionSets(sets, project), medications: medicationSets(sets, project), urine: urineDrugTests(sets) };
}

export function render({ conditions, medications, urine }) {
  const json = (v) => JSON.stringify(v);
  const entries = (obj) => Object.entries(obj).map(([id, v]) => `  ${json(id)}: ${json(v)},`).join("\n");
  return `/* GENERATED by scripts/generate-valuesets.mjs from data/valuesets/ (CDC opioid CDS IG expansions,
   cqframework/opioid-cds-r4@b29bdcb, CC0-1.0; and data/valuesets/project-value-sets.json). Do not edit. */
import type { ConditionValueSet, ConditionValueSetId, MedicationValueSet, MedicationValueSetId, UrineDrugTest } from "./valuesets";

export const CONDITION_VALUE_SETS: Readonly<Record<ConditionValueSetId, ConditionValueSet>> = {
${entries(conditions)}
};

export const MEDICATION_VALUE_SETS: Readonly<Record<MedicationValueSetId, MedicationValueSet>> = {
${entries(medications)}
};

export const URINE_DRUG_TESTS: readonly UrineDrugTest[] = [
${urine.map((t) => `  ${json(t)},`).join("\n")}
];
`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeGeneratedFile(OUT_PATH, render(build()), "generate:valuesets");
}
