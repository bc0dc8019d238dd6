/**
 * SMART scopes as the sandbox's authorization server and FHIR server read them.
 * Source: SMART App Launch 2.2 "Scopes and launch context":
 * - v2 resource scopes `{patient|user|system}/{Type|*}.{c?r?u?d?s?}` (letters in that order),
 *   optionally with a query constraint (`patient/Observation.rs?category=laboratory`);
 * - v1 `.read` = `rs`, `.write` = `cud`, `.*` = `cruds`;
 * - "write access does not imply read access"; a server may grant fewer scopes than asked.
 */

export type Interaction = "c" | "r" | "u" | "d" | "s";
export type ScopeContext = "patient" | "user" | "system";

export interface ResourceScope {
  raw: string;
  context: ScopeContext;
  /** A resource type, or `*`. */
  resourceType: string;
  interactions: ReadonlySet<Interaction>;
  /** v2 finer-grained constraint, e.g. `category=laboratory`; null when absent. */
  query: URLSearchParams | null;
  version: "v1" | "v2";
}

const ORDER: readonly Interaction[] = ["c", "r", "u", "d", "s"];
const V1: Record<string, readonly Interaction[]> = { read: ["r", "s"], write: ["c", "u", "d"], "*": ORDER };

/** Scopes that are not about resources and that this server grants when asked. */
export const NON_RESOURCE_SCOPES = [
  "launch",
  "launch/patient",
  "launch/encounter",
  "openid",
  "fhirUser",
  "profile",
  "online_access",
  "offline_access",
] as const;

const RESOURCE_SCOPE = /^(patient|user|system)\/(\*|[A-Z][A-Za-z]+)\.([a-z*]+)(\?.*)?$/;

/** Parse one resource scope; null when the string is not one (or is malformed, e.g. `.rc`). */
export function parseResourceScope(raw: string): ResourceScope | null {
  const m = RESOURCE_SCOPE.exec(raw);
  if (!m) return null;
  const [, context, resourceType, perms, query] = m;
  if (!context || !resourceType || !perms) return null;
  if (context !== "patient" && context !== "user" && context !== "system") return null;
  const v1 = V1[perms];
  if (v1) {
    return query ? null : { raw, context, resourceType, interactions: new Set(v1), query: null, version: "v1" };
  }
  const letters = [...perms];
  const rank = (l: string | undefined) => (l === undefined ? -1 : "cruds".indexOf(l));
  const valid = letters.every((l, i) => isInteraction(l) && rank(l) > rank(letters[i - 1]));
  if (!valid) return null;
  const interactions = new Set(letters.filter(isInteraction));
  return { raw, context, resourceType, interactions, query: query ? new URLSearchParams(query.slice(1)) : null, version: "v2" };
}

/** Split a space-separated scope string into distinct non-empty scopes. */
export function splitScopes(scope: string | null | undefined): string[] {
  return [...new Set((scope ?? "").split(/\s+/).filter(Boolean))];
}

/** All resource scopes in a granted scope string. */
export function resourceScopes(scope: string): ResourceScope[] {
  return splitScopes(scope).flatMap((s) => parseResourceScope(s) ?? []);
}

/** The scopes that allow `interaction` on `resourceType` (empty: refused). */
export function permittingScopes(scopes: readonly ResourceScope[], resourceType: string, interaction: Interaction): ResourceScope[] {
  return scopes.filter((s) => (s.resourceType === "*" || s.resourceType === resourceType) && s.interactions.has(interaction));
}

/**
 * The scopes this server grants for a request: known non-resource scopes and well-formed
 * resource scopes, minus `launch` when there is no launch (standalone), minus the
 * launch option's `denyScopes`. Unknown scopes are dropped (a narrower grant, as SMART allows).
 */
export function grantScopes(requested: string, hasLaunch: boolean, denyScopes: readonly string[] = []): string[] {
  const known = splitScopes(requested).filter((s) => {
    if (s === "launch") return hasLaunch;
    return NON_RESOURCE_SCOPES.some((n) => n === s) || parseResourceScope(s) !== null;
  });
  return known.flatMap((s) => narrowScope(s, denyScopes));
}

/**
 * Remove denied permissions from one scope. A deny entry is a non-resource scope (exact match),
 * or a resource scope with or without context (`patient/CarePlan.c`, `CarePlan.c`, `CarePlan.write`).
 * A v1 scope that loses part of its meaning is rewritten in v2 syntax (`patient/CarePlan.write`
 * minus `c` gives `patient/CarePlan.ud`); a scope that loses everything is dropped.
 */
export function narrowScope(scope: string, denyScopes: readonly string[]): string[] {
  const parsed = parseResourceScope(scope);
  if (!parsed) return denyScopes.includes(scope) ? [] : [scope];
  const removed = new Set<Interaction>();
  for (const deny of denyScopes) {
    const d = parseDeny(deny);
    if (!d) continue;
    const contextMatches = d.context === null || d.context === parsed.context;
    const typeMatches = d.resourceType === "*" || d.resourceType === parsed.resourceType;
    if (contextMatches && typeMatches) d.interactions.forEach((i) => removed.add(i));
  }
  if (removed.size === 0) return [scope];
  const left = ORDER.filter((i) => parsed.interactions.has(i) && !removed.has(i));
  if (left.length === 0) return [];
  const query = parsed.query ? `?${parsed.query.toString()}` : "";
  return [`${parsed.context}/${parsed.resourceType}.${left.join("")}${query}`];
}

function parseDeny(deny: string): { context: ScopeContext | null; resourceType: string; interactions: ReadonlySet<Interaction> } | null {
  const full = parseResourceScope(deny);
  if (full) return { context: full.context, resourceType: full.resourceType, interactions: full.interactions };
  const bare = parseResourceScope(`patient/${deny}`);
  return bare ? { context: null, resourceType: bare.resourceType, interactions: bare.interactions } : null;
}

function isInteraction(l: string): l is Interaction {
  return ORDER.some((o) => o === l);
}

/**
 * The part of a grant that the client's registration allows (a real EHR never grants more
 * than an app was registered for, whatever it asks; smart-sources.md section 1.5). A non-resource
 * scope must be registered as such; a resource scope keeps the interactions that registered
 * scopes of the same context and type (or `*`) allow, rewritten in v2 syntax when narrowed
 * (`patient/CarePlan.cruds` under a registration of `patient/CarePlan.rs patient/CarePlan.c`
 * gives `patient/CarePlan.crs`). `launch` is granted whenever it reached this point (EHR launch).
 */
export function withinRegistration(granted: readonly string[], registered: readonly string[]): string[] {
  const allowed = registered.flatMap((s) => parseResourceScope(s) ?? []);
  return granted.flatMap((scope) => {
    const parsed = parseResourceScope(scope);
    if (!parsed) return scope === "launch" || registered.includes(scope) ? [scope] : [];
    const covering = allowed.filter((a) => a.context === parsed.context && (a.resourceType === "*" || a.resourceType === parsed.resourceType) && a.query === null);
    const left = ORDER.filter((i) => parsed.interactions.has(i) && covering.some((a) => a.interactions.has(i)));
    if (left.length === 0) return [];
    if (left.length === parsed.interactions.size) return [scope];
    const query = parsed.query ? `?${parsed.query.toString()}` : "";
    return [`${parsed.context}/${parsed.resourceType}.${left.join("")}${query}`];
  });
}
