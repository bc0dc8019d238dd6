import type { Finding } from "@/lib/domain";
import type { ClinicalView } from "@/lib/hooks/useClinicalView";
import { Findings } from "./Findings";

/** Readiness: findings from the taper engine, then what must be confirmed with the patient. */
export function ReadinessPanel({ view }: { view: ClinicalView }) {
  const confirm = view.readiness.findings.filter((f: Finding) => f.category === "confirm");
  return (
    <div>
      <Findings readiness={view.readiness} />
      <section aria-labelledby="confirm-heading" className="finding-group">
        <h3 id="confirm-heading">To confirm with the patient</h3>
        <p className="muted small">These cannot be read from the chart. They become the checklist on the Plan tab.</p>
        <ul>
          {confirm.map((f) => (
            <li key={f.id} data-confirm-item={f.id}>{f.title}</li>
          ))}
        </ul>
      </section>
    </div>
  );
}
