/** The clinician's calendar day (local time), `YYYY-MM-DD`: the `asOf` the engines receive. */
export function localToday(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, "0");
  const d = String(now.getDate()).padStart(2, "0");
  return `${y}-${m}-${d}`;
}

export { addDays } from "@/lib/domain/dates";
