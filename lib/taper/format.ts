/** Number formatting for sentences (never for arithmetic: the engines keep unrounded values). */

/** At most `digits` decimals, no trailing zeros: 7.5, 12, 21.87. */
export function fmt(value: number, digits = 1): string {
  const factor = 10 ** digits;
  return String(Math.round(value * factor) / factor);
}

/** "3 tablets", "1 tablet". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${fmt(count, 2)} ${count === 1 ? singular : pluralForm}`;
}
