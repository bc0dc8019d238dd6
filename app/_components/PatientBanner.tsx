import type { PatientState } from "@/lib/hooks/usePatientRecord";
import { fmtDate } from "./format";

/** Shown only when the EHR asks for it (need_patient_banner). */
export function PatientBanner({ patient }: { patient: PatientState }) {
  if (patient.status === "loading") return <div className="patient-banner" aria-busy="true"><span className="skeleton skeleton-line banner-skeleton" /></div>;
  if (patient.status === "unavailable") return <div className="patient-banner" data-testid="patient-banner"><span className="muted">{patient.reason}</span></div>;
  const p = patient.patient;
  const name = p.name?.[0];
  const text = name?.text ?? [name?.given?.join(" "), name?.family].filter(Boolean).join(" ");
  return (
    <div className="patient-banner" data-testid="patient-banner" aria-label="Patient">
      <strong>{text || "Name not recorded"}</strong>
      <span>Born {fmtDate(p.birthDate)}</span>
      {p.gender && <span>{p.gender}</span>}
    </div>
  );
}
