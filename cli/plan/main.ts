/**
 * The `plan` command, in-process: arguments -> bundle -> lib/mme `calculateMme` ->
 * lib/taper `assessReadiness`, `regimenFromMme`, `defaultTaperOptions` (overridden by the
 * flags), `proposeTaperPlan` -> JSON (`schedule`) or the CarePlan the app would write
 * (`careplan`, lib/careplan `buildCarePlan`) or the patient handout as plain text (`handout`,
 * lib/handout, `--lang en|es`, with the clinic's phone from the configuration); with
 * `--follow-up`, where the patient is on the plan in effect (./follow-up.ts). Exit 2 for bad input and refused options,
 * with one sentence on stderr.
 */
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import type { Patient } from "fhir/r4";
import type { MmeResult, ReadinessResult, TaperOptions, TaperPlan } from "@/lib/domain";
import { buildCarePlan, PROPOSAL_IDENTIFIER_SYSTEM } from "@/lib/careplan";
import { DEFAULT_CONFIG_PATH, loadConfig } from "@/lib/config";
import { patientName } from "@/lib/domain/patient-identity";
import { buildHandout, handoutAsText, type ClinicContact, type HandoutLanguage } from "@/lib/handout";
import { assessReadiness, defaultTaperOptions, proposeTaperPlan, protocolFor, regimenFromMme, type ReadinessInputs } from "@/lib/taper";
import { type PlanArgs, parseArgs, USAGE } from "./args";
import { readPatientResources } from "./bundle";
import { currentMme } from "./current-mme";
import { runFollowUp } from "./follow-up";
import { refusalJson, scheduleJson } from "./output";

export interface RunResult {
  code: 0 | 1 | 2;
  stdout: string;
  stderr: string;
}

/** Runs the command; `now` is the clock (the default as-of date and the CarePlan's `created`). */
export function runPlan(argv: readonly string[], now: Date = new Date()): RunResult {
  const parsed = parseArgs(argv);
  if (!parsed.ok) return { code: 2, stdout: "", stderr: `plan: ${parsed.error}\n${USAGE}\n` };
  const { args } = parsed;
  if (args.followUp) return runFollowUp(args, now);
  const read = readPatientResources(args.bundlePath, args.patientId);
  if (!read.ok) return { code: 2, stdout: "", stderr: `plan: ${read.error}\n` };
  const asOf = args.asOf ?? now.toISOString().slice(0, 10);
  const res = read.resources;
  const mme = currentMme(res, asOf, args.factorTableId);
  const inputs: ReadinessInputs = { mme, medicationRequests: res.medicationRequests, medications: res.medications, observations: res.observations, conditions: res.conditions, unavailable: {}, ...(res.patient ? { patient: res.patient } : { patientUnavailable: "the Patient resource is unreadable" }) };
  const readiness = assessReadiness(inputs, asOf);
  const regimen = regimenFromMme(mme, res.medicationRequests);
  const options = withFlags(defaultTaperOptions(readiness, regimen, asOf), args);
  const outcome = proposeTaperPlan(regimen, options, asOf, { gates: readiness.gates });
  if (!outcome.ok) {
    const json = JSON.stringify(refusalJson(outcome.refusal, readiness.findings, mme, args.patientId), null, 2);
    return { code: 2, stdout: `${json}\n`, stderr: `plan: refused (${outcome.refusal.code}): ${outcome.refusal.message}\n` };
  }
  if (args.format === "handout") {
    const clinic = clinicFromConfig();
    if (!clinic.ok) return { code: 2, stdout: "", stderr: `plan: ${clinic.error}\n` };
    return { code: 0, stdout: `${handoutText(outcome.plan, res.patient, clinic.clinic, args.lang)}\n`, stderr: "" };
  }
  const body = args.format === "careplan"
    ? carePlanOf(outcome.plan, mme, readiness, res.patientId, now, args)
    : scheduleJson(outcome.plan, readiness.findings, mme, args.patientId, [...res.unreadableOrders, ...res.unreadableOther]);
  return { code: 0, stdout: `${JSON.stringify(body, null, 2)}\n`, stderr: "" };
}

function withFlags(defaults: TaperOptions, args: PlanArgs): TaperOptions {
  const answered = args.duration === undefined ? {} : { ...protocolFor(args.duration), duration: { value: args.duration, source: "clinician" as const } };
  const actualUse = { ...defaults.actualUse };
  for (const [ref, dosesPerDay] of Object.entries(args.actualUse)) actualUse[ref] = { dosesPerDay, source: "entered", detail: "Entered with --actual-use." };
  const options: TaperOptions = { ...defaults, ...answered, pauses: args.pauses, actualUse, gateDecisions: args.gateDecisions };
  if (args.erAtLowest !== undefined) options.erAtLowest = args.erAtLowest;
  if (args.methadoneFasterReason !== undefined) options.methadoneFaster = { reason: args.methadoneFasterReason };
  if (args.ratePercent !== undefined) options.ratePercent = args.ratePercent;
  if (args.interval !== undefined) options.interval = args.interval;
  if (args.basis !== undefined) options.basis = args.basis;
  if (args.target !== undefined) options.target = args.target;
  if (args.startDate !== undefined) options.startDate = args.startDate;
  if (args.rapidReason !== undefined) options.rapidTaper = { reason: args.rapidReason };
  return options;
}

/**
 * Without `--agreed` a draft proposal (nothing confirmed, and the CarePlan says so). With `--agreed`
 * the clinician running the command states the plan was agreed with the patient: the CarePlan is
 * written in effect (active, intent plan, HL7 PainTreatmentCarePlan) with `--author` as its author.
 */
function carePlanOf(plan: TaperPlan, mme: MmeResult, readiness: ReadinessResult, patientId: string, now: Date, args: PlanArgs): unknown {
  return buildCarePlan(plan, {
    patientRef: `Patient/${patientId}`,
    created: now.toISOString(),
    identifier: { system: PROPOSAL_IDENTIFIER_SYSTEM, value: `urn:uuid:${randomUUID()}` },
    mme,
    readiness,
    confirmations: { checked: {}, followUpDate: null },
    ...(args.agreed ? { agreed: true } : {}),
    ...(args.author !== undefined ? { authorRef: args.author } : {}),
  });
}

/**
 * The clinic's contact from the configuration the app uses (SMART_CONFIG_JSON, SMART_CONFIG_FILE
 * or config/smart.json in the working directory); none configured leaves a line on the handout.
 */
function clinicFromConfig(env: Record<string, string | undefined> = process.env): { ok: true; clinic: ClinicContact | null } | { ok: false; error: string } {
  if (!env.SMART_CONFIG_JSON && !env.SMART_CONFIG_FILE && !existsSync(DEFAULT_CONFIG_PATH)) return { ok: true, clinic: null };
  try {
    const c = loadConfig({ ...env }).clinic; // a copy: read now, not the process-wide cache
    return { ok: true, clinic: c ? { name: c.name ?? null, phone: c.phone ?? null, afterHoursPhone: c.afterHoursPhone ?? null } : null };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

/** The handout as the app prints it: no clinician or visit date (nobody confirmed them), blanks to fill in. */
function handoutText(plan: TaperPlan, patient: Patient | null, clinic: ClinicContact | null, language: HandoutLanguage): string {
  const who = patient ? { name: patientName(patient), birthDate: patient.birthDate ?? null } : null;
  return handoutAsText(buildHandout({ plan, language, patient: who, clinician: null, clinic, nextVisit: null }));
}
