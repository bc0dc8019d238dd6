/**
 * The rate as an unrounded MME/day floor: after k intervals of the rate clock, the plan's
 * total may not be below `rateFloor(...)`. Real doses are then chosen at or above it, so
 * rounding never makes the taper faster than the chosen rate (cumulatively, at every step).
 *
 * The guidelines state rates, not schedules, and "10 % per month" has two readings
 * (clinical-sources.md 1.5; tests/fixtures/cdc-ig-tests/derived/taper-arithmetic-vectors.json):
 * - `original`: a fixed step of the starting dose, S x (1 - r k), reaching 0 after 1/r steps;
 * - `current`: a percentage of the current dose, S x (1 - r)^k, never reaching 0 on its own;
 * - `two-phase`: the weekly protocol for weeks-to-months of use (CDC 2022 draft l.2638-2641):
 *   r of the original per step until about `switchFraction` (30 %) remains, then r of the
 *   remaining dose per step.
 */
import type { TaperBasis } from "@/lib/domain";

/** The unrounded MME/day floor after `k` intervals for a basis (see the file header). */
export function rateFloor(basis: TaperBasis, ratePercent: number, startMme: number, k: number, switchFraction: number): number {
  const r = ratePercent / 100;
  if (basis === "original") return startMme * Math.max(0, 1 - r * k);
  if (basis === "current") return startMme * (1 - r) ** k;
  const switchStep = Math.ceil((1 - switchFraction) / r - 1e-9);
  if (k <= switchStep) return startMme * Math.max(switchFraction, 1 - r * k);
  return startMme * switchFraction * (1 - r) ** (k - switchStep);
}

/** The rate's own reduction over interval k (from k-1 to k): the most one reduction step may remove beyond the next real dose. */
export function rateStep(basis: TaperBasis, ratePercent: number, startMme: number, k: number, switchFraction: number): number {
  return rateFloor(basis, ratePercent, startMme, k - 1, switchFraction) - rateFloor(basis, ratePercent, startMme, k, switchFraction);
}
