/**
 * The authorize page: the EHR's "sign in and choose a patient" step, shown when the launch
 * does not already name the practitioner and the patient (always for a standalone launch).
 * Native radio buttons in fieldsets with legends: usable with the keyboard alone.
 */
import type { PersonSummary } from "../directory";
import { escapeHtml } from "../http";
import { renderPage } from "../page";

export interface PickerInput {
  pendingId: string;
  clientId: string;
  scope: string;
  needsPatient: boolean;
  practitioners: readonly PersonSummary[];
  patients: readonly PersonSummary[];
  /** One-line descriptions of scenario patients, by id. */
  descriptions: ReadonlyMap<string, string>;
  selectedPractitioner: string | null;
  selectedPatient: string | null;
  error: string | null;
}

/** The sign-in/patient picker page, with the current choices preselected and an error when there is one. */
export function renderPicker(input: PickerInput): string {
  const practitioner = input.selectedPractitioner ?? input.practitioners[0]?.id ?? null;
  const users = input.practitioners
    .map((p) => radio("practitioner", p.id, p.name, null, p.id === practitioner))
    .join("\n");
  const patients = input.patients
    .map((p) => {
      const detail = [p.birthDate ? `born ${p.birthDate}` : null, input.descriptions.get(p.id) ?? null].filter(Boolean).join(" · ");
      return radio("patient", p.id, p.name, detail, p.id === input.selectedPatient);
    })
    .join("\n");
  const body = `
${input.error ? `<p class="error" role="alert">${escapeHtml(input.error)}</p>` : ""}
<p><strong>${escapeHtml(input.clientId)}</strong> asks for: <code>${escapeHtml(input.scope)}</code></p>
<form method="post" action="/auth/authorize/decide">
  <input type="hidden" name="pending" value="${escapeHtml(input.pendingId)}">
  <fieldset>
    <legend>Sign in as</legend>
    ${users}
  </fieldset>
  ${
    input.needsPatient
      ? `<fieldset>
    <legend>Patient</legend>
    ${patients}
  </fieldset>`
      : ""
  }
  <button type="submit" name="action" value="allow">Continue</button>
  <button type="submit" name="action" value="deny" class="secondary" formnovalidate>Cancel</button>
</form>`;
  return renderPage("Sandbox EHR sign-in", "Choose who you are and which patient to open", body);
}

function radio(name: string, value: string, label: string, detail: string | null, checked: boolean): string {
  const id = `${name}-${value}`;
  const hint = detail ? ` <span class="hint">${escapeHtml(detail)}</span>` : "";
  return `<label class="choice" for="${escapeHtml(id)}"><input type="radio" id="${escapeHtml(id)}" name="${name}" value="${escapeHtml(value)}"${checked ? " checked" : ""} required> ${escapeHtml(label)}${hint}</label>`;
}
