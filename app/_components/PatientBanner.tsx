import type { PatientState } from "@/lib/hooks/usePatientRecord";
import { fmtDate } from "./format";
import { ageYears, deceasedText, medicalRecordNumber, patientName } from "./patient-identity";

/**
 * Who this is, always on screen (sticky at the top of the app): the full banner (name, birth
 * date, gender) when the EHR asks for one (`need_patient_banner`), else a compact identity
 * strip (name, birth date), since an EHR frame that shows its own banner may scroll it away
 * or show none at all (issue 19.6). A death recorded in the chart is shown in both.
 */
export function PatientBanner({ patient, full }: { patient: PatientState; full: boolean }) {
  const className = full ? "patient-banner" : "identity-strip";
  const testId = full ? "patient-banner" : "identity-strip";
  if (patient.status === "loading") return <div className={className} aria-busy="true"><span className="skeleton skeleton-line banner-skeleton" /></div>;
  if (patient.status === "unavailable") {
    return <div className={className} data-testid={testId} role="note"><span className="muted">{patient.reason} Check the patient in the EHR.</span></div>;
  }
  const p = patient.patient;
  const deceased = deceasedText(p);
  const age = ageYears(p.birthDate, new Date().toISOString());
  const mrn = medicalRecordNumber(p);
  return (
    <div className={className} data-testid={testId} role="group" aria-label="Patient">
      <strong>{patientName(p) ?? "Name not recorded"}</strong>
      <span>Born {fmtDate(p.birthDate)}{age !== null ? ` (${age} y)` : ""}</span>
      {mrn !== null && <span data-testid="patient-mrn">MRN {mrn}</span>}
      {full && p.gender && <span>{p.gender}</span>}
      {deceased && <span className="badge-deceased" data-testid="patient-deceased">{deceased}</span>}
    </div>
  );
}
