/**
 * Cautions that hold the plan because the chronic-pain taper guidance does not apply as is
 * or needs another specialty first: pregnancy (CDC 2022 draft l.2436-2438, 2523-2528),
 * active cancer, palliative or end-of-life care, sickle cell disease (the guideline's scope,
 * CDC 2022 draft l.301-304, 396-424; the CDC IG's exclusions). Each blocks a proposed taper
 * by default and says what to do instead; when conditions cannot be read, each asks the
 * clinician to confirm it does not apply.
 */
import type { Citation, Finding, FindingOf, FindingOutcomes, IsoDate, PlanEffect } from "@/lib/domain";
import { CITE } from "../citations";
import { CANCER, type ConditionCodeList, PALLIATIVE, PREGNANCY, SICKLE_CELL } from "../codes/conditions";
import type { ReadinessConfig } from "../config";
import { conditionCheck, finding, type OutcomeText } from "./finding";
import type { ReadinessInputs } from "./types";

type ScopeId = "caution.pregnancy" | "caution.cancer" | "caution.palliative" | "caution.sickle-cell";

interface ScopeRule<Id extends ScopeId> {
  /** The outcomes of this finding for "found", "none recorded" and "could not be checked". */
  outcomes: { found: FindingOutcomes[Id]; none: FindingOutcomes[Id]; unknown: FindingOutcomes[Id] };
  label: string;
  list: ConditionCodeList;
  citations: Citation[];
  found: { title: string; sentence: string; instead: string };
  notFound: OutcomeText;
  /** What the clinician confirms when conditions cannot be read. */
  confirm: string;
}

const RULES: { [Id in ScopeId]: ScopeRule<Id> } = {
  "caution.pregnancy": {
    outcomes: { found: "current", none: "none-recorded", unknown: "unknown" },
    label: "Pregnancy",
    list: PREGNANCY,
    citations: [CITE.pregnancy],
    found: {
      title: "Pregnancy recorded",
      sentence: "A current pregnancy is recorded: withdrawal carries risks for the patient and the fetus, so a taper is not proposed without obstetric input.",
      instead: "Get obstetric (maternal-fetal medicine) input before any change to the dose; for opioid use disorder in pregnancy, medication treatment is preferred over withdrawal.",
    },
    notFound: { title: "No current pregnancy recorded", sentence: "No current pregnancy is recorded. Ask before starting: a pregnancy changes the plan." },
    confirm: "The patient is not pregnant.",
  },
  "caution.cancer": {
    outcomes: { found: "active", none: "none-recorded", unknown: "unknown" },
    label: "Cancer",
    list: CANCER,
    citations: [CITE.scope, CITE.cancerExclusion],
    found: {
      title: "Active cancer recorded",
      sentence: "Active cancer is recorded: the CDC 2022 guideline does not cover cancer pain treatment, so a taper is not proposed by default.",
      instead: "Manage the pain under cancer-pain guidance (NCCN Adult Cancer Pain; ASCO for cancer survivors) with the oncology team; plan a taper here only if the pain is not cancer-related.",
    },
    notFound: { title: "No active cancer recorded", sentence: "No active cancer is recorded." },
    confirm: "The pain is not related to cancer or its treatment.",
  },
  "caution.palliative": {
    outcomes: { found: "recorded", none: "none-recorded", unknown: "unknown" },
    label: "Palliative or end-of-life care",
    list: PALLIATIVE,
    citations: [CITE.scope, CITE.cancerExclusion],
    found: {
      title: "Palliative or end-of-life care recorded",
      sentence: "Palliative, hospice or end-of-life care (or a likely terminal condition) is recorded: the CDC 2022 guideline does not apply, so a taper is not proposed by default.",
      instead: "Follow the goals of palliative or end-of-life care with the palliative care team.",
    },
    notFound: { title: "No palliative or end-of-life care recorded", sentence: "No palliative, hospice or end-of-life care is recorded." },
    confirm: "The patient is not receiving palliative, hospice or end-of-life care.",
  },
  "caution.sickle-cell": {
    outcomes: { found: "recorded", none: "none-recorded", unknown: "unknown" },
    label: "Sickle cell disease",
    list: SICKLE_CELL,
    citations: [CITE.scope, CITE.cancerExclusion],
    found: {
      title: "Sickle cell disease recorded",
      sentence: "Sickle cell disease is recorded: the CDC 2022 guideline does not cover sickle cell disease-related pain, so a taper is not proposed by default.",
      instead: "Manage the pain under sickle cell disease guidance (American Society of Hematology 2020) with the hematology team.",
    },
    notFound: { title: "No sickle cell disease recorded", sentence: "No sickle cell disease is recorded." },
    confirm: "The patient does not have sickle cell disease.",
  },
};

function scopeFinding<Id extends ScopeId>(id: Id, inputs: ReadinessInputs, asOf: IsoDate, opts: { maxAgeDays?: number }): FindingOf<Id> {
  const rule: ScopeRule<Id> = RULES[id];
  const draft = { id, category: "caution" as const, label: rule.label, citations: rule.citations };
  const check = conditionCheck(inputs, rule.list, asOf, { activeOnly: true, ...opts });
  const blocks: PlanEffect = { kind: "blocks", instead: rule.found.instead };
  const confirm: PlanEffect = { kind: "requires-confirmation", confirm: rule.confirm };
  const found = check.kind === "found" && check.matches.every((m) => m.byName)
    ? {
      title: `${rule.found.title} (by name only)`,
      sentence: `${rule.found.sentence} The condition was recognised by its words, not by a code of the value set: confirm it before planning.`,
      planEffect: { kind: "requires-confirmation" as const, confirm: `The chart's "${check.matches.map((m) => m.evidence.label).join('", "')}" was checked: ${rule.confirm.charAt(0).toLowerCase()}${rule.confirm.slice(1)}` },
    }
    : { title: rule.found.title, sentence: rule.found.sentence, planEffect: blocks };
  const unknown = (reason: string): OutcomeText => ({
    title: `${rule.label}: could not be checked`,
    sentence: `Conditions are not available (${reason}), so ${rule.list.name} could not be checked. Ask the patient and review the chart before planning.`,
    planEffect: confirm,
  });
  if (check.kind === "found") return finding(draft, rule.outcomes.found, found, check.evidence);
  if (check.kind === "unavailable") return finding(draft, rule.outcomes.unknown, unknown(check.reason), check.evidence);
  return finding(draft, rule.outcomes.none, rule.notFound, check.evidence);
}

/** Pregnancy, active cancer, palliative or end-of-life care, sickle cell disease (see the file header). */
export function scopeFindings(inputs: ReadinessInputs, asOf: IsoDate, config: ReadinessConfig): Finding[] {
  return [
    scopeFinding("caution.pregnancy", inputs, asOf, { maxAgeDays: config.pregnancyMaxDays }),
    scopeFinding("caution.cancer", inputs, asOf, {}),
    scopeFinding("caution.palliative", inputs, asOf, {}),
    scopeFinding("caution.sickle-cell", inputs, asOf, {}),
  ];
}
