"use client";
import { useId } from "react";
import { isPlanAgreed } from "@/lib/careplan";
import { CONFIRMATION_IDS, type ConfirmationId, type Confirmations } from "@/lib/domain";

const LABEL: Record<ConfirmationId, string> = {
  "confirm.patient-agrees": "The patient was informed and agrees to this plan",
  "confirm.goals-agreed": "Goals of the taper were agreed with the patient (lower dose or stopping; pain and function goals)",
  "confirm.oud-assessed": "Opioid use disorder was assessed (DSM-5); if present, treatment was offered instead of a taper alone",
  "confirm.naloxone-offered": "Naloxone and overdose education were offered (tolerance drops within about a week)",
  "confirm.follow-up-arranged": "Follow-up is arranged (at least monthly during the taper)",
};

/** True when every item is checked and a follow-up date is set: the condition to save (lib/careplan isPlanAgreed). */
export const checklistComplete: (c: Confirmations) => boolean = isPlanAgreed;

/** What the clinician must confirm with the patient (cannot be read from the chart). */
export function ConfirmChecklist({ value, onChange, minDate }: { value: Confirmations; onChange: (next: Confirmations) => void; minDate: string }) {
  const id = useId();
  return (
    <fieldset className="checklist" data-testid="checklist">
      <legend>Confirm with the patient before saving</legend>
      {CONFIRMATION_IDS.map((cid) => (
        <label key={cid} className="check">
          <input type="checkbox" checked={value.checked[cid] === true} data-confirm-id={cid}
            onChange={(e) => onChange({ ...value, checked: { ...value.checked, [cid]: e.target.checked } })} />
          {LABEL[cid]}
        </label>
      ))}
      <div className="field-row">
        <label htmlFor={`${id}-followup`}>First follow-up date</label>
        <input id={`${id}-followup`} type="date" min={minDate} value={value.followUpDate ?? ""}
          onChange={(e) => onChange({ ...value, followUpDate: /^\d{4}-\d{2}-\d{2}$/.test(e.target.value) ? e.target.value : null })} />
      </div>
      <div className="field-row">
        <label htmlFor={`${id}-note`}>Note (optional)</label>
        <textarea id={`${id}-note`} rows={2} maxLength={1000} value={value.note ?? ""} onChange={(e) => onChange({ ...value, note: e.target.value })} />
      </div>
    </fieldset>
  );
}
