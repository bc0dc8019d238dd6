/**
 * The population summary of the `mme` command (`--summary`): patients counted by MME band,
 * on opioids with a current benzodiazepine or other sedative, and on opioids without
 * naloxone; the same counts as the SQL in docs/population.md (both read each patient's JSON:
 * the band flags `bands.atOrAbove50` / `bands.atOrAbove90`, so the thresholds live only in
 * lib/mme, and the readiness findings' outcomes in `medicationFindings`, so the drug lists
 * live only in lib/taper). Incomplete results are counted apart, by the band of their floor
 * ("at least"), never as zero; unknown results apart again.
 */
import type { CompletenessState, MmeResult } from "@/lib/domain";
import type { MedicationFindingsJson } from "./output";

/** Half-open bands of the total: 0 | (0, 50) | [50, 90) | [90, inf). */
export type MmeBand = "zero" | "under50" | "from50to90" | "atLeast90";

export const BANDS: readonly MmeBand[] = ["zero", "under50", "from50to90", "atLeast90"];

/** What the summary needs of one patient (it crosses from the workers). */
export interface PatientSummary {
  state: CompletenessState;
  /** null when the state is unknown. */
  band: MmeBand | null;
  findings: MedicationFindingsJson;
}

export function bandOf(result: Pick<MmeResult, "state" | "totalMmePerDay" | "bands">): MmeBand | null {
  const total = result.totalMmePerDay;
  if (result.state === "unknown" || total === null) return null;
  if (result.bands.atOrAbove90) return "atLeast90";
  if (result.bands.atOrAbove50) return "from50to90";
  return total > 0 ? "under50" : "zero";
}

export function patientSummaryOf(result: MmeResult, findings: MedicationFindingsJson): PatientSummary {
  return { state: result.state, band: bandOf(result), findings };
}

export type BandCounts = Record<MmeBand, number>;

/** Patients with opioids counted (a total above 0), and of them, those with a current sedative order, and those to offer naloxone. */
export interface OpioidCounts {
  onOpioids: number;
  withCnsDepressant: number;
  withoutNaloxone: number;
}

export interface PopulationSummaryJson {
  patients: number;
  /** Complete results, by band. */
  complete: { patients: number; byBand: BandCounts } & OpioidCounts;
  /** Incomplete results (the total is a floor), by the band of the floor; "on opioids" when the floor is above 0. */
  incomplete: { patients: number; byBandAtLeast: BandCounts } & OpioidCounts;
  /** Results that could not be computed at all. */
  unknown: { patients: number };
}

const zeroCounts = (): BandCounts => ({ zero: 0, under50: 0, from50to90: 0, atLeast90: 0 });
const zeroOpioids = (): OpioidCounts => ({ onOpioids: 0, withCnsDepressant: 0, withoutNaloxone: 0 });

export class PopulationSummary {
  private readonly complete = { bands: zeroCounts(), opioids: zeroOpioids() };
  private readonly incomplete = { bands: zeroCounts(), opioids: zeroOpioids() };
  private unknown = 0;
  private patients = 0;

  add(p: PatientSummary): void {
    this.patients += 1;
    if (p.state === "unknown" || p.band === null) {
      this.unknown += 1;
      return;
    }
    const into = p.state === "complete" ? this.complete : this.incomplete;
    into.bands[p.band] += 1;
    if (p.band === "zero") return;
    into.opioids.onOpioids += 1;
    if (p.findings.cnsDepressants === "current") into.opioids.withCnsDepressant += 1;
    if (p.findings.naloxone === "offer") into.opioids.withoutNaloxone += 1;
  }

  toJSON(): PopulationSummaryJson {
    const sum = (c: BandCounts): number => BANDS.reduce((n, b) => n + c[b], 0);
    return {
      patients: this.patients,
      complete: { patients: sum(this.complete.bands), byBand: { ...this.complete.bands }, ...this.complete.opioids },
      incomplete: { patients: sum(this.incomplete.bands), byBandAtLeast: { ...this.incomplete.bands }, ...this.incomplete.opioids },
      unknown: { patients: this.unknown },
    };
  }
}
