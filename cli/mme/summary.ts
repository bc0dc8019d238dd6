/**
 * The population summary of the `mme` command (`--summary`): patients counted by MME band,
 * the same counts as the SQL in docs/population.md (both read the band flags of each
 * patient's JSON, `bands.atOrAbove50` / `bands.atOrAbove90`, so the thresholds live only in
 * lib/mme). Incomplete results are counted apart, by the band of their floor ("at least"),
 * never as zero; unknown results apart again.
 */
import type { CompletenessState, MmeResult } from "@/lib/domain";

/** Half-open bands of the total: 0 | (0, 50) | [50, 90) | [90, inf). */
export type MmeBand = "zero" | "under50" | "from50to90" | "atLeast90";

export const BANDS: readonly MmeBand[] = ["zero", "under50", "from50to90", "atLeast90"];

/** What the summary needs of one patient (it crosses from the workers). */
export interface PatientSummary {
  state: CompletenessState;
  /** null when the state is unknown. */
  band: MmeBand | null;
}

export function bandOf(result: Pick<MmeResult, "state" | "totalMmePerDay" | "bands">): MmeBand | null {
  const total = result.totalMmePerDay;
  if (result.state === "unknown" || total === null) return null;
  if (result.bands.atOrAbove90) return "atLeast90";
  if (result.bands.atOrAbove50) return "from50to90";
  return total > 0 ? "under50" : "zero";
}

export function patientSummaryOf(result: MmeResult): PatientSummary {
  return { state: result.state, band: bandOf(result) };
}

export type BandCounts = Record<MmeBand, number>;

export interface PopulationSummaryJson {
  patients: number;
  /** Complete results, by band. */
  complete: { patients: number; byBand: BandCounts };
  /** Incomplete results (the total is a floor), by the band of the floor. */
  incomplete: { patients: number; byBandAtLeast: BandCounts };
  /** Results that could not be computed at all. */
  unknown: { patients: number };
}

const zeroCounts = (): BandCounts => ({ zero: 0, under50: 0, from50to90: 0, atLeast90: 0 });

export class PopulationSummary {
  private readonly complete = zeroCounts();
  private readonly incomplete = zeroCounts();
  private unknown = 0;
  private patients = 0;

  add(p: PatientSummary): void {
    this.patients += 1;
    if (p.state === "unknown" || p.band === null) this.unknown += 1;
    else if (p.state === "complete") this.complete[p.band] += 1;
    else this.incomplete[p.band] += 1;
  }

  toJSON(): PopulationSummaryJson {
    const sum = (c: BandCounts): number => BANDS.reduce((n, b) => n + c[b], 0);
    return {
      patients: this.patients,
      complete: { patients: sum(this.complete), byBand: { ...this.complete } },
      incomplete: { patients: sum(this.incomplete), byBandAtLeast: { ...this.incomplete } },
      unknown: { patients: this.unknown },
    };
  }
}
