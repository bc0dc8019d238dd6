/** Number formatting for the report (one place, so every figure reads the same way). */
import type { Stat } from "../stats";

export function num(n: number, digits = 1): string {
  return n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function int(n: number): string {
  return Math.round(n).toLocaleString("en-US");
}

/** `45.2 ms (min 40.1, max 60.3; 9 runs)`. */
export function stat(s: Stat, unit: string, digits = 1): string {
  return `${num(s.median, digits)} ${unit} (min ${num(s.min, digits)}, max ${num(s.max, digits)}; ${s.runs} runs)`;
}

export const kB = (bytes: number) => `${num(bytes / 1000, 1)} kB`;
export const MB = (bytes: number) => `${num(bytes / 1e6, 1)} MB`;

/** A markdown table. */
export function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  return [line(head), line(head.map(() => "---")), ...rows.map(line)].join("\n");
}

/** `1 read`, `2 reads`, `4 searches`. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
