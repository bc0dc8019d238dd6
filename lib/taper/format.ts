/** Number formatting for sentences (never for arithmetic: the engines keep unrounded values). */
import { formatDecimal } from "@/lib/domain/numbers";

/** At most `digits` decimals, no trailing zeros: 7.5, 12, 21.87 (rounded by lib/domain/numbers). */
export function fmt(value: number, digits = 1): string {
  return formatDecimal(value, digits);
}

/** "3 tablets", "1 tablet". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${fmt(count, 2)} ${count === 1 ? singular : pluralForm}`;
}
