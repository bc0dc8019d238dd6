/**
 * The launcher page (GET /): the patients with a one-line summary and launch buttons in the
 * URL shape of launch.smarthealthit.org: `{app launch URL}?iss={FHIR base}&launch={code}`,
 * where `code` is base64url JSON of the launch options (sandbox/README.md).
 */
import { escapeHtml } from "../http";
import { encodeLaunchOptions, type LaunchOptions } from "../launch-options";
import { renderPage } from "../page";
import { renderOptionsForm, type LauncherForm } from "./options-form";

export interface LauncherPatient {
  id: string;
  name: string;
  birthDate: string | null;
  /** Scenario one-liner, or null for patients loaded from SANDBOX_DATA. */
  summary: string | null;
  opioids: string[];
  mmeBand: string;
}

export interface LauncherInput {
  fhirBase: string;
  form: LauncherForm;
  practitioners: readonly (readonly [string, string])[];
  patients: readonly LauncherPatient[];
}

/** EHR launch URL for these options (the simulated EHR frame when `simEhr`). */
export function ehrLaunchHref(appLaunchUrl: string, fhirBase: string, options: LaunchOptions): string {
  const code = encodeLaunchOptions(options);
  if (options.simEhr) return `/ehr?launch=${code}&app=${encodeURIComponent(appLaunchUrl)}`;
  return appLaunchUrlWith(appLaunchUrl, { iss: fhirBase, launch: code });
}

/** Standalone launch: the sandbox keeps the options in a cookie, then opens the app with `iss` only. */
export function standaloneHref(appLaunchUrl: string, options: LaunchOptions): string {
  return `/launch/standalone?launch=${encodeLaunchOptions(options)}&app=${encodeURIComponent(appLaunchUrl)}`;
}

/** The app's launch URL with query parameters set (keeps any it already has). */
export function appLaunchUrlWith(appLaunchUrl: string, params: Record<string, string>): string {
  const url = new URL(appLaunchUrl);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return url.toString();
}

/** The launcher page: options form and the patient table with launch buttons. */
export function renderLauncher(input: LauncherInput): string {
  const { form } = input;
  const practitioner = form.practitioner ?? input.practitioners[0]?.[0];
  const rows = input.patients.map((p) => {
    const options: LaunchOptions = { ...form.options, patient: p.id, ...(practitioner ? { practitioner } : {}) };
    const opioids = p.opioids.length ? p.opioids.map(escapeHtml).join("; ") : "no current opioid orders";
    const band = `<br><span class="hint">MME (lib/mme, CDC 2022): ${escapeHtml(p.mmeBand)}</span>`;
    return `<tr>
  <th scope="row">${escapeHtml(p.name)}<br><span class="hint">${escapeHtml(p.id)}${p.birthDate ? ` · born ${escapeHtml(p.birthDate)}` : ""}</span></th>
  <td>${p.summary ? `${escapeHtml(p.summary)}<br>` : ""}<span class="hint">Opioids: ${opioids}</span>${band}</td>
  <td><a class="button" href="${escapeHtml(ehrLaunchHref(form.appLaunchUrl, input.fhirBase, options))}" aria-label="EHR launch for ${escapeHtml(p.name)}">EHR launch</a>
      <a class="button secondary" href="${escapeHtml(standaloneHref(form.appLaunchUrl, options))}" aria-label="Standalone launch for ${escapeHtml(p.name)}">Standalone launch</a>
      <a class="button secondary" href="/cds/sign?patient=${encodeURIComponent(p.id)}" aria-label="Sign order (CDS) for ${escapeHtml(p.name)}">Sign order (CDS)</a></td>
</tr>`;
  });
  const body = `
<p>FHIR base (<code>iss</code>): <code>${escapeHtml(input.fhirBase)}</code> · discovery: <a href="${escapeHtml(input.fhirBase)}/.well-known/smart-configuration">smart-configuration</a> · <a href="${escapeHtml(input.fhirBase)}/metadata">CapabilityStatement</a></p>
${renderOptionsForm(form, input.practitioners)}
<h2 id="patients">Patients</h2>
<table aria-labelledby="patients">
<thead><tr><th scope="col">Patient</th><th scope="col">Summary</th><th scope="col">Launch</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table>`;
  return renderPage("Sandbox EHR launcher", "Local SMART on FHIR sandbox for the Opioid Taper Planner", body);
}
