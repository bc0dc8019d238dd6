/**
 * The patient's earlier taper CarePlans (category LOINC 80764-4), newest first, so a
 * clinician sees what was proposed before and does not duplicate it.
 * Pitfalls handled: a server may ignore `category` (filtered again here) or not sort
 * (sorted here); paging is bounded and reported, `next` links are followed only under the
 * FHIR base (SMART: do not send the token elsewhere); CarePlans are read leniently, as
 * other apps' CarePlans may be slightly off-spec.
 */
import type { FhirTransport } from "@/lib/fhir/transport";
import { parseResourceAs } from "@/lib/fhir/parse";
import { rawProp, rawString } from "@/lib/fhir/raw";

export const PAIN_PLAN_CATEGORY_TOKEN = "http://loinc.org|80764-4";
/** Pages read at most (100 CarePlans each); more is reported as `truncated`. */
export const MAX_PAGES = 5;

export interface EarlierTaperPlan {
  id: string;
  /** CarePlan.created, else meta.lastUpdated; null when neither. */
  date: string | null;
  status: string | null;
  intent: string | null;
  title: string | null;
  /** `urn:uuid:...` values of the plan's identifiers (to recognise this app's proposals). */
  identifierValues: string[];
}

export type EarlierPlansResult =
  | { ok: true; plans: EarlierTaperPlan[]; truncated: boolean }
  | { ok: false; httpStatus: number | null; message: string };

function arrayProp(value: unknown, key: string): unknown[] {
  const found = rawProp(value, key);
  return Array.isArray(found) ? found : [];
}

function isTaperPlan(resource: unknown): boolean {
  return arrayProp(resource, "category").some((c) =>
    arrayProp(c, "coding").some((x) => rawString(x, "system") === "http://loinc.org" && rawString(x, "code") === "80764-4"),
  );
}

function toPlan(resource: unknown): EarlierTaperPlan | null {
  const id = rawString(resource, "id");
  if (rawString(resource, "resourceType") !== "CarePlan" || id === null || !isTaperPlan(resource)) return null;
  return {
    id,
    date: rawString(resource, "created") ?? rawString(rawProp(resource, "meta"), "lastUpdated"),
    status: rawString(resource, "status"),
    intent: rawString(resource, "intent"),
    title: rawString(resource, "title"),
    identifierValues: arrayProp(resource, "identifier").flatMap((i) => rawString(i, "value") ?? []),
  };
}

function timeOf(plan: EarlierTaperPlan): number {
  const t = plan.date === null ? Number.NaN : Date.parse(plan.date);
  return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
}

/** Newest first (undated last), then by id for a stable order. */
export function sortNewestFirst(plans: EarlierTaperPlan[]): EarlierTaperPlan[] {
  // -Infinity - -Infinity is NaN (falsy): two undated plans fall through to the id.
  return [...plans].sort((a, b) => timeOf(b) - timeOf(a) || a.id.localeCompare(b.id));
}

/** Taper CarePlans in one search-result page, plus its `next` link. Null when the body is not a Bundle. */
export function parseTaperPlanPage(body: unknown): { plans: EarlierTaperPlan[]; next: string | null } | null {
  const bundle = parseResourceAs("Bundle", body);
  if (!bundle.ok) return null;
  const plans = (bundle.resource.entry ?? []).flatMap((e) => toPlan(e.resource) ?? []);
  const next = bundle.resource.link?.find((l) => l.relation === "next")?.url ?? null;
  return { plans, next };
}

function underBase(url: string, baseUrl: string): boolean {
  return !/^https?:/i.test(url) || url.startsWith(`${baseUrl}/`) || url.startsWith(`${baseUrl}?`);
}

/** Reads the patient's taper CarePlans, newest first. Never throws; a failure is a value with a sentence. */
export async function listEarlierTaperPlans(transport: FhirTransport, patientId: string): Promise<EarlierPlansResult> {
  let url: string | null = `CarePlan?patient=${encodeURIComponent(patientId)}&category=${PAIN_PLAN_CATEGORY_TOKEN}&_count=100`;
  const plans: EarlierTaperPlan[] = [];
  let truncated = false;
  for (let page = 0; url !== null; page++) {
    if (page === MAX_PAGES) {
      truncated = true;
      break;
    }
    let status: number;
    let body: unknown;
    try {
      ({ status, body } = await transport.request({ method: "GET", url, headers: { accept: "application/fhir+json" } }));
    } catch (error: unknown) {
      return { ok: false, httpStatus: null, message: `Earlier taper plans could not be read: no answer from the EHR (${error instanceof Error ? error.message : "network error"}).` };
    }
    if (status !== 200) return { ok: false, httpStatus: status, message: `Earlier taper plans could not be read (the EHR answered ${status}). A plan proposed before may exist: check the chart.` };
    const parsed = parseTaperPlanPage(body);
    if (parsed === null) return { ok: false, httpStatus: status, message: "Earlier taper plans could not be read: the EHR's answer was not a search result." };
    plans.push(...parsed.plans);
    if (parsed.next !== null && !underBase(parsed.next, transport.baseUrl)) truncated = true;
    url = parsed.next !== null && underBase(parsed.next, transport.baseUrl) ? parsed.next : null;
  }
  const unique = [...new Map(plans.map((p) => [p.id, p])).values()];
  return { ok: true, plans: sortNewestFirst(unique), truncated };
}
