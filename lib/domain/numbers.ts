/**
 * Rounding for display: the one rule every screen, the CarePlan, the handout and the commands use,
 * so two places never show the same value differently (issue 14.4). The engines keep unrounded
 * values; numbers are rounded only when they become text.
 *
 * The rule: half away from zero at `decimals` places, after a nudge of one machine epsilon per
 * unit of the last place so that a decimal tie stored just below it in binary rounds as written
 * (8.345 -> 8.35, 22.45 -> 22.5, 179.9999982 -> 180); -0 becomes 0.
 */

/** MME/day is shown to one decimal, as the CDC MME calculator rounds it (`Round(x, 1)`; docs/clinical-sources.md section 3). */
export const MME_PER_DAY_DECIMALS = 1;

/** `value` rounded to `decimals` places by the rule above; a non-finite value is returned as is. */
export function roundTo(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  const factor = 10 ** decimals;
  const magnitude = Math.round(Math.abs(value) * factor + Number.EPSILON * factor) / factor;
  const rounded = value < 0 ? -magnitude : magnitude;
  return Object.is(rounded, -0) ? 0 : rounded;
}

/** At most `decimals` decimals, no trailing zeros: `7.5`, `12`, `21.87`; "unknown" for a non-finite value. */
export function formatDecimal(value: number, decimals: number): string {
  return Number.isFinite(value) ? String(roundTo(value, decimals)) : "unknown";
}

/** An MME/day value as text (the number only): `60`, `22.5`, `180` for 179.9999982; "unknown" when not finite. */
export function formatMmePerDay(mmePerDay: number): string {
  return formatDecimal(mmePerDay, MME_PER_DAY_DECIMALS);
}
