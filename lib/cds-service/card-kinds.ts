/**
 * Which kind of card a uuid names, for feedback logs: card uuids are derived from the hook
 * instance (lib/cds-service/ids.ts), so the service remembers recent uuid -> kind pairs (no
 * patient data) in a bounded map. A uuid it no longer remembers is logged as `unknown`.
 */
const MAX = 20_000;
const kinds = new Map<string, string>();

export function rememberCardKinds(entries: ReadonlyArray<readonly [uuid: string, kind: string]>): void {
  for (const [uuid, kind] of entries) {
    kinds.delete(uuid);
    kinds.set(uuid, kind);
  }
  while (kinds.size > MAX) {
    const oldest = kinds.keys().next().value;
    if (oldest === undefined) break;
    kinds.delete(oldest);
  }
}

export function cardKindOf(uuid: string): string {
  return kinds.get(uuid) ?? "unknown";
}
