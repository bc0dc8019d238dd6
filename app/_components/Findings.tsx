import type { Finding, FindingCategory, ReadinessResult } from "@/lib/domain";
import { fmtDate } from "./format";

const GROUPS: { category: FindingCategory; title: string; intro: string }[] = [
  { category: "caution", title: "Cautions before tapering", intro: "Address these first; some mean a taper is not the right step." },
  { category: "reason", title: "Reasons to consider a taper", intro: "From the chart. Discuss with the patient before changing anything." },
];

const STATUS_LABEL: Record<Finding["status"], string> = { present: "Found", "not-found": "Not found", unknown: "Could not check" };

/** Readiness findings grouped by category, each with its evidence and citation. */
export function Findings({ readiness }: { readiness: ReadinessResult }) {
  return (
    <div className="findings">
      {readiness.unavailable.length > 0 && (
        <p className="problem" role="note" data-testid="readiness-unavailable">
          <strong>Not everything could be checked:</strong> {readiness.unavailable.join(" ")}
        </p>
      )}
      {GROUPS.map((g) => {
        const items = readiness.findings
          .filter((f) => f.category === g.category && f.status !== "not-found")
          .sort((a, b) => order(a) - order(b));
        const clear = readiness.findings.filter((f) => f.category === g.category && f.status === "not-found");
        return (
          <section key={g.category} aria-labelledby={`findings-${g.category}`} className="finding-group">
            <h3 id={`findings-${g.category}`}>{g.title}</h3>
            <p className="muted small">{g.intro}</p>
            {items.length === 0 && <p className="muted">None found in the chart.</p>}
            <ul className="finding-list">
              {items.map((f) => (
                <FindingItem key={f.id} finding={f} />
              ))}
            </ul>
            {clear.length > 0 && (
              <details className="checked">
                <summary>Checked and not found ({clear.length})</summary>
                <ul>
                  {clear.map((f) => (
                    <li key={f.id}>{f.title}</li>
                  ))}
                </ul>
              </details>
            )}
          </section>
        );
      })}
    </div>
  );
}

function order(f: Finding): number {
  return f.status === "present" ? 0 : 1;
}

function FindingItem({ finding: f }: { finding: Finding }) {
  return (
    <li className={`finding finding-${f.status}`} data-testid="finding" data-finding-id={f.id} data-status={f.status}>
      <p className="finding-title">
        <span className={`tag tag-${f.status}`}>{STATUS_LABEL[f.status]}</span> {f.title}
      </p>
      <p>{f.sentence}</p>
      {f.evidence.length > 0 && (
        <ul className="evidence" aria-label="Evidence">
          {f.evidence.map((e, i) => (
            <li key={`${e.reference ?? e.label}-${i}`}>
              {e.label}
              {e.value !== undefined ? `: ${e.value}` : ""}
              {e.date ? ` (${fmtDate(e.date)})` : ""}
            </li>
          ))}
        </ul>
      )}
      <p className="citation">
        {f.citations.map((c) => `${c.source}, ${c.section}`).join("; ")}
      </p>
    </li>
  );
}
