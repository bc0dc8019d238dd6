/** Typed lookup of one finding by id: the result's `outcome` is that finding's own outcome union. */
import type { Finding, FindingId, FindingOf } from "@/lib/domain";

export function findingById<Id extends FindingId>(findings: readonly Finding[], id: Id): FindingOf<Id> | undefined {
  return findings.find((f): f is FindingOf<Id> & Finding => f.id === id);
}

/** For the `default` branch of a switch over a closed union: a missing case does not compile. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${String(value)}`);
}
