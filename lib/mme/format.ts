/** Display helpers: the only place MME is rounded (to 0.1), and only for display. */
import type { MmeResult } from "@/lib/domain";

/** "60", "179.9" -> rounds half away from zero to one decimal; "—" for null. */
export function formatMme(mmePerDay: number | null): string {
  if (mmePerDay === null || !Number.isFinite(mmePerDay)) return "—";
  const rounded = Math.round(mmePerDay * 10 + Number.EPSILON * 10) / 10;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
}

/** "60 MME/day", "at least 60 MME/day" (incomplete), "unknown" (unreadable medication list). */
export function describeTotal(result: Pick<MmeResult, "state" | "totalMmePerDay">): string {
  if (result.state === "unknown" || result.totalMmePerDay === null) return "unknown";
  const text = `${formatMme(result.totalMmePerDay)} MME/day`;
  return result.state === "incomplete" ? `at least ${text}` : text;
}
