#!/usr/bin/env node
/**
 * Generates lib/mme/catalog/rxnorm-products.generated.ts from
 * data/rxnorm-opioids.tsv (445 RxNorm opioid and naloxone products
 * with strengths, dose forms, ER/LA flags and CDC factors; sources in its last column).
 *
 * Usage: npm run generate:catalog [-- --check | -- --out <file>] (scripts/generated-file.mjs; the
 *   unit test tests/scripts/generators.test.ts regenerates into a temp dir and compares bytes).
 * The TSV is data we do not edit; products it lacks live in lib/mme/catalog/supplement.ts.
 */
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { writeGeneratedFile } from "./generated-file.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const TSV_PATH = resolve(root, "data/rxnorm-opioids.tsv");
export const OUT_PATH = resolve(root, "lib/mme/catalog/rxnorm-products.generated.ts");

const FORM = {
  "Oral Tablet": ["oral-solid", "tablet"],
  "Disintegrating Oral Tablet": ["oral-solid", "tablet"],
  "Extended Release Oral Tablet": ["oral-solid", "tablet"],
  "Oral Capsule": ["oral-solid", "capsule"],
  "Extended Release Oral Capsule": ["oral-solid", "capsule"],
  "Oral Solution": ["oral-liquid", "mL"],
  "Transdermal System": ["transdermal", "patch"],
  "Buccal Film": ["buccal", "film"],
  "Sublingual Film": ["sublingual", "film"],
  "Sublingual Tablet": ["sublingual", "tablet"],
  "Nasal Spray": ["nasal", "spray"],
  Injection: ["injection", "mL"],
  "Auto-Injector": ["injection", "unit"],
  "Prefilled Syringe": ["injection", "unit"],
};

/** Formulation words RxNorm puts before a name ("Abuse-Deterrent 12 HR oxycodone ..."): not ingredients. */
const FORMULATION_PREFIX = /^(Abuse-Deterrent|Matrix Delivery)\s+/i;

/** "abuse-deterrent", "matrix-delivery" or null: keeps product lines apart when doses are built. */
function formulationOf(name) {
  const m = FORMULATION_PREFIX.exec(name);
  return m ? m[1].toLowerCase().replace(" ", "-") : null;
}

/** Non-opioid ingredient names found in the product name ("acetaminophen 325 MG / oxycodone ..."). */
function otherIngredients(name, opioid) {
  const withoutBrand = name.replace(/\s*\[[^\]]*\]\s*$/, "");
  return withoutBrand
    .split(" / ")
    .map((part) => part.replace(FORMULATION_PREFIX, "").replace(/^\d+(\.\d+)?\s*(HR|ML)\s+/i, "").match(/^([A-Za-z][A-Za-z \-]*?)\s+\d/))
    .filter((m) => m !== null)
    .map((m) => m[1].trim().toLowerCase().replace(/ (hydrochloride|bitartrate|sulfate|phosphate|tartrate|citrate|terephthalate|hcl)$/, ""))
    .filter((n) => !n.includes(opioid))
    .filter((n, i, all) => all.indexOf(n) === i);
}

export function buildRows(tsv) {
  const lines = tsv.split("\n").filter((l) => l.trim() !== "");
  const header = lines[0].split("\t");
  const col = (name) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`TSV column missing: ${name}`);
    return i;
  };
  const c = {
    rxcui: col("rxcui"), name: col("name"), ingredient: col("ingredient"), value: col("strength_value"),
    unit: col("strength_unit"), mcgh: col("strength_mcg_per_hr"), form: col("dose_form"), release: col("release"),
    vsOpioid: col("in_cdc_opioid_analgesics_vs"), vsEr: col("in_cdc_er_vs"), vsBup: col("in_cdc_buprenorphine_vs"),
    vsMoud: col("in_cdc_bup_methadone_oud_vs"), common: col("common_primary_care"),
  };
  const opioids = [];
  const naloxone = [];
  for (const line of lines.slice(1)) {
    const f = line.split("\t");
    const form = FORM[f[c.form]];
    if (!form) throw new Error(`Unmapped dose form "${f[c.form]}" for ${f[c.rxcui]}`);
    const ingredient = f[c.ingredient];
    if (ingredient === "naloxone") {
      naloxone.push({ rxnorm: f[c.rxcui], name: f[c.name] });
      continue;
    }
    const value = Number(f[c.value]);
    let strength;
    if (f[c.unit] === "MG") strength = { ingredient, value, unit: "mg", per: "unit" };
    else if (f[c.unit] === "MG/ML") strength = { ingredient, value, unit: "mg", per: "mL" };
    else if (f[c.unit] === "MG/HR") strength = { ingredient, value: Number(f[c.mcgh]), unit: "mcg", per: "hour" };
    else throw new Error(`Unmapped strength unit "${f[c.unit]}" for ${f[c.rxcui]}`);
    if (!Number.isFinite(strength.value) || strength.value <= 0) throw new Error(`Bad strength for ${f[c.rxcui]}`);
    opioids.push({
      rxnorm: f[c.rxcui],
      name: f[c.name],
      ingredients: [strength],
      otherIngredients: otherIngredients(f[c.name], ingredient),
      formulation: formulationOf(f[c.name]),
      doseForm: form[0],
      doseFormName: f[c.form],
      release: f[c.release] === "ER/LA" ? "ER/LA" : "IR",
      unit: form[1],
      source: "rxnorm-catalog",
      inCdcOpioidVs: f[c.vsOpioid] === "Y",
      inCdcErVs: f[c.vsEr] === "Y",
      inCdcBuprenorphineVs: f[c.vsBup] === "Y",
      inCdcMoudVs: f[c.vsMoud] === "Y",
      commonPrimaryCare: f[c.common] === "Y",
    });
  }
  return { opioids, naloxone };
}

export function render({ opioids, naloxone }) {
  const head = `/* GENERATED by scripts/generate-catalog.mjs from data/rxnorm-opioids.tsv. Do not edit. */
/* Sources per row: cqframework/opioid-mme-r4@1357f45 OMTKData.cql (RxNav 2020-10-20) and
   cqframework/opioid-cds-r4@b29bdcb value set expansions (2025-02-24), as listed in the TSV. */
import type { CatalogProduct, NaloxoneProduct } from "./types";

`;
  const o = opioids.map((r) => "  " + JSON.stringify(r)).join(",\n");
  const n = naloxone.map((r) => "  " + JSON.stringify(r)).join(",\n");
  return `${head}export const RXNORM_OPIOID_PRODUCTS: readonly CatalogProduct[] = [\n${o},\n];\n\nexport const RXNORM_NALOXONE_PRODUCTS: readonly NaloxoneProduct[] = [\n${n},\n];\n`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeGeneratedFile(OUT_PATH, render(buildRows(readFileSync(TSV_PATH, "utf8"))), "generate:catalog");
}
