/** The handout as plain text, for "copy as text" and `plan --format handout`: the same content as the printed page. */
import type { Handout } from "./types";

const BLANK = "____________________";

export function handoutAsText(h: Handout): string {
  const lines = [h.title, ""];
  for (const f of h.facts) lines.push(`${f.label}: ${f.value ?? BLANK}`);
  lines.push(h.dates.map((d) => `${d.label}: ${d.value ?? BLANK}`).join(" · "));
  lines.push("", `${h.calendarHeading}:`);
  for (const r of h.rows) lines.push(`- ${r.from}: ${[...(r.note === null ? [] : [r.note]), ...r.doses].join(" ")}`);
  for (const s of h.sections) lines.push("", `${s.heading}:`, ...s.lines.map((l) => `- ${l}`));
  return lines.join("\n");
}
