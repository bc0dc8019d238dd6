/** Builders shared by the readiness rules. */
import type { Condition } from "fhir/r4";
import type { Citation, Evidence, Finding, FindingCategory, FindingStatus, IsoDate } from "@/lib/domain";
import type { ConditionCodeList } from "../codes/conditions";
import { daysBetween } from "../dates";
import { conceptText, conditionDay, conditionState, type ConditionState, matchesConditionList } from "./fhir";
import type { ReadinessInputs, ReadinessSource } from "./types";

export interface FindingDraft {
  id: string;
  category: FindingCategory;
  title: string;
  citations: Citation[];
}

/** A Finding from its draft (id, category, title, citations), status, sentence and evidence. */
export function finding(draft: FindingDraft, status: FindingStatus, sentence: string, evidence: Evidence[] = []): Finding {
  return { id: draft.id, category: draft.category, status, title: draft.title, sentence, evidence, citations: draft.citations };
}

/** Evidence line saying a source could not be read, and why. */
export function unavailableEvidence(source: ReadinessSource, reason: string): Evidence {
  return { label: `${source[0]?.toUpperCase() ?? ""}${source.slice(1)} not available`, value: reason };
}

export interface ConditionMatch {
  condition: Condition;
  state: ConditionState;
  evidence: Evidence;
}

/**
 * Conditions on the list, not refuted, dated on or before `asOf` when dated. With
 * `activeOnly`, only active ones; with `maxAgeDays`, only those whose onset is that recent.
 */
export function matchingConditions(
  inputs: ReadinessInputs, list: ConditionCodeList, asOf: IsoDate, opts: { activeOnly: boolean; maxAgeDays?: number },
): ConditionMatch[] {
  return inputs.conditions.flatMap((condition) => {
    if (!matchesConditionList(condition.code, list)) return [];
    const state = conditionState(condition, asOf);
    const day = conditionDay(condition);
    if (state === "refuted" || (opts.activeOnly && state !== "active") || (day !== null && day > asOf)) return [];
    const age = day === null ? null : daysBetween(day, asOf);
    if (opts.maxAgeDays !== undefined && age !== null && age > opts.maxAgeDays) return [];
    const evidence: Evidence = { reference: `Condition/${condition.id ?? "(no id)"}`, label: conceptText(condition.code) || list.name, value: state };
    if (day !== null) evidence.date = day;
    return [{ condition, state, evidence }];
  });
}

/**
 * The usual condition-driven finding: present when a matching condition is found; unknown
 * when conditions could not be read; otherwise not found.
 */
export function conditionFinding(
  inputs: ReadinessInputs, draft: FindingDraft, list: ConditionCodeList, asOf: IsoDate,
  text: { present: string; notFound: string }, opts: { activeOnly: boolean; maxAgeDays?: number },
): Finding {
  const matches = matchingConditions(inputs, list, asOf, opts);
  if (matches.length > 0) return finding(draft, "present", text.present, matches.map((m) => m.evidence));
  const reason = inputs.unavailable.conditions;
  if (reason !== undefined) {
    return finding(draft, "unknown", `Could not be checked: conditions are not available (${reason}). Ask the patient and review the chart.`, [unavailableEvidence("conditions", reason)]);
  }
  return finding(draft, "not-found", text.notFound, [{ label: `Conditions checked (${list.name})`, value: `none on file; codes: ${list.source}` }]);
}
