import type { CarePlan } from "fhir/r4";
import { fmtDate } from "./format";

/** Earlier taper CarePlans (category 80764-4), newest first, so a plan is not proposed twice. */
export function EarlierPlans({ carePlans, available, justSaved }: { carePlans: readonly CarePlan[]; available: boolean; justSaved: CarePlan | null }) {
  const all = [...carePlans];
  if (justSaved && !all.some((c) => c.identifier?.[0]?.value === justSaved.identifier?.[0]?.value)) all.push(justSaved);
  const sorted = all.sort((a, b) => (b.created ?? b.meta?.lastUpdated ?? "").localeCompare(a.created ?? a.meta?.lastUpdated ?? ""));
  return (
    <section aria-labelledby="earlier-heading">
      <h2 id="earlier-heading">Earlier taper plans</h2>
      {!available && <p className="muted">Earlier plans could not be read.</p>}
      {available && sorted.length === 0 && <p className="muted">None in the chart.</p>}
      <ul data-testid="earlier-plans">
        {sorted.map((c, i) => (
          <li key={c.id ?? `new-${i}`}>
            {fmtDate(c.created ?? c.meta?.lastUpdated)}: {c.title ?? "Untitled plan"} ({c.status}{c.intent ? `, ${c.intent}` : ""})
          </li>
        ))}
      </ul>
    </section>
  );
}
