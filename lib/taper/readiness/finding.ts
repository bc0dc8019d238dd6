/** Builders shared by the readiness rules. */
import type { Condition } from "fhir/r4";
import type { Citation, Evidence, FindingCategory, FindingId, FindingOf, FindingOutcomes, IsoDate, PlanEffect } from "@/lib/domain";
import type { ConditionCodeList } from "../codes/conditions";
import { conditionSetSources } from "../codes/valuesets";
import { daysBetween } from "../dates";
import { conceptText, conditionDay, conditionState, type ConditionState, matchesConditionList } from "./fhir";
import { OUTCOME_STATUS } from "./outcomes";
import type { ReadinessInputs, ReadinessSource } from "./types";

/** What is fixed for a check whatever it finds: its id, category, name and sources. */
export interface FindingDraft<Id extends FindingId> {
  id: Id;
  category: FindingCategory;
  /** The name of the check ("Naloxone"). */
  label: string;
  citations: Citation[];
}

/** What one outcome of a check says: a short title, the sentence, and the effect on the plan (default `informs`). */
export interface OutcomeText {
  title: string;
  sentence: string;
  planEffect?: PlanEffect;
}

export const INFORMS: PlanEffect = { kind: "informs" };

/** A finding from its draft and outcome; the status comes from `OUTCOME_STATUS`, never from the caller. */
export function finding<Id extends FindingId>(draft: FindingDraft<Id>, outcome: FindingOutcomes[Id], text: OutcomeText, evidence: Evidence[] = []): FindingOf<Id> {
  const statuses: Readonly<Record<FindingOutcomes[Id], FindingOf<Id>["status"]>> = OUTCOME_STATUS[draft.id];
  return {
    id: draft.id, outcome, category: draft.category, status: statuses[outcome], label: draft.label,
    title: text.title, sentence: text.sentence, evidence, citations: draft.citations, planEffect: text.planEffect ?? INFORMS,
  };
}

const SOURCE_NAMES: Record<ReadinessSource, string> = { medications: "Medications", observations: "Observations", conditions: "Conditions" };

/** Evidence line saying a source could not be read, and why. */
export function unavailableEvidence(source: ReadinessSource, reason: string): Evidence {
  return { label: `${SOURCE_NAMES[source]} not available`, value: reason };
}

export interface ConditionMatch {
  condition: Condition;
  state: ConditionState;
  /** Matched by its words only (no code of the list's value sets): a second reading, said so. */
  byName: boolean;
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
    const how = matchesConditionList(condition.code, list);
    if (how === null) return [];
    const state = conditionState(condition, asOf);
    const day = conditionDay(condition);
    if (state === "refuted" || (opts.activeOnly && state !== "active") || (day !== null && day > asOf)) return [];
    const age = day === null ? null : daysBetween(day, asOf);
    if (opts.maxAgeDays !== undefined && age !== null && age > opts.maxAgeDays) return [];
    const value = how === "name" ? `${state}; identified by its name, no code of the value set matched` : state;
    const evidence: Evidence = { reference: `Condition/${condition.id ?? "(no id)"}`, label: conceptText(condition.code) || list.name, value };
    if (day !== null) evidence.date = day;
    return [{ condition, state, byName: how === "name", evidence }];
  });
}

/** What a condition check found: matching conditions, the source unavailable (with why), or none on file. */
export type ConditionCheck =
  | { kind: "found"; matches: ConditionMatch[]; evidence: Evidence[] }
  | { kind: "unavailable"; reason: string; evidence: Evidence[] }
  | { kind: "none"; evidence: Evidence[] };

/** Checks the conditions against a list (see `matchingConditions`); the caller turns the result into its finding. */
export function conditionCheck(inputs: ReadinessInputs, list: ConditionCodeList, asOf: IsoDate, opts: { activeOnly: boolean; maxAgeDays?: number }): ConditionCheck {
  const matches = matchingConditions(inputs, list, asOf, opts);
  if (matches.length > 0) return { kind: "found", matches, evidence: matches.map((m) => m.evidence) };
  const reason = inputs.unavailable.conditions;
  if (reason !== undefined) return { kind: "unavailable", reason, evidence: [unavailableEvidence("conditions", reason)] };
  return { kind: "none", evidence: [{ label: `Conditions checked for ${list.name}`, value: `none on file (value sets: ${conditionSetSources(list.valueSets)})` }] };
}
