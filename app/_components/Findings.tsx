import type { Finding, FindingCategory, FindingStatus, ReadinessResult } from "@/lib/domain";
import { FindingItem } from "./FindingItem";
import { plainText } from "./format";

const GROUPS: { category: Exclude<FindingCategory, "confirm">; title: string; intro: string }[] = [
  { category: "caution", title: "Cautions before tapering", intro: "Address these first; some mean a taper is not the right step." },
  { category: "reason", title: "Reasons to consider a taper", intro: "From the chart. Discuss with the patient before changing anything." },
  { category: "context", title: "Dose and duration", intro: "Context for the plan, not reasons to taper by themselves." },
];

/** Order within a group: what was found, then what could not be told (every status has a rank). */
const RANK: Record<FindingStatus, number> = { present: 0, unknown: 1, "not-found": 2 };

/** Readiness findings grouped by category: those to act on in full, then the checks with nothing to act on, by their own titles. */
export function Findings({ readiness }: { readiness: ReadinessResult }) {
  return (
    <div className="findings">
      {readiness.unavailable.length > 0 && (
        <p className="problem" role="note" data-testid="readiness-unavailable">
          <strong>Not everything could be checked:</strong> {readiness.unavailable.join(" ")}
        </p>
      )}
      {GROUPS.map((g) => {
        const inGroup = readiness.findings.filter((f) => f.category === g.category);
        const items = inGroup.filter((f) => f.status !== "not-found").sort((a, b) => RANK[a.status] - RANK[b.status]);
        const clear = inGroup.filter((f) => f.status === "not-found");
        return (
          <section key={g.category} aria-labelledby={`findings-${g.category}`} className="finding-group">
            <h3 id={`findings-${g.category}`}>{g.title}</h3>
            <p className="muted small">{g.intro}</p>
            {items.length === 0 && <p className="muted">Nothing here needs action.</p>}
            <ul className="finding-list">
              {items.map((f) => <FindingItem key={f.id} finding={f} />)}
            </ul>
            {clear.length > 0 && <CheckedList findings={clear} />}
          </section>
        );
      })}
    </div>
  );
}

function CheckedList({ findings }: { findings: Finding[] }) {
  return (
    <details className="checked">
      <summary>Checked, nothing to act on ({findings.length})</summary>
      <ul>
        {findings.map((f) => (
          <li key={f.id} data-testid="finding-checked" data-finding-id={f.id} data-outcome={f.outcome}>
            <strong>{f.title}.</strong> {plainText(f.sentence)}
          </li>
        ))}
      </ul>
    </details>
  );
}
