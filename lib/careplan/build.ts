/**
 * TaperPlan + context -> FHIR R4 CarePlan, the resource the app writes into the chart.
 * Pure and deterministic: the clock (`created`) and the proposal id come from the caller.
 *
 * Sources: HL7 CDC opioid CPG PainTreatmentCarePlan (category LOINC 80764-4), US Core
 * CarePlan (category assess-plan, narrative, status, intent, subject), FHIR R4 CarePlan;
 * docs/smart-sources.md section 5.5 (identifier for conditional create).
 * A plan agreed with the patient is written as the CPG profile says (active, intent plan, profile
 * declared, created, author); a plan not agreed stays a draft proposal, which does not claim the
 * profile (it limits status to active|completed).
 */
import type { CarePlan, Period, Reference } from "fhir/r4";
import type { MmeResult, ReadinessResult, ResourceRef, TaperPlan } from "@/lib/domain";
import { parseReference } from "@/lib/domain/references";
import { buildActivities } from "./activities";
import { rateExtension, revisionExtension } from "./extensions";
import { CAREPLAN_AUTHOR_TYPES, PAIN_PLAN_CATEGORY, US_CORE_ASSESS_PLAN_CATEGORY } from "./codes";
import { buildPlanDocument, planDescription, planTitle } from "./document";
import { buildNotes, revisionNote } from "./notes";
import { carePlanStance } from "./stance";
import type { CarePlanContext } from "./types";
import { renderXhtml } from "./xhtml";

/** The resource type of `Practitioner/1` or `https://ehr/fhir/Practitioner/1`; null when not of that shape. */
export function referenceType(ref: ResourceRef): string | null {
  return parseReference(ref)?.resourceType ?? null;
}

function isAllowedAuthor(ref: ResourceRef): boolean {
  const type = referenceType(ref);
  return CAREPLAN_AUTHOR_TYPES.some((t) => t === type);
}

/**
 * CarePlan.supportingInfo, the one rule for the app's and the `plan` command's CarePlan:
 * every order the MME read (counted, not computable, or excluded for a clinical reason such
 * as buprenorphine or a stale order; not the orders excluded as not an opioid), then the
 * evidence of every readiness finding, each reference once, in that order.
 */
export function supportingReferences(mme: MmeResult, readiness: ReadinessResult): Reference[] {
  const refs = new Set<ResourceRef>();
  for (const o of mme.orders) if (o.status !== "excluded" || o.reason !== "mme.excluded.not-an-opioid") refs.add(o.medicationRequest);
  for (const f of readiness.findings) for (const e of f.evidence) if (e.reference !== undefined) refs.add(e.reference);
  return [...refs].filter((r) => r.trim() !== "").map((reference) => ({ reference }));
}

function planPeriod(plan: TaperPlan): Period {
  return { start: plan.steps[0]?.start ?? plan.options.startDate, end: plan.endDate };
}

/**
 * Builds the CarePlan: agreed with the patient, status `active`, intent `plan` and
 * meta.profile PainTreatmentCarePlan; otherwise status `draft`, intent `proposal` (or `plan` per issuer); both
 * categories in one CodeableConcept (as in the CPG example, so that the CPG's required
 * binding and US Core's slice are met by the same concept), narrative with the schedule
 * table, one activity per step and product, follow-up and monitoring activities,
 * supportingInfo, notes and the proposal identifier; the rate (and, on a revision, the
 * revision and `replaces`) as extensions read back at follow-up (extensions.ts). Does not validate: see
 * lib/fhir/careplan validateCarePlan. An author whose type CarePlan.author does not accept
 * (e.g. a `Person` fhirUser) is left out and explained in a note rather than rejected by the EHR.
 */
export function buildCarePlan(plan: TaperPlan, context: CarePlanContext): CarePlan {
  const period = planPeriod(plan);
  const author = context.authorRef;
  const authorOk = author !== undefined && isAllowedAuthor(author);
  const extraNotes =
    author !== undefined && !authorOk
      ? [`Author not recorded in CarePlan.author: ${referenceType(author) ?? "this reference"} is not an accepted author type (${author}).`]
      : [];
  const supportingInfo = supportingReferences(context.mme, context.readiness);
  const revision = context.revision;
  const stance = carePlanStance(context);
  return {
    resourceType: "CarePlan",
    ...(stance.profile !== null ? { meta: { profile: [stance.profile] } } : {}),
    extension: [rateExtension(plan.options, plan.targetMmePerDay), ...(revision ? [revisionExtension(revision.record)] : [])],
    identifier: [{ system: context.identifier.system, value: context.identifier.value }],
    ...(revision ? { replaces: [{ reference: revision.replaces }] } : {}),
    status: stance.status,
    intent: stance.intent,
    category: [{ coding: [{ ...PAIN_PLAN_CATEGORY }, { ...US_CORE_ASSESS_PLAN_CATEGORY }], text: PAIN_PLAN_CATEGORY.display }],
    title: planTitle(plan, context.agreed === true),
    description: planDescription(plan, context.agreed === true),
    subject: { reference: context.patientRef },
    ...(context.encounterRef !== undefined ? { encounter: { reference: context.encounterRef } } : {}),
    period,
    created: context.created,
    ...(author !== undefined && authorOk ? { author: { reference: author } } : {}),
    ...(supportingInfo.length > 0 ? { supportingInfo } : {}),
    text: { status: "generated", div: renderXhtml(buildPlanDocument(plan, context)) },
    activity: buildActivities(plan, context.confirmations, period),
    note: buildNotes(plan, context, [...(revision ? [revisionNote(revision)] : []), ...extraNotes]),
  };
}
