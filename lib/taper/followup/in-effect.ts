/**
 * Which saved taper plan is in effect. The rules, in order:
 * 1. plans entered in error were never plans (the reader leaves them out);
 * 2. a plan that another plan `replaces` is never in effect, whatever the status of the
 *    replacing one (a revision replaced it; if the revision was later revoked, no plan is in
 *    effect until a new one is written: the app never resurrects a replaced plan);
 * 3. of the rest, the newest (by `created`) is the latest plan; it is in effect unless it
 *    was revoked, completed, or is a "stop" revision: then no plan is in effect;
 * 4. the chain is that latest plan and, through `replaces`, each plan it revised.
 * `replaces` references are matched by resource id whatever their form (relative, absolute,
 * versioned), and by the conditional-create identifier.
 */
import type { ChainLink, SavedTaperPlan } from "@/lib/domain";

const CAREPLAN_ID = /(?:^|\/)CarePlan\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/;

/** `CarePlan/<id>` for any reference form, or the reference itself (an identifier such as urn:uuid:...). */
export function normalizeCarePlanRef(ref: string): string {
  const m = CAREPLAN_ID.exec(ref.trim());
  return m?.[1] !== undefined ? `CarePlan/${m[1]}` : ref.trim();
}

function keysOf(plan: SavedTaperPlan): string[] {
  return [normalizeCarePlanRef(plan.reference), plan.identifier];
}

export type InEffect =
  | { kind: "none" }
  | { kind: "ended"; latest: SavedTaperPlan; chain: SavedTaperPlan[]; why: "revoked" | "completed" | "stopped" }
  | { kind: "plan"; plan: SavedTaperPlan; chain: SavedTaperPlan[] };

/** Newest first; a plan without `created` sorts last; ties by reference, so the answer never depends on input order. */
function newestFirst(a: SavedTaperPlan, b: SavedTaperPlan): number {
  const ca = a.created ?? "";
  const cb = b.created ?? "";
  if (ca !== cb) return Date.parse(cb) - Date.parse(ca) || cb.localeCompare(ca);
  return b.reference.localeCompare(a.reference);
}

function chainFrom(latest: SavedTaperPlan, byKey: Map<string, SavedTaperPlan>): SavedTaperPlan[] {
  const chain = [latest];
  const seen = new Set(keysOf(latest));
  let current = latest;
  for (;;) {
    const next = current.replaces.map((r) => byKey.get(normalizeCarePlanRef(r))).find((p) => p !== undefined && !seen.has(p.identifier));
    if (next === undefined) return chain;
    chain.push(next);
    for (const k of keysOf(next)) seen.add(k);
    current = next;
  }
}

export function planInEffect(plans: readonly SavedTaperPlan[]): InEffect {
  const byKey = new Map<string, SavedTaperPlan>();
  for (const p of plans) for (const k of keysOf(p)) byKey.set(k, p);
  const replaced = new Set<string>();
  for (const p of plans) for (const r of p.replaces) {
    const target = byKey.get(normalizeCarePlanRef(r));
    if (target !== undefined && target !== p) replaced.add(target.identifier);
  }
  const heads = plans.filter((p) => !replaced.has(p.identifier)).sort(newestFirst);
  const latest = heads[0];
  if (latest === undefined) return { kind: "none" };
  const chain = chainFrom(latest, byKey);
  if (latest.fhirStatus === "revoked") return { kind: "ended", latest, chain, why: "revoked" };
  if (latest.revision?.kind === "stop") return { kind: "ended", latest, chain, why: "stopped" };
  if (latest.fhirStatus === "completed") return { kind: "ended", latest, chain, why: "completed" };
  return { kind: "plan", plan: latest, chain };
}

export function chainLinks(chain: readonly SavedTaperPlan[]): ChainLink[] {
  return chain.map((p) => ({
    reference: p.reference,
    created: p.created,
    fhirStatus: p.fhirStatus,
    revision: p.revision,
    start: p.staircase.ok ? (p.staircase.steps[0]?.start ?? null) : null,
    startMmePerDay: p.staircase.ok ? (p.staircase.steps[0]?.plannedMmePerDay ?? null) : null,
  }));
}
