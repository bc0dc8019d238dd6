import type { Observation } from "fhir/r4";
import type { Finding } from "@/lib/domain";
import type { ClinicalView } from "@/lib/hooks/useClinicalView";
import { latestDrugScreens } from "@/lib/hooks/trends";
import { fmtDate } from "./format";
import { MmeSummary } from "./MmeSummary";
import { ExcludedOrders, OrderLedger } from "./OrderLedger";

/** Summary: the MME and how it was reached, then the safety facts a clinician checks first. */
export function SummaryPanel({ view, observations, observationsAvailable }: { view: ClinicalView; observations: readonly Observation[]; observationsAvailable: boolean }) {
  return (
    <div className="grid-2">
      <div>
        <MmeSummary mme={view.mme} />
        <h2>Current opioid orders</h2>
        <OrderLedger orders={view.mme.orders} />
        <ExcludedOrders orders={view.mme.orders} />
      </div>
      <SafetyFacts findings={view.readiness.findings} observations={observations} observationsAvailable={observationsAvailable} />
    </div>
  );
}

function byId(findings: Finding[], id: string): Finding | undefined {
  return findings.find((f) => f.id === id);
}

function SafetyFacts({ findings, observations, observationsAvailable }: { findings: Finding[]; observations: readonly Observation[]; observationsAvailable: boolean }) {
  const naloxone = byId(findings, "caution.no-naloxone");
  const cns = byId(findings, "reason.cns-depressants");
  const screens = observationsAvailable ? latestDrugScreens(observations) : null;
  return (
    <section className="safety-facts" aria-labelledby="safety-heading">
      <h2 id="safety-heading">Safety checks</h2>
      <ul>
        <li data-testid="fact-naloxone">
          <strong>Naloxone:</strong>{" "}
          {naloxone === undefined || naloxone.status === "unknown"
            ? "could not be checked."
            : naloxone.status === "present"
              ? "none on file. Offer naloxone."
              : `on file (${naloxone.evidence.map((e) => `${e.label}${e.date ? `, ${fmtDate(e.date)}` : ""}`).join("; ")}).`}
        </li>
        <li data-testid="fact-benzodiazepines">
          <strong>Benzodiazepines / other sedatives:</strong>{" "}
          {cns === undefined || cns.status === "unknown"
            ? "could not be checked."
            : cns.status === "present"
              ? cns.evidence.map((e) => e.label).join("; ")
              : "none current in this record."}
        </li>
        <li data-testid="fact-drug-screen">
          <strong>Latest urine drug screen:</strong>{" "}
          {screens === null
            ? "could not be checked (observations not available)."
            : screens.length === 0
              ? "none in the last 2 years."
              : `${fmtDate(screens[0]?.date)}: ${screens.map((s) => `${s.label} ${s.result ?? "result not readable"}`).join("; ")}.`}
        </li>
      </ul>
    </section>
  );
}
