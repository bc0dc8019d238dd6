/**
 * Sig-text corpus written for this project (no real patient's sig is copied). Each entry is what
 * a pharmacist would read from the text; null where the text is ambiguous or silent (the parser
 * must then say so rather than guess). `perDay` is [min, max] administrations per day.
 */
import type { SigCap, SigDoseUnit, SigRoute, SigWarningCode } from "@/lib/mme/sig";

export interface SigCase {
  text: string;
  dose: [number, number, SigDoseUnit | null] | null;
  perDay: [number, number] | null;
  prn: boolean;
  route?: SigRoute | null;
  patchChangeHours?: number | null;
  everyOtherDay?: boolean;
  atBedtime?: boolean;
  caps?: SigCap[];
  alternate?: [number, number, SigDoseUnit];
  /** Units a day of a multi-part sig: [min, max, unit]. */
  dosePerDay?: [number, number, SigDoseUnit | null];
  warnings?: SigWarningCode[];
}

const THIRD = 1 / 3;
const WEEK = 1 / 7;

export const SIG_CORPUS: readonly SigCase[] = [
  // Dose ranges and intervals (the max of a range is what the engine uses)
  { text: "Take 1-2 tablets by mouth every 4-6 hours as needed for pain", dose: [1, 2, "tablet"], perDay: [4, 6], prn: true, route: "oral" },
  { text: "one to two tabs PO Q4-6H PRN", dose: [1, 2, "tablet"], perDay: [4, 6], prn: true, route: "oral" },
  { text: "1 or 2 caps po q 4 to 6 hrs prn pain", dose: [1, 2, "capsule"], perDay: [4, 6], prn: true, route: "oral" },
  { text: "Take 1 tablet by mouth every 8 hours as needed", dose: [1, 1, "tablet"], perDay: [3, 3], prn: true, route: "oral" },
  { text: "Take 1 tablet by mouth every 12 hours", dose: [1, 1, "tablet"], perDay: [2, 2], prn: false, route: "oral" },
  { text: "2 tabs q6h prn", dose: [2, 2, "tablet"], perDay: [4, 4], prn: true },
  { text: "1 tab po q4h prn severe pain", dose: [1, 1, "tablet"], perDay: [6, 6], prn: true },
  { text: "Take 1 capsule by mouth every 6 hours as needed for moderate pain", dose: [1, 1, "capsule"], perDay: [4, 4], prn: true },
  { text: "1 tab every 3 hours as needed", dose: [1, 1, "tablet"], perDay: [8, 8], prn: true },
  { text: "Take 1 tablet every 4 hours while awake as needed", dose: [1, 1, "tablet"], perDay: [6, 6], prn: true },
  // Counted frequencies, spelled and Latin
  { text: "Take 1 tablet by mouth twice daily", dose: [1, 1, "tablet"], perDay: [2, 2], prn: false },
  { text: "take one tablet twice a day", dose: [1, 1, "tablet"], perDay: [2, 2], prn: false },
  { text: "1 tab po bid", dose: [1, 1, "tablet"], perDay: [2, 2], prn: false, route: "oral" },
  { text: "1 tab p.o. b.i.d.", dose: [1, 1, "tablet"], perDay: [2, 2], prn: false, route: "oral" },
  { text: "Take 1 tablet three times a day", dose: [1, 1, "tablet"], perDay: [3, 3], prn: false },
  { text: "1 cap tid prn", dose: [1, 1, "capsule"], perDay: [3, 3], prn: true },
  { text: "take 2 tabs QID", dose: [2, 2, "tablet"], perDay: [4, 4], prn: false },
  { text: "Take 1 tablet four times daily as needed", dose: [1, 1, "tablet"], perDay: [4, 4], prn: true },
  { text: "take 1 tab 2x daily", dose: [1, 1, "tablet"], perDay: [2, 2], prn: false },
  { text: "Take 1 tab x2 daily", dose: [1, 1, "tablet"], perDay: [2, 2], prn: false },
  { text: "1 tab 3 x a day", dose: [1, 1, "tablet"], perDay: [3, 3], prn: false },
  { text: "take 1 tablet 2-3 times daily as needed", dose: [1, 1, "tablet"], perDay: [2, 3], prn: true },
  { text: "Take 1 tablet once daily", dose: [1, 1, "tablet"], perDay: [1, 1], prn: false },
  { text: "1 tab po daily", dose: [1, 1, "tablet"], perDay: [1, 1], prn: false },
  { text: "1 tab po qd", dose: [1, 1, "tablet"], perDay: [1, 1], prn: false },
  { text: "2 tablets a day", dose: [2, 2, "tablet"], perDay: [1, 1], prn: false },
  // Odd spacing, capitals, glued abbreviations, misspellings
  { text: "Q6H 1 tab(s)", dose: [1, 1, "tablet"], perDay: [4, 4], prn: false },
  { text: "1 tab q 6 h", dose: [1, 1, "tablet"], perDay: [4, 4], prn: false },
  { text: "1 TAB PO Q.6.H. P.R.N.", dose: [1, 1, "tablet"], perDay: [4, 4], prn: true, route: "oral" },
  { text: "take 1 tab every6hours", dose: [1, 1, "tablet"], perDay: [4, 4], prn: false },
  { text: "1tab q6hprn", dose: [1, 1, "tablet"], perDay: [4, 4], prn: true },
  { text: "take 2 tabet evry 8 hrs", dose: [2, 2, "tablet"], perDay: [3, 3], prn: false },
  { text: "Take  1  tablet   by mouth  every  12  hours", dose: [1, 1, "tablet"], perDay: [2, 2], prn: false },
  { text: "1 tab q12hrs", dose: [1, 1, "tablet"], perDay: [2, 2], prn: false },
  { text: "1 capsul by mouth 6 hourly as needed", dose: [1, 1, "capsule"], perDay: [4, 4], prn: true },
  { text: "1-2 tab(s) q4-6 hr PRN", dose: [1, 2, "tablet"], perDay: [4, 6], prn: true },
  { text: "Take 1 to 2 tablets every 4 to 6 hours if needed", dose: [1, 2, "tablet"], perDay: [4, 6], prn: true },
  // Fractions and halves
  { text: "1/2 tab po qhs", dose: [0.5, 0.5, "tablet"], perDay: [1, 1], prn: false, atBedtime: true },
  { text: "Take one half tablet by mouth twice daily", dose: [0.5, 0.5, "tablet"], perDay: [2, 2], prn: false },
  { text: "take half a tab at bedtime", dose: [0.5, 0.5, "tablet"], perDay: [1, 1], prn: false, atBedtime: true },
  { text: "Take 1 1/2 tablets every 12 hours", dose: [1.5, 1.5, "tablet"], perDay: [2, 2], prn: false },
  { text: "take one and a half tablets bid", dose: [1.5, 1.5, "tablet"], perDay: [2, 2], prn: false },
  { text: "½ tab q8h prn", dose: [0.5, 0.5, "tablet"], perDay: [3, 3], prn: true },
  // Mass and volume doses
  { text: "10 mg po bid", dose: [10, 10, "mg"], perDay: [2, 2], prn: false },
  { text: "Take 5-10 mg by mouth every 4 hours as needed", dose: [5, 10, "mg"], perDay: [6, 6], prn: true },
  { text: "5 mL by mouth every 6 hours as needed", dose: [5, 5, "mL"], perDay: [4, 4], prn: true },
  { text: "Take 2.5 ml po q4h prn", dose: [2.5, 2.5, "mL"], perDay: [6, 6], prn: true },
  { text: "take .5 ml q6h", dose: [0.5, 0.5, "mL"], perDay: [4, 4], prn: false },
  { text: "take 1 tsp q4h prn", dose: [5, 5, "mL"], perDay: [6, 6], prn: true, warnings: ["sig.unit-converted"] },
  { text: "Take 200 mcg buccally every 4 hours as needed for breakthrough pain", dose: [200, 200, "mcg"], perDay: [6, 6], prn: true, route: "buccal" },
  // Epic-style text: repeated number words, "(N mg total)", pain scores, max daily amount
  {
    text: "Take 1 tablet (5 mg total) by mouth every 4 (four) hours as needed for severe pain (7-10). Max daily amount: 30 mg",
    dose: [1, 1, "tablet"], perDay: [6, 6], prn: true, route: "oral", alternate: [5, 5, "mg"],
    caps: [{ amount: 30, unit: "mg", periodHours: 24 }],
  },
  { text: "Take 2 tablets (10 mg total) by mouth every 6 (six) hours as needed.", dose: [2, 2, "tablet"], perDay: [4, 4], prn: true, alternate: [10, 10, "mg"] },
  { text: "Take 1 tablet (15 mg total) by mouth every 12 (twelve) hours.", dose: [1, 1, "tablet"], perDay: [2, 2], prn: false, alternate: [15, 15, "mg"] },
  // Strengths, quantities and durations are not doses
  { text: "oxycodone 10 mg tablet: take 1 tablet every 12 hours", dose: [1, 1, "tablet"], perDay: [2, 2], prn: false },
  { text: "Norco 5-325 mg take 1 tab q6h prn #30", dose: [1, 1, "tablet"], perDay: [4, 4], prn: true },
  { text: "hydrocodone/apap 5/325 1 tab po q6h prn pain x 5 days", dose: [1, 1, "tablet"], perDay: [4, 4], prn: true, route: "oral" },
  { text: "Take 5 mL of the 5 mg/5 mL solution every 6 hours as needed", dose: [5, 5, "mL"], perDay: [4, 4], prn: true },
  { text: "1 tab q8h, dispense 90 tablets, 30 day supply", dose: [1, 1, "tablet"], perDay: [3, 3], prn: false },
  // Every other day, weekly, bedtime, times of day
  { text: "take 1 tab po qod", dose: [1, 1, "tablet"], perDay: [0.5, 0.5], prn: false, everyOtherDay: true },
  { text: "Take 1 tablet every other day", dose: [1, 1, "tablet"], perDay: [0.5, 0.5], prn: false, everyOtherDay: true },
  { text: "take 1 tablet weekly", dose: [1, 1, "tablet"], perDay: [WEEK, WEEK], prn: false },
  { text: "1 tab qhs", dose: [1, 1, "tablet"], perDay: [1, 1], prn: false, atBedtime: true },
  { text: "Take 1 tablet by mouth at bedtime", dose: [1, 1, "tablet"], perDay: [1, 1], prn: false, atBedtime: true, route: "oral" },
  { text: "1 tab hs prn", dose: [1, 1, "tablet"], perDay: [1, 1], prn: true, atBedtime: true },
  { text: "Take 1 capsule every morning", dose: [1, 1, "capsule"], perDay: [1, 1], prn: false },
  { text: "Take 1 tablet in the morning and 1 tablet at bedtime", dose: [1, 1, "tablet"], perDay: [2, 2], prn: false, atBedtime: true },
  { text: "1 tab at 8am and 8pm", dose: [1, 1, "tablet"], perDay: [2, 2], prn: false },
  { text: "1 tab twice daily (morning and evening)", dose: [1, 1, "tablet"], perDay: [2, 2], prn: false },
  // Patches
  { text: "Apply 1 patch every 72 hours", dose: [1, 1, "patch"], perDay: [THIRD, THIRD], prn: false, route: "transdermal", patchChangeHours: 72 },
  { text: "Apply 1 patch to skin every 72 (seventy-two) hours. Remove old patch.", dose: [1, 1, "patch"], perDay: [THIRD, THIRD], prn: false, route: "transdermal", patchChangeHours: 72 },
  { text: "change patch every 3 days", dose: null, perDay: [THIRD, THIRD], prn: false, patchChangeHours: 72, warnings: ["sig.no-dose"] },
  { text: "apply one patch transdermally q72h", dose: [1, 1, "patch"], perDay: [THIRD, THIRD], prn: false, route: "transdermal", patchChangeHours: 72 },
  { text: "Apply 2 patches every 3 days", dose: [2, 2, "patch"], perDay: [THIRD, THIRD], prn: false, patchChangeHours: 72 },
  { text: "Apply 1 patch weekly", dose: [1, 1, "patch"], perDay: [WEEK, WEEK], prn: false, patchChangeHours: 168 },
  { text: "Apply 1 patch every 48-72 hours", dose: [1, 1, "patch"], perDay: [THIRD, 0.5], prn: false, patchChangeHours: 48 },
  // Transmucosal and nasal
  { text: "dissolve 1 film under the tongue daily", dose: [1, 1, "film"], perDay: [1, 1], prn: false, route: "sublingual" },
  { text: "1 spray in one nostril q 2 h prn", dose: [1, 1, "spray"], perDay: [12, 12], prn: true, route: "nasal" },
  { text: "Place 1 tablet sublingually every 8 hours", dose: [1, 1, "tablet"], perDay: [3, 3], prn: false, route: "sublingual" },
  // Caps
  { text: "1 tab po q 6 h prn, max 4 tabs/day", dose: [1, 1, "tablet"], perDay: [4, 4], prn: true, caps: [{ amount: 4, unit: "tablet", periodHours: 24 }] },
  { text: "1-2 tabs q4h prn pain not to exceed 6 tablets in 24 hours", dose: [1, 2, "tablet"], perDay: [6, 6], prn: true, caps: [{ amount: 6, unit: "tablet", periodHours: 24 }] },
  { text: "Take 1 tablet every 4 hours as needed, no more than 4 doses per day", dose: [1, 1, "tablet"], perDay: [6, 6], prn: true, caps: [{ amount: 4, unit: "administration", periodHours: 24 }] },
  { text: "Take 1 tablet by mouth up to 4 times daily as needed", dose: [1, 1, "tablet"], perDay: [4, 4], prn: true, caps: [{ amount: 4, unit: "administration", periodHours: 24 }], warnings: ["sig.frequency-from-cap"] },
  { text: "1-2 tabs as needed for pain, max 6 tabs per day", dose: [1, 2, "tablet"], perDay: [3, 3], prn: true, caps: [{ amount: 6, unit: "tablet", periodHours: 24 }], warnings: ["sig.frequency-from-cap"] },
  { text: "do not exceed 3000 mg of acetaminophen per day. take 1 tab q 4h prn", dose: [1, 1, "tablet"], perDay: [6, 6], prn: true, caps: [], warnings: ["sig.cap-ignored"] },
  { text: "Take up to 2 tablets every 6 hours as needed", dose: [2, 2, "tablet"], perDay: [4, 4], prn: true, caps: [] },
  // Unit-less doses: a number, but no unit (the engine must not assume one silently)
  { text: "take 1 by mouth every 8 hours as needed", dose: [1, 1, null], perDay: [3, 3], prn: true, warnings: ["sig.dose-unit-missing"] },
  { text: "2 po q4h prn", dose: [2, 2, null], perDay: [6, 6], prn: true, warnings: ["sig.dose-unit-missing"] },
  // Ambiguous or silent: null with a warning, never a guess
  { text: "Take 1 tab x2", dose: [1, 1, "tablet"], perDay: null, prn: false, warnings: ["sig.ambiguous-frequency"] },
  { text: "take 2 tabs bid x 3 days then 1 tab bid", dose: null, perDay: null, prn: false, warnings: ["sig.ambiguous-dose", "sig.sequential-instructions"] },
  { text: "take 1 tab daily x 7 days, then 1 tab twice daily", dose: [1, 1, "tablet"], perDay: null, prn: false, warnings: ["sig.sequential-instructions"] },
  // Two parts, each with its own dose and time: 1 + 2 = 3 tablets a day (no single dose or frequency).
  { text: "take 1 tab in the morning and 2 tabs at bedtime", dose: null, perDay: null, dosePerDay: [3, 3, "tablet"], prn: false, atBedtime: true },
  { text: "take 1 tab bid and 1 tab at bedtime", dose: [1, 1, "tablet"], perDay: null, prn: false, warnings: ["sig.ambiguous-frequency"] },
  { text: "Take 1 tablet twice daily; may take an additional tablet as needed", dose: [1, 1, "tablet"], perDay: null, prn: true, warnings: ["sig.ambiguous-frequency"] },
  { text: "take 1 tab q6h or q4h", dose: [1, 1, "tablet"], perDay: null, prn: false, warnings: ["sig.ambiguous-frequency"] },
  { text: "Take as directed", dose: null, perDay: null, prn: false, warnings: ["sig.no-dose", "sig.no-frequency"] },
  { text: "Take 1 tablet by mouth", dose: [1, 1, "tablet"], perDay: null, prn: false, warnings: ["sig.no-frequency"] },
  { text: "every 6 hours as needed for pain", dose: null, perDay: [4, 4], prn: true, warnings: ["sig.no-dose"] },
  { text: "", dose: null, perDay: null, prn: false, warnings: ["sig.empty"] },
];
