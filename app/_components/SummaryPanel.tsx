import type { Finding, FindingOf } from "@/lib/domain";
import type { ClinicalView } from "@/lib/hooks/useClinicalView";
import { EvidenceList } from "./FindingItem";
import { plainText } from "./format";
import { assertNever, findingById } from "./findings-lookup";
import { MmeSummary } from "./MmeSummary";
import { ExcludedOrders, OrderLedger } from "./OrderLedger";

/**
 * Summary: the MME, then the safety facts a clinician checks first, then how the MME was
 * reached (the order ledger). In that order on a narrow sidebar; side by side (facts on the
 * right) on a wide screen (`.summary-grid` in globals.css).
 */
export function SummaryPanel({ view }: { view: ClinicalView }) {
  return (
    <div className="summary-grid">
      <div className="summary-mme"><MmeSummary mme={view.mme} /></div>
      <SafetyFacts findings={view.readiness.findings} />
      <div className="summary-ledger">
        <h2>Current opioid orders</h2>
        {view.mme.state === "unknown" && view.mme.orders.length === 0 ? (
          <p className="problem" data-testid="orders-unknown">
            The medication orders could not be read, so the current opioid orders are not known. Reload the patient, or
            check the orders in the chart.
          </p>
        ) : (
          <OrderLedger orders={view.mme.orders} />
        )}
        <ExcludedOrders orders={view.mme.orders} />
      </div>
    </div>
  );
}

type Tone = "warn" | "ok" | "unknown";

/** One safety fact: the engine's title and sentence, the evidence worth seeing at a glance, and a tone. */
function Fact({ testId, finding, tone, showEvidence }: { testId: string; finding: Finding; tone: Tone; showEvidence: boolean }) {
  return (
    <li data-testid={testId} data-outcome={finding.outcome} className={`fact fact-${tone}`}>
      <strong>{finding.title}.</strong> {plainText(finding.sentence)}
      {showEvidence && <EvidenceList evidence={finding.evidence} />}
    </li>
  );
}

function Missing({ testId, label }: { testId: string; label: string }) {
  return <li data-testid={testId} className="fact fact-unknown"><strong>{label}: could not be checked.</strong></li>;
}

/** Naloxone: every outcome rendered (the compiler catches a missing one). */
function NaloxoneFact({ f }: { f: FindingOf<"caution.naloxone"> }) {
  switch (f.outcome) {
    case "on-file": return <Fact testId="fact-naloxone" finding={f} tone="ok" showEvidence />;
    case "offer": return <Fact testId="fact-naloxone" finding={f} tone="warn" showEvidence />;
    case "no-risk-found": return <Fact testId="fact-naloxone" finding={f} tone="ok" showEvidence={false} />;
    case "unknown": return <Fact testId="fact-naloxone" finding={f} tone="unknown" showEvidence />;
    default: return assertNever(f.outcome);
  }
}

/** Benzodiazepines and other sedatives: every outcome rendered. */
function SedativesFact({ f }: { f: FindingOf<"reason.cns-depressants"> }) {
  switch (f.outcome) {
    case "current": return <Fact testId="fact-benzodiazepines" finding={f} tone="warn" showEvidence />;
    case "only-stale": return <Fact testId="fact-benzodiazepines" finding={f} tone="unknown" showEvidence />;
    case "none-current": return <Fact testId="fact-benzodiazepines" finding={f} tone="ok" showEvidence={false} />;
    case "unknown": return <Fact testId="fact-benzodiazepines" finding={f} tone="unknown" showEvidence />;
    default: return assertNever(f.outcome);
  }
}

/** Urine drug screens: every outcome rendered. */
function DrugScreenFact({ f }: { f: FindingOf<"caution.drug-screen"> }) {
  switch (f.outcome) {
    case "unexpected": return <Fact testId="fact-drug-screen" finding={f} tone="warn" showEvidence />;
    case "as-expected": return <Fact testId="fact-drug-screen" finding={f} tone="ok" showEvidence />;
    case "unreadable": return <Fact testId="fact-drug-screen" finding={f} tone="unknown" showEvidence />;
    case "none-recent": return <Fact testId="fact-drug-screen" finding={f} tone="unknown" showEvidence={false} />;
    case "unknown": return <Fact testId="fact-drug-screen" finding={f} tone="unknown" showEvidence />;
    default: return assertNever(f.outcome);
  }
}

/** The safety facts a clinician checks first, each from its typed finding. */
export function SafetyFacts({ findings }: { findings: readonly Finding[] }) {
  const naloxone = findingById(findings, "caution.naloxone");
  const sedatives = findingById(findings, "reason.cns-depressants");
  const screens = findingById(findings, "caution.drug-screen");
  return (
    <section className="safety-facts" aria-labelledby="safety-heading">
      <h2 id="safety-heading">Safety checks</h2>
      <ul>
        {naloxone === undefined ? <Missing testId="fact-naloxone" label="Naloxone" /> : <NaloxoneFact f={naloxone} />}
        {sedatives === undefined ? <Missing testId="fact-benzodiazepines" label="Benzodiazepines and other sedatives" /> : <SedativesFact f={sedatives} />}
        {screens === undefined ? <Missing testId="fact-drug-screen" label="Urine drug screens" /> : <DrugScreenFact f={screens} />}
      </ul>
    </section>
  );
}
