/**
 * The launcher's "launch options" form (GET /?...): read the query into LaunchOptions and
 * render the form again with the current values. Plain HTML controls, keyboard accessible.
 */
import { escapeHtml } from "../http";
import { FHIR_ERROR_STATUSES, parseLaunchOptions, type LaunchOptions } from "../launch-options";

/** Scopes the launcher can withhold, with what the app should then do. */
export const DENY_CHOICES: readonly { scope: string; label: string }[] = [
  { scope: "patient/CarePlan.c", label: "No CarePlan create (write UI disabled, reads work)" },
  { scope: "online_access", label: "No refresh token (online_access withheld)" },
  { scope: "patient/Condition.rs", label: "No Condition access" },
  { scope: "patient/Observation.rs", label: "No Observation access" },
];

export const ERROR_TYPES = ["MedicationRequest", "Observation", "Condition", "Medication", "CarePlan", "Patient"] as const;

export interface LauncherForm {
  appLaunchUrl: string;
  practitioner: string | null;
  options: LaunchOptions;
  error: string | null;
}

/** Read the form from the launcher's query string. */
export function readLauncherForm(query: URLSearchParams, defaultAppLaunchUrl: string): LauncherForm {
  const raw: Record<string, unknown> = {};
  const deny = query.getAll("deny").filter((d) => DENY_CHOICES.some((c) => c.scope === d));
  if (deny.length) raw.denyScopes = deny;
  const int = (name: string): number | undefined => {
    const v = query.get(name)?.trim();
    return v ? Number(v) : undefined;
  };
  if (int("lifetime") !== undefined) raw.tokenLifetimeSeconds = int("lifetime");
  if (int("latency")) raw.latencyMs = int("latency");
  const errorType = query.get("errorType");
  if (errorType) raw.fhirError = { resourceType: errorType, status: Number(query.get("errorStatus") ?? "500") };
  const banner = query.get("banner");
  if (banner === "on" || banner === "off") raw.needPatientBanner = banner === "on";
  if (query.get("readonly")) raw.carePlanReadOnly = true;
  if (query.get("frame")) raw.simEhr = true;
  const practitioner = query.get("practitioner");
  if (practitioner) raw.practitioner = practitioner;
  const parsed = parseLaunchOptions(raw);
  let appLaunchUrl = defaultAppLaunchUrl;
  let error = parsed.ok ? null : parsed.error;
  const app = query.get("app");
  if (app) {
    try {
      appLaunchUrl = new URL(app).toString();
    } catch {
      error = `"${app}" is not a URL`;
    }
  }
  return { appLaunchUrl, practitioner, options: parsed.ok ? parsed.options : {}, error };
}

/** The form, pre-filled. `practitioners` are [id, name]. */
export function renderOptionsForm(form: LauncherForm, practitioners: readonly (readonly [string, string])[]): string {
  const o = form.options;
  const selected = (on: boolean) => (on ? " selected" : "");
  const checked = (on: boolean) => (on ? " checked" : "");
  const deny = DENY_CHOICES.map(
    (c, i) => `<label for="deny-${i}"><input type="checkbox" id="deny-${i}" name="deny" value="${escapeHtml(c.scope)}"${checked(o.denyScopes?.includes(c.scope) ?? false)}> ${escapeHtml(c.label)}</label>`,
  ).join("\n");
  const users = practitioners.map(([id, name]) => `<option value="${escapeHtml(id)}"${selected(form.practitioner === id)}>${escapeHtml(name)}</option>`).join("");
  const types = ERROR_TYPES.map((t) => `<option${selected(o.fhirError?.resourceType === t)}>${t}</option>`).join("");
  const statuses = FHIR_ERROR_STATUSES.map((s) => `<option${selected(o.fhirError?.status === s)}>${s}</option>`).join("");
  return `
<form method="get" action="/">
  ${form.error ? `<p class="error" role="alert">${escapeHtml(form.error)}</p>` : ""}
  <fieldset>
    <legend>Launch options</legend>
    <p><label for="app">App launch URL</label> <input id="app" name="app" size="48" value="${escapeHtml(form.appLaunchUrl)}"></p>
    <p><label for="practitioner">Signed-in clinician</label> <select id="practitioner" name="practitioner">${users}</select></p>
    <fieldset><legend>Grant fewer scopes</legend>${deny}</fieldset>
    <p><label for="lifetime">Token lifetime (seconds)</label> <input id="lifetime" name="lifetime" inputmode="numeric" size="8" value="${o.tokenLifetimeSeconds ?? ""}" placeholder="3600"></p>
    <p><label for="errorType">FHIR error on</label> <select id="errorType" name="errorType"><option value="">(none)</option>${types}</select>
       <label for="errorStatus">with status</label> <select id="errorStatus" name="errorStatus">${statuses}</select></p>
    <p><label for="latency">Added latency (ms)</label> <input id="latency" name="latency" inputmode="numeric" size="8" value="${o.latencyMs ?? ""}" placeholder="0"></p>
    <p><label for="banner">need_patient_banner</label> <select id="banner" name="banner"><option value="">default</option><option value="on"${selected(o.needPatientBanner === true)}>true</option><option value="off"${selected(o.needPatientBanner === false)}>false</option></select></p>
    <p><label for="readonly"><input type="checkbox" id="readonly" name="readonly" value="1"${checked(o.carePlanReadOnly === true)}> CarePlan read-only (CapabilityStatement without create)</label></p>
    <p><label for="frame"><input type="checkbox" id="frame" name="frame" value="1"${checked(o.simEhr === true)}> Open EHR launches in the simulated EHR frame</label></p>
    <button type="submit">Apply options</button> <a class="button secondary" href="/">Reset</a>
  </fieldset>
</form>`;
}
