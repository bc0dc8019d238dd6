"use client";
/** The clinician's screens, once the SMART session is ready: data in, engines in memory, tabs out. */
import dynamic from "next/dynamic";
import { useEffect, useMemo, useState } from "react";
import type { PatientRecord } from "@/lib/fhir/record";
import { localToday } from "@/lib/hooks/dates";
import { useSessionState } from "@/lib/hooks/session-context";
import { useCarePlanSave } from "@/lib/hooks/useCarePlanSave";
import { useClinicalView, useMme, type ClinicalView } from "@/lib/hooks/useClinicalView";
import { usePatient, usePatientData, type PatientState } from "@/lib/hooks/usePatientRecord";
import { usePlanner } from "@/lib/hooks/usePlanner";
import { useSessionStatus } from "@/lib/hooks/useSessionStatus";
import { useSmartStyle } from "@/lib/hooks/useSmartStyle";
import type { SessionStatus } from "@/lib/smart/session-status";
import { sessionDataAttributes, summarizeSession } from "@/lib/smart/session-summary";
import type { SmartSession } from "@/lib/smart/session-types";
import type { MmeResult } from "@/lib/domain";
import { EarlierPlans } from "./EarlierPlans";
import { HandoutPanel } from "./HandoutPanel";
import { IssueView } from "./IssueView";
import { MmeSummary } from "./MmeSummary";
import { ExcludedOrders, OrderLedger } from "./OrderLedger";
import { PatientBanner } from "./PatientBanner";
import { PlannerPanel } from "./PlannerPanel";
import { ReadinessPanel } from "./ReadinessPanel";
import { SaveSection } from "./SaveSection";
import { SummarySkeleton } from "./Skeletons";
import { SummaryPanel } from "./SummaryPanel";
import { TabPanel, Tabs } from "./Tabs";

const TrendsPanel = dynamic(() => import("./TrendsPanel").then((m) => m.TrendsPanel), { ssr: false, loading: () => <p role="status">Loading trends…</p> });

type TabId = "summary" | "readiness" | "trends" | "plan" | "handout";
const TABS: { id: TabId; label: string }[] = [
  { id: "summary", label: "Summary" },
  { id: "readiness", label: "Readiness" },
  { id: "trends", label: "Trends" },
  { id: "plan", label: "Plan" },
  { id: "handout", label: "Handout" },
];

export function ClinicianApp() {
  const state = useSessionState();
  if (state.status === "loading") return <SummarySkeleton />;
  if (state.status === "error") return <IssueView issue={state.issue} />;
  return <PatientScreens session={state.session} />;
}

function PatientScreens({ session }: { session: SmartSession }) {
  const asOf = useMemo(() => localToday(), []);
  const asOfInstant = useMemo(() => new Date(), []);
  const data = usePatientData(session, asOfInstant);
  const patient = usePatient(session);
  const mme = useMme(data.medications, asOf);
  const view = useClinicalView(data.record, mme, asOf, patient);
  const status = useSessionStatus(session);
  const summary = summarizeSession(session, status);
  const style = useSmartStyle(session.smartStyleUrl);
  useEffect(() => {
    // The EHR's colours and fonts (validated in lib/smart/smart-style), set through the CSSOM.
    const root = document.documentElement.style;
    for (const [property, value] of Object.entries(style)) root.setProperty(property, value);
  }, [style]);
  return (
    <div {...sessionDataAttributes(summary)} data-testid="app">
      <header className="app-header no-print">
        <p className="app-title">Opioid Taper Planner</p>
        <p className="muted small">{summary.ehrName}</p>
        <a className="small" href="/about" target="_blank" rel="noopener" data-testid="about-link">About this tool</a>
      </header>
      <PatientBanner patient={patient} full={session.needPatientBanner} />
      {data.error ? (
        <IssueView issue={data.error} onRetry={data.reload} />
      ) : data.record && view ? (
        <Workspace session={session} status={status} record={data.record} view={view} patient={patient} asOf={asOf} />
      ) : mme ? (
        <EarlySummary mme={mme} />
      ) : (
        <SummarySkeleton />
      )}
    </div>
  );
}

/** The MME and its ledger while the rest of the record (observations, conditions) is still arriving. */
function EarlySummary({ mme }: { mme: MmeResult }) {
  return (
    <>
      {/* the other screens need the whole record: they open when it has arrived */}
      <Tabs tabs={TABS} selected="summary" onSelect={() => undefined} label="Screens" />
      <TabPanel id="summary">
        <div className="summary-grid">
          <div className="summary-mme"><MmeSummary mme={mme} /></div>
          <section className="safety-facts" aria-busy="true" aria-labelledby="safety-loading">
            <h2 id="safety-loading">Safety checks</h2>
            <p role="status" className="muted">Reading observations and diagnoses…</p>
            <div className="skeleton skeleton-line" aria-hidden="true" />
            <div className="skeleton skeleton-line" aria-hidden="true" />
          </section>
          <div className="summary-ledger">
            <h2>Current opioid orders</h2>
            <OrderLedger orders={mme.orders} />
            <ExcludedOrders orders={mme.orders} />
          </div>
        </div>
      </TabPanel>
    </>
  );
}

function DataNotices({ status, record }: { status: SessionStatus; record: PatientRecord }) {
  const expired = status.ended || Object.values(record.searches).some((s) => s.issue?.code === "session.expired");
  const notices = Object.values(record.searches).flatMap((s) => (s.sentence && s.key !== "medicationRequests" ? [s.sentence] : []));
  const lines = [...new Set([...status.limitations, ...notices])];
  if (!expired && lines.length === 0) return null;
  return (
    <div className="page no-print" data-testid="data-notices">
      {expired && (
        <p className="problem" role="alert" data-testid="session-expired">
          <strong>Session expired.</strong> Open the app again from the patient&apos;s chart in your EHR to see current data and to save. The plan below can still be downloaded and printed.
        </p>
      )}
      {lines.length > 0 && (
        <ul className="note-box">
          {lines.map((l) => <li key={l}>{l}</li>)}
        </ul>
      )}
    </div>
  );
}

function Workspace({ session, status, record, view, patient, asOf }: { session: SmartSession; status: SessionStatus; record: PatientRecord; view: ClinicalView; patient: PatientState; asOf: string }) {
  const [tab, setTab] = useState<TabId>("summary");
  const planner = usePlanner(view, session.patientId, asOf);
  // A pace beyond the guidance without a recorded reason is shown, but not saved or handed out.
  const plan = planner.outcome.ok && planner.beyondGuidance === null ? planner.outcome.plan : null;
  const save = useCarePlanSave(session, view, plan, planner.confirmations);
  return (
    <>
      <DataNotices status={status} record={record} />
      <span hidden data-testid="record-ready" />
      <Tabs tabs={TABS} selected={tab} onSelect={setTab} label="Screens" />
      <TabPanel id={tab}>
        {tab === "summary" && <SummaryPanel view={view} />}
        {tab === "readiness" && <ReadinessPanel view={view} />}
        {tab === "trends" && <TrendsPanel requests={record.medicationRequests} medications={record.medications} observations={record.observations} asOf={asOf} />}
        {tab === "plan" && (
          <PlannerPanel view={view} planner={planner}>
            <SaveSection plan={plan} confirmations={planner.confirmations} onConfirmationsChange={planner.setConfirmations} save={save}
              canWrite={status.carePlanWrite} patient={patient} minDate={asOf} view={view} />
            <EarlierPlans carePlans={record.carePlans} available={record.searches.carePlans.state !== "failed" && record.searches.carePlans.state !== "not-granted"}
              justSaved={save.state.kind === "saved" ? save.state.carePlan : null} />
          </PlannerPanel>
        )}
        {tab === "handout" && save.planState === "changed-since-saved" && (
          <p className="problem" data-testid="handout-not-saved">
            <strong>Not the saved plan:</strong> the plan was changed after it was saved to the chart. Save it again on the
            Plan screen before giving this handout, or the handout and the chart will differ.
          </p>
        )}
        {tab === "handout" && <HandoutPanel plan={plan} nextVisit={planner.confirmations.followUpDate} patient={patient} />}
      </TabPanel>
    </>
  );
}
