/**
 * The words of a step, one instruction per product, for the clinician ("oxycodone 10 mg
 * (1 x 10 mg tablet) every 8 hours") and for the patient ("Take 1 oxycodone 10 mg tablet every
 * 8 hours (3 times a day)."). The schedule, the CarePlan and the handout all show these, so
 * they say the same thing step for step.
 * Intervals come from a set a patient can follow: every 4, 6, 8, 12 or 24 hours, or "N times a
 * day"; patches are changed every 72 hours (or as ordered).
 */
import type { OpioidProduct } from "@/lib/domain";
import { fmt } from "../format";
import type { DoseGroup } from "./ladder";
import type { ProductKind } from "./product-kind";

/** "oxycodone", "hydrocodone/acetaminophen", "morphine ER", "fentanyl patch", "methadone oral liquid". */
export function productLabel(product: OpioidProduct, kind: ProductKind): string {
  const opioid = product.ingredients[0]?.ingredient ?? product.name;
  const others = product.otherIngredients;
  const base = others.length > 0 ? `${opioid}/${others.join("/")}` : opioid;
  if (kind === "patch") return `${base} patch`;
  if (kind === "liquid") return `${base} oral liquid`;
  return product.release === "ER/LA" && opioid !== "methadone" ? `${base} ER` : base;
}

const EVERY_HOURS: Readonly<Record<number, string>> = { 1: "every 24 hours", 2: "every 12 hours", 3: "every 8 hours", 4: "every 6 hours", 6: "every 4 hours" };

/** "every 8 hours", "every 24 hours", "5 times a day"; a start dose as ordered may be "every 5 hours". */
export function frequencyText(perDay: number): string {
  const named = EVERY_HOURS[perDay];
  if (named !== undefined) return perDay === 1 ? "once a day" : named;
  if (Number.isInteger(perDay)) return `${perDay} times a day`;
  const hours = 24 / perDay;
  return Number.isInteger(Math.round(hours * 1000) / 1000) ? `every ${fmt(hours)} hours` : `${fmt(perDay, 2)} times a day`;
}

/** "3 times a day", "once a day", "twice a day". */
export function timesADay(perDay: number): string {
  if (perDay === 1) return "once a day";
  if (perDay === 2) return "twice a day";
  return `${fmt(perDay, 2)} times a day`;
}

/** "changed every 72 hours". */
export function patchChangeText(changesPerDay: number): string {
  return changesPerDay > 0 ? `every ${fmt(24 / changesPerDay)} hours` : "every 72 hours";
}

function unitNoun(kind: ProductKind, product: OpioidProduct, count: number): string {
  const noun = kind === "patch" ? "patch" : product.unit === "capsule" ? "capsule" : "tablet";
  if (count === 1) return noun;
  return noun === "patch" ? "patches" : `${noun}s`;
}

/**
 * The strength of a unit as a pharmacist reads it: "10 mg", "12 mcg/h", and for a combination
 * product every ingredient from its name, opioid first: "10/325 mg" (hydrocodone 10 mg with
 * acetaminophen 325 mg), so 10/300 and 10/325 are never confused.
 */
export function unitStrength(strength: number, display: string, kind: ProductKind, product: OpioidProduct): string {
  if (kind === "patch") return `${fmt(strength, 2)} mcg/h`;
  if (product.otherIngredients.length === 0) return `${fmt(strength, 2)} mg`;
  const others = otherStrengthTexts(display, product);
  return others.length > 0 ? `${fmt(strength, 2)}/${others.join("/")} mg` : `${fmt(strength, 2)} mg`;
}

/** The non-opioid ingredients' strengths in mg, as the unit's name gives them ("325" of "... Acetaminophen 325 MG ..."). */
function otherStrengthTexts(display: string, product: OpioidProduct): string[] {
  return [...display.matchAll(/([A-Za-z][A-Za-z ]*?)\s+(\d+(?:\.\d+)?)\s*MG\b/gi)]
    .filter((m) => product.otherIngredients.some((o) => (m[1] ?? "").toLowerCase().includes(o)))
    .map((m) => m[2] ?? "");
}

/** The same strengths as numbers, opioid first ([10, 325]): the structured patient instruction's units. */
export function unitStrengths(strength: number, display: string, kind: ProductKind, product: OpioidProduct): number[] {
  if (kind === "patch" || product.otherIngredients.length === 0) return [strength];
  return [strength, ...otherStrengthTexts(display, product).map(Number)];
}

/** Clinician units: "1 x 10 mg tablet + 1 x 5 mg tablet", "2.5 mL of 1 mg/mL". */
export function unitsText(group: DoseGroup, kind: ProductKind, product: OpioidProduct): string {
  return group.level.components
    .map((c) => {
      if (kind === "liquid") return `${fmt(c.count, 2)} mL of ${fmt(c.unit.strength, 2)} mg/mL`;
      const strength = unitStrength(c.unit.strength, c.unit.display, kind, product);
      return `${fmt(c.count, 2)} x ${strength} ${unitNoun(kind, product, c.count)}`;
    })
    .join(" + ");
}

/** Patient units: "1 oxycodone 10 mg tablet and 1 oxycodone 5 mg tablet", "2.5 mL of methadone 1 mg/mL liquid". */
export function patientUnitsText(group: DoseGroup, kind: ProductKind, product: OpioidProduct): string {
  const name = kind === "patch" ? (product.ingredients[0]?.ingredient ?? product.name) : productLabel(product, kind).replace(/ oral liquid$/, "");
  return group.level.components
    .map((c) => {
      if (kind === "liquid") return `${fmt(c.count, 2)} mL of ${name} ${fmt(c.unit.strength, 2)} mg/mL liquid`;
      const strength = unitStrength(c.unit.strength, c.unit.display, kind, product);
      return `${fmt(c.count, 2)} ${name} ${strength} ${unitNoun(kind, product, c.count)}`;
    })
    .join(" and ");
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "March 1, 2025" from "2025-03-01" (the ISO date itself when it is not one). */
export function longDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const month = m === null ? undefined : MONTHS[Number(m[2]) - 1];
  return m === null || month === undefined ? iso : `${month} ${Number(m[3])}, ${m[1]}`;
}

/** "the 1st and 2nd doses", "the 3rd dose". */
export function ordinalDoses(from: number, count: number): string {
  const ordinal = (n: number): string => `${n}${n % 10 === 1 && n !== 11 ? "st" : n % 10 === 2 && n !== 12 ? "nd" : n % 10 === 3 && n !== 13 ? "rd" : "th"}`;
  const list = Array.from({ length: count }, (_, i) => ordinal(from + i));
  const joined = list.length <= 1 ? (list[0] ?? "") : `${list.slice(0, -1).join(", ")} and ${list[list.length - 1] ?? ""}`;
  return `the ${joined} ${count === 1 ? "dose" : "doses"}`;
}
