/**
 * Launcher routes: GET / (the page), GET /launch/standalone (keep the options, open the app
 * with `iss` only, as a standalone launch does), GET /ehr (the simulated EHR frame: an EHR
 * header with the patient banner and the app in an iframe, like launch.smarthealthit.org/ehr).
 */
import type { MemoryRepository } from "@medplum/fhir-router";
import type { ServerResponse } from "node:http";
import { STANDALONE_COOKIE } from "../auth/authorize";
import type { Directory } from "../directory";
import { escapeHtml, redirect, sendHtml } from "../http";
import { decodeLaunchOptions } from "../launch-options";
import { errorBody, pageCsp, renderPage } from "../page";
import { SCENARIOS } from "../scenarios";
import { readLauncherForm } from "./options-form";
import { appLaunchUrlWith, renderLauncher, type LauncherPatient } from "./page";
import { summarizePatient } from "./summary";

export interface LauncherDeps {
  repo: MemoryRepository;
  directory: Directory;
  fhirBase: string;
  appLaunchUrl: string;
  /** Origins an app launch URL may have (the registered clients' origins): no open redirect. */
  appOrigins: ReadonlySet<string>;
  /** The sandbox's day (YYYY-MM-DD): the MME shown is computed as of it. */
  asOf: string;
}

/** GET /: the launcher, every patient summarized with lib/mme. */
export async function handleLauncher(deps: LauncherDeps, res: ServerResponse, query: URLSearchParams): Promise<void> {
  const form = readLauncherForm(query, deps.appLaunchUrl);
  const practitioners = (await deps.directory.practitioners()).map((p) => [p.id, p.name] as const);
  const people = await deps.directory.patients();
  const order = (id: string) => {
    const i = SCENARIOS.findIndex((s) => s.id === id);
    return i < 0 ? SCENARIOS.length : i;
  };
  people.sort((a, b) => order(a.id) - order(b.id));
  const patients: LauncherPatient[] = [];
  for (const p of people) {
    const line = await summarizePatient(deps.repo, p.id, deps.asOf);
    const summary = SCENARIOS.find((s) => s.id === p.id)?.summary ?? null;
    patients.push({ id: p.id, name: p.name, birthDate: p.birthDate, summary, ...line });
  }
  sendHtml(res, 200, renderLauncher({ fhirBase: deps.fhirBase, form, practitioners, patients }), pageCsp());
}

/** GET /launch/standalone: keep the options in a cookie for /auth, then open the app with `iss` only. */
export function handleStandalone(deps: LauncherDeps, res: ServerResponse, query: URLSearchParams): void {
  const code = query.get("launch") ?? "";
  const decoded = decodeLaunchOptions(code);
  const app = appUrl(query.get("app"), deps);
  if (!decoded.ok || !app) {
    const body = errorBody("This launch link is not valid", decoded.ok ? "The app launch URL is not the URL of a registered app." : decoded.error);
    return sendHtml(res, 400, renderPage("Sandbox EHR launcher", "Standalone launch", body), pageCsp());
  }
  const cookie = `${STANDALONE_COOKIE}=${code}; Path=/auth; Max-Age=900; HttpOnly; SameSite=Lax`;
  redirect(res, appLaunchUrlWith(app, { iss: deps.fhirBase }), { "set-cookie": cookie });
}

/** GET /ehr: the simulated EHR frame around an EHR launch. */
export async function handleEhrFrame(deps: LauncherDeps, res: ServerResponse, query: URLSearchParams): Promise<void> {
  const code = query.get("launch") ?? "";
  const decoded = decodeLaunchOptions(code);
  const app = appUrl(query.get("app"), deps);
  if (!decoded.ok || !app) {
    const body = errorBody("This launch link is not valid", decoded.ok ? "The app launch URL is not the URL of a registered app." : decoded.error);
    return sendHtml(res, 400, renderPage("Sandbox EHR", "Simulated EHR frame", body), pageCsp());
  }
  const patientId = decoded.options.patient;
  const person = patientId ? (await deps.directory.patients()).find((p) => p.id === patientId) : undefined;
  const banner = person ? `${person.name} · born ${person.birthDate ?? "unknown"} · ${person.gender ?? ""} · id ${person.id}` : "No patient selected";
  const src = appLaunchUrlWith(app, { iss: deps.fhirBase, launch: code });
  const body = `<p class="hint" aria-label="Patient banner"><strong>${escapeHtml(banner)}</strong></p>
<iframe title="Opioid Taper Planner (embedded app)" src="${escapeHtml(src)}" style="width:100%;height:80vh;border:1px solid #d0d7de;background:#fff"
  sandbox="allow-forms allow-modals allow-popups allow-popups-to-escape-sandbox allow-same-origin allow-scripts allow-downloads"></iframe>`;
  sendHtml(res, 200, renderPage("Sandbox EHR", "Simulated EHR frame: the app runs embedded, as in an EHR", body), pageCsp([new URL(app).origin]));
}

function appUrl(value: string | null, deps: LauncherDeps): string | null {
  if (!value) return deps.appLaunchUrl;
  try {
    const url = new URL(value);
    return deps.appOrigins.has(url.origin) ? url.toString() : null;
  } catch {
    return null;
  }
}
