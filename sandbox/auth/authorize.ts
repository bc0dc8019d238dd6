/**
 * GET/POST /auth/authorize and POST /auth/authorize/decide: the authorization endpoint.
 * An EHR launch whose launch code names the practitioner and the patient gets its code at
 * once (the user is "already signed in to the EHR"); otherwise the picker page asks.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { FhirBase } from "../bases";
import type { RegisteredClient } from "../config";
import type { Directory } from "../directory";
import { readCookie, readForm, redirect, sendHtml } from "../http";
import { decodeLaunchOptions, type LaunchOptions } from "../launch-options";
import { errorBody, pageCsp, renderPage } from "../page";
import { checkAuthorizeRequest, withParams } from "./authorize-request";
import { CODE_TTL_MS, PENDING_TTL_MS, type GrantStores, type PendingAuthorization } from "./grants";
import { renderPicker } from "./picker-page";

/** Cookie in which the launcher leaves a standalone launch's options (see launcher/routes.ts). */
export const STANDALONE_COOKIE = "sbx_standalone";

export interface AuthorizeDeps {
  clients: readonly RegisteredClient[];
  directory: Directory;
  grants: GrantStores;
  /** One-line descriptions of scenario patients, by id (picker page). */
  descriptions: ReadonlyMap<string, string>;
}

/** The authorization endpoint of `base` (GET or POST): validate, then a code at once (EHR launch naming practitioner and patient) or the picker. */
export async function handleAuthorize(deps: AuthorizeDeps, base: FhirBase, req: IncomingMessage, res: ServerResponse, query: URLSearchParams): Promise<void> {
  const params = req.method === "POST" ? await readForm(req) : query;
  const check = checkAuthorizeRequest(params, deps.clients, base, standaloneOptions(req));
  if (check.kind === "page-error") {
    return sendHtml(res, check.status, renderPage("Sandbox EHR sign-in", "The request cannot be processed", errorBody(check.title, check.message)), pageCsp());
  }
  if (check.kind === "redirect-error") {
    return redirect(res, withParams(check.redirectUri, { error: check.error, error_description: check.description, state: check.state }));
  }
  const request = check.request;
  const { patient, practitioner } = request.options;
  if (request.isEhrLaunch) {
    if (patient && !(await deps.directory.exists("Patient", patient))) return redirectError(res, request, "invalid_request", `launch names an unknown patient (${patient})`);
    if (practitioner && !(await deps.directory.exists("Practitioner", practitioner))) return redirectError(res, request, "invalid_request", `launch names an unknown practitioner (${practitioner})`);
    if (practitioner && (patient || !request.needsPatient)) return issueCode(deps, res, request, patient ?? null, practitioner);
  }
  const pendingId = deps.grants.pending.put(request, PENDING_TTL_MS);
  return showPicker(deps, res, pendingId, request, patient ?? null, practitioner ?? null, null);
}

/** The picker's answer: a code for the chosen practitioner and patient, or `error=access_denied` on Cancel. */
export async function handleDecide(deps: AuthorizeDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const form = await readForm(req);
  const pendingId = form.get("pending") ?? "";
  const request = deps.grants.pending.take(pendingId);
  if (!request) {
    const body = errorBody("This sign-in page has expired", "Open the app again from the launcher or your EHR.");
    return sendHtml(res, 400, renderPage("Sandbox EHR sign-in", "The request cannot be processed", body), pageCsp());
  }
  if (form.get("action") !== "allow") return redirectError(res, request, "access_denied", "The user cancelled the sign-in");
  const practitioner = form.get("practitioner");
  const patient = request.needsPatient ? form.get("patient") : null;
  const problem =
    !practitioner || !(await deps.directory.exists("Practitioner", practitioner))
      ? "Choose who you are."
      : request.needsPatient && (!patient || !(await deps.directory.exists("Patient", patient)))
        ? "Choose a patient."
        : null;
  if (problem || !practitioner) {
    const again = deps.grants.pending.put(request, PENDING_TTL_MS);
    return showPicker(deps, res, again, request, patient, practitioner, problem ?? "Choose who you are.");
  }
  return issueCode(deps, res, request, patient, practitioner);
}

async function showPicker(
  deps: AuthorizeDeps,
  res: ServerResponse,
  pendingId: string,
  request: PendingAuthorization,
  patient: string | null,
  practitioner: string | null,
  error: string | null,
): Promise<void> {
  const html = renderPicker({
    pendingId,
    clientId: request.clientId,
    scope: request.scope,
    needsPatient: request.needsPatient,
    practitioners: await deps.directory.practitioners(),
    patients: request.needsPatient ? await deps.directory.patients() : [],
    descriptions: deps.descriptions,
    selectedPatient: patient,
    selectedPractitioner: practitioner,
    error,
  });
  sendHtml(res, error ? 400 : 200, html, pageCsp());
}

async function issueCode(deps: AuthorizeDeps, res: ServerResponse, request: PendingAuthorization, patient: string | null, practitioner: string): Promise<void> {
  const encounter = patient ? await resolveEncounter(deps.directory, request, patient) : null;
  const code = deps.grants.codes.put(
    {
      clientId: request.clientId,
      redirectUri: request.redirectUri,
      fhirBase: request.fhirBase,
      launcherStyle: request.launcherStyle,
      scope: request.scope,
      patient,
      encounter,
      practitioner,
      options: request.options,
      nonce: request.nonce,
      codeChallenge: request.codeChallenge,
    },
    CODE_TTL_MS,
  );
  redirect(res, withParams(request.redirectUri, { code, state: request.state }), { "set-cookie": `${STANDALONE_COOKIE}=; Path=/auth; Max-Age=0; HttpOnly; SameSite=Lax` });
}

/** Encounter in context: the launch's, none, or (EHR launch, `launch/encounter`) the patient's latest. */
async function resolveEncounter(directory: Directory, request: PendingAuthorization, patient: string): Promise<string | null> {
  const wanted = request.options.encounter;
  if (wanted === "none") return null;
  if (wanted) return (await directory.encounterOf(wanted, patient)) ? wanted : null;
  return request.wantsEncounter ? directory.latestEncounter(patient) : null;
}

function redirectError(res: ServerResponse, request: PendingAuthorization, error: string, description: string): void {
  redirect(res, withParams(request.redirectUri, { error, error_description: description, state: request.state }));
}

function standaloneOptions(req: IncomingMessage): LaunchOptions {
  const cookie = readCookie(req, STANDALONE_COOKIE);
  if (!cookie) return {};
  const decoded = decodeLaunchOptions(cookie);
  return decoded.ok ? decoded.options : {};
}
