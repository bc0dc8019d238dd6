/**
 * The project's own rules for the CarePlan it writes, on top of FHIR R4 validity:
 * what the issue and docs/smart-sources.md section 5.5 require (a draft proposal, or a plan agreed
 * with the patient written active + plan with the HL7 PainTreatmentCarePlan profile declared, whose own
 * constraints the FHIR validator checks from the profile's StructureDefinition (validate.ts);
 * LOINC 80764-4 and US Core assess-plan categories, a urn:uuid identifier for the conditional
 * create, the patient as subject, a generated narrative with the schedule table) and clinical
 * safety (no negative or non-finite amount, no period that ends before it starts).
 * Reads raw JSON defensively: a resource of any shape gets issues, never an exception.
 */
import { PAIN_TREATMENT_CAREPLAN_PROFILE } from "@/lib/careplan/codes";
import { LOINC_SYSTEM, RXNORM_SYSTEM } from "@/lib/domain/code-systems";
import { rawProp, rawString } from "@/lib/fhir/raw";
import type { CarePlanIssue } from "./issues";

const UUID_URN = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const US_CORE_CATEGORY = "http://hl7.org/fhir/us/core/CodeSystem/careplan-category";

function rawArray(value: unknown, key: string): unknown[] {
  const found = rawProp(value, key);
  return Array.isArray(found) ? found : [];
}

function issue(code: string, path: string, message: string, severity: CarePlanIssue["severity"] = "error"): CarePlanIssue {
  return { severity, source: "project", code: `careplan.rule.${code}`, path, message };
}

function hasCoding(concepts: unknown[], system: string, code: string): boolean {
  return concepts.some((c) => rawArray(c, "coding").some((x) => rawString(x, "system") === system && rawString(x, "code") === code));
}

function headerRules(cp: unknown): CarePlanIssue[] {
  const out: CarePlanIssue[] = [];
  const status = rawString(cp, "status");
  const intent = rawString(cp, "intent");
  const profiled = rawArray(rawProp(cp, "meta"), "profile").some((p) => typeof p === "string" && p.split("|")[0] === PAIN_TREATMENT_CAREPLAN_PROFILE);
  if (status === "active") {
    if (intent !== "plan") out.push(issue("intent", "CarePlan.intent", 'an active plan (agreed with the patient) must have intent "plan"'));
    if (!profiled) out.push(issue("profile", "CarePlan.meta.profile", `an active plan (agreed with the patient) must declare ${PAIN_TREATMENT_CAREPLAN_PROFILE}`));
  } else if (status === "draft") {
    if (intent !== "proposal" && intent !== "plan") out.push(issue("intent", "CarePlan.intent", 'intent must be "proposal" (or "plan" where the EHR accepts only that)'));
    if (profiled) out.push(issue("profile", "CarePlan.meta.profile", "a draft must not declare PainTreatmentCarePlan (the profile allows only active or completed)"));
  } else {
    out.push(issue("status", "CarePlan.status", 'status must be "active" (agreed with the patient) or "draft" (a proposal): the app writes nothing else'));
  }
  const category = rawArray(cp, "category");
  if (!hasCoding(category, LOINC_SYSTEM, "80764-4")) out.push(issue("category-pain-plan", "CarePlan.category", "category must include LOINC 80764-4 \"Pain medicine Plan of care note\" (HL7 CDC opioid CPG)"));
  if (!hasCoding(category, US_CORE_CATEGORY, "assess-plan")) out.push(issue("category-us-core", "CarePlan.category", "category must include US Core assess-plan (US Core CarePlan profile)"));
  const subject = rawString(rawProp(cp, "subject"), "reference");
  if (subject === null || !/(^|\/)Patient\/[A-Za-z0-9\-.]{1,64}$/.test(subject)) out.push(issue("subject", "CarePlan.subject", "subject must reference the patient (Patient/<id>)"));
  if (rawString(cp, "created") === null) out.push(issue("created", "CarePlan.created", "created (when the proposal was made) is required"));
  return out;
}

function identifierRules(cp: unknown): CarePlanIssue[] {
  const first = rawArray(cp, "identifier")[0];
  const system = rawString(first, "system");
  const value = rawString(first, "value");
  if (system === null || value === null) {
    return [issue("identifier", "CarePlan.identifier", "an identifier with system and value is required: it makes the write conditional, so a repeated save cannot create a second CarePlan")];
  }
  if (!UUID_URN.test(value)) return [issue("identifier-uuid", "CarePlan.identifier[0].value", `identifier value must be urn:uuid:<lower-case uuid>, got "${value.slice(0, 60)}"`)];
  return [];
}

function narrativeRules(cp: unknown): CarePlanIssue[] {
  const text = rawProp(cp, "text");
  const div = rawString(text, "div");
  if (text === undefined || div === null) return [issue("narrative", "CarePlan.text", "a narrative (text.div) is required so people can read the plan in any EHR")];
  const out: CarePlanIssue[] = [];
  if (rawString(text, "status") !== "generated") out.push(issue("narrative-status", "CarePlan.text.status", 'text.status must be "generated"'));
  if (!/<table[\s>][\s\S]*<tr[\s>][\s\S]*<\/table>/.test(div)) out.push(issue("narrative-schedule", "CarePlan.text.div", "the narrative must contain the schedule as a table"));
  return out;
}

function periodIssue(period: unknown, path: string): CarePlanIssue[] {
  const start = rawString(period, "start");
  const end = rawString(period, "end");
  if (start === null || end === null || start.slice(0, 10) <= end.slice(0, 10)) return [];
  return [issue("period-order", path, `period ends (${end}) before it starts (${start})`)];
}

function activityRules(cp: unknown): CarePlanIssue[] {
  const activities = rawArray(cp, "activity");
  const out: CarePlanIssue[] = [];
  activities.forEach((a, i) => {
    const path = `CarePlan.activity[${i}].detail`;
    const detail = rawProp(a, "detail");
    const amount = rawProp(rawProp(detail, "dailyAmount"), "value");
    if (amount !== undefined && (typeof amount !== "number" || !Number.isFinite(amount) || amount < 0)) {
      out.push(issue("amount", `${path}.dailyAmount.value`, `daily amount must be a finite number >= 0, got ${String(amount)}`));
    }
    out.push(...periodIssue(rawProp(detail, "scheduledPeriod"), `${path}.scheduledPeriod`));
    const product = rawProp(detail, "productCodeableConcept");
    const rxnorm = rawArray(product, "coding").some((c) => rawString(c, "system") === RXNORM_SYSTEM && (rawString(c, "code") ?? "") !== "");
    if (rawString(detail, "kind") === "MedicationRequest" && !rxnorm) {
      out.push(issue("product-rxnorm", `${path}.productCodeableConcept`, "medication activity has no RxNorm code: software reading the plan will see only its text", "warning"));
    }
  });
  if (!activities.some((a) => rawString(rawProp(a, "detail"), "kind") === "MedicationRequest")) {
    out.push(issue("no-medication-activity", "CarePlan.activity", "the plan has no medication step"));
  }
  return out;
}

/** All project rules. The resource may be of any shape. */
export function projectRuleIssues(cp: unknown): CarePlanIssue[] {
  return [
    ...headerRules(cp),
    ...identifierRules(cp),
    ...narrativeRules(cp),
    ...periodIssue(rawProp(cp, "period"), "CarePlan.period"),
    ...activityRules(cp),
  ];
}
