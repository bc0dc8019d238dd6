/**
 * Reading the plan from the words every version of the app has written, for CarePlans saved
 * before the machine-readable extensions existed (and as an independent second reading of
 * those that have them). The wording read here is the version-1 wording, frozen: CarePlans in
 * charts do not change when the app does (lib/careplan/activities.ts `medicationDescription`,
 * lib/careplan/document.ts `planDescription`, lib/careplan/format.ts `ratePhrase`).
 * Anything that does not match exactly is "not readable", never a guess.
 */
import type { IsoDate, SavedTaperRate, TaperBasis, TaperIntervalUnit } from "@/lib/domain";
import { isValidIsoDate } from "@/lib/taper/dates";

export interface TextStepReading {
  index: number;
  /** The step's start as the text states it. */
  start: IsoDate;
  /** The step's total, as written (rounded to 0.1 MME/day). */
  totalMmePerDay: number;
}

/** Rounding of the MME/day the text carries (lib/careplan/format.ts `formatMme`: 0.1). */
export const TEXT_MME_ROUNDING = 0.05;

// "Step 2, Reduce (2025-02-03 to 2025-03-02): ..." or "Start, Starting dose (2025-01-06 to 2025-02-02): ..."
const STEP_PREFIX = /^(?:Start|Step ([1-9]\d*)), [A-Za-z -]+ \((\d{4}-\d{2}-\d{2}) to (?:\d{4}-\d{2}-\d{2}|\?)\): /;
// "... Total for this step: 45 MME/day." followed by " Dispense: ..." or the end.
const STEP_TOTAL = / Total for this step: (\d+(?:\.\d+)?) MME\/day\.(?: Dispense: |$)/;

/** The step a medication activity's description states, or null when it is not in the app's wording. */
export function readStepText(description: string | undefined): TextStepReading | null {
  if (description === undefined) return null;
  const prefix = STEP_PREFIX.exec(description);
  // exactly one total in the text, followed by the dispense list or the end
  const total = description.split("Total for this step:").length === 2 ? STEP_TOTAL.exec(description) : null;
  if (prefix === null || total === null || prefix[2] === undefined || !isValidIsoDate(prefix[2])) return null;
  const mme = Number(total[1]);
  if (!Number.isFinite(mme)) return null;
  return { index: prefix[1] === undefined ? 0 : Number(prefix[1]), start: prefix[2], totalMmePerDay: mme };
}

const BASIS_WORDS: [string, TaperBasis][] = [
  ["of the starting dose per step (the same amount removed each step)", "original"],
  ["of the current dose per step (each step smaller than the last)", "current"],
  ["of the starting dose per step until about 30 % remains, then of the remaining dose (CDC 2022)", "two-phase"],
];

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
// "Proposed gradual opioid taper from 120 MME/day to discontinuation: 10 % <basis words>, every month; 2025-..."
const DESCRIPTION = new RegExp(
  `^Proposed gradual opioid taper from \\d+(?:\\.\\d+)? MME/day to (discontinuation|(\\d+(?:\\.\\d+)?) MME/day): ` +
    `(\\d+(?:\\.\\d+)?) % (${BASIS_WORDS.map(([w]) => escape(w)).join("|")}), every (?:(\\d+) )?(day|week|month)s?; `,
);

/** The rate a CarePlan.description states (version-1 wording), or null when it does not match. */
export function readRateText(description: string | undefined): SavedTaperRate | null {
  const m = description === undefined ? null : DESCRIPTION.exec(description);
  if (m === null) return null;
  const basis = BASIS_WORDS.find(([w]) => w === m[4])?.[1];
  const unit = (["day", "week", "month"] as const).find((u): u is TaperIntervalUnit => u === m[6]);
  const ratePercent = Number(m[3]);
  const count = m[5] === undefined ? 1 : Number(m[5]);
  if (basis === undefined || unit === undefined || !(ratePercent > 0) || !Number.isInteger(count) || count < 1) return null;
  const target = m[1] === "discontinuation" ? { kind: "discontinue" as const } : { kind: "mme" as const, mmePerDay: Number(m[2]) };
  return { ratePercent, interval: { unit, count }, basis, target, rapidTaperReason: null };
}
