/**
 * Arguments of the `plan` command. Every malformed argument is an error with one sentence
 * (exit 2), never a guessed value.
 */
import type { DurationOfUse, ErAtLowest, FactorTableId, GateDecision, TaperInterval, TaperPause } from "@/lib/domain";
import type { HandoutLanguage } from "@/lib/handout";
import { FINDING_IDS } from "@/lib/taper";

export interface PlanArgs {
  bundlePath: string;
  patientId: string;
  ratePercent?: number;
  interval?: TaperInterval;
  basis?: "original" | "current" | "two-phase";
  target?: { kind: "mme"; mmePerDay: number } | { kind: "discontinue" };
  startDate?: string;
  asOf?: string;
  /** `handout`: the patient handout as plain text (`--lang en|es`, English by default). */
  format: "schedule" | "careplan" | "handout";
  lang: HandoutLanguage;
  factorTableId: FactorTableId;
  pauses: TaperPause[];
  rapidReason?: string;
  /** Whole doses a day actually taken, by MedicationRequest reference (`--actual-use <order>:<doses>`). */
  actualUse: Record<string, number>;
  /** The clinician's answer when the record cannot tell how long opioids have been used. */
  duration?: DurationOfUse;
  gateDecisions: GateDecision[];
  erAtLowest?: ErAtLowest;
  methadoneFasterReason?: string;
  /** `--agreed`: the plan was agreed with the patient; the CarePlan is written in effect (active, intent plan, PainTreatmentCarePlan). */
  agreed: boolean;
  /** `--author Practitioner/<id>`: CarePlan.author (the practitioner who agreed the plan). */
  author?: string;
  /** `--follow-up`: where the patient is on the plan in effect (the bundle's CarePlans), not a new plan. */
  followUp: boolean;
}

export const USAGE =
  "usage: plan <bundle.json> --patient <id> [--rate 10] [--every week|month|<N>d|<N>w|<N>m] [--basis original|current|two-phase] " +
  "[--target-mme N | --discontinue] [--start YYYY-MM-DD] [--as-of YYYY-MM-DD] [--format schedule|careplan|handout] [--lang en|es] [--factors cdc-2022|cdc-2016] " +
  "[--pause <step>:<intervals>] [--rapid-reason <text>] [--actual-use <order id>:<doses per day>] " +
  "[--duration one-year-or-more|less-than-a-year|unknown] [--override <finding id>:<reason>] [--confirm <finding id>] " +
  "[--er-at-lowest switch-to-ir|stop] [--methadone-faster <reason>] [--agreed [--author Practitioner/<id>]]\n" +
  "       plan <bundle.json> --patient <id> --follow-up [--as-of YYYY-MM-DD] [--factors cdc-2022|cdc-2016]";

/** The value options that mean something with `--follow-up` (the others shape a new plan). */
const FOLLOW_UP_FLAGS = new Set(["--patient", "--as-of", "--factors"]);

export type ParseArgsResult = { ok: true; args: PlanArgs } | { ok: false; error: string };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const VALUE_FLAGS = new Set([
  "--patient", "--rate", "--every", "--basis", "--target-mme", "--start", "--as-of", "--format", "--factors", "--pause", "--rapid-reason",
  "--actual-use", "--duration", "--override", "--confirm", "--er-at-lowest", "--methadone-faster", "--lang", "--author",
]);
/** CarePlan.author as the command accepts it: a Practitioner or PractitionerRole reference. */
const AUTHOR = /^(Practitioner|PractitionerRole)\/[A-Za-z0-9\-.]{1,64}$/;

export function parseArgs(argv: readonly string[]): ParseArgsResult {
  const positional: string[] = [];
  const values = new Map<string, string[]>();
  let discontinue = false;
  let agreed = false;
  let followUp = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--discontinue") { discontinue = true; continue; }
    if (arg === "--agreed") { agreed = true; continue; }
    if (arg === "--follow-up") { followUp = true; continue; }
    if (!arg.startsWith("--")) { positional.push(arg); continue; }
    const [flag = "", inline] = arg.split(/=(.*)/s, 2);
    if (!VALUE_FLAGS.has(flag)) return { ok: false, error: `unknown option ${flag}` };
    const value = inline ?? argv[++i];
    if (value === undefined) return { ok: false, error: `${flag} needs a value` };
    values.set(flag, [...(values.get(flag) ?? []), value]);
  }
  if (followUp) {
    const shaping = [...values.keys()].find((f) => !FOLLOW_UP_FLAGS.has(f)) ?? (discontinue ? "--discontinue" : agreed ? "--agreed" : undefined);
    if (shaping !== undefined) return { ok: false, error: `${shaping} does not apply with --follow-up (it reads the plan in effect; only --as-of and --factors apply)` };
  }
  return build(positional, values, discontinue, agreed, followUp);
}

function build(positional: string[], values: Map<string, string[]>, discontinue: boolean, agreed: boolean, followUp: boolean): ParseArgsResult {
  const one = (flag: string): string | undefined => values.get(flag)?.at(-1);
  const bundlePath = positional[0];
  const patientId = one("--patient");
  if (bundlePath === undefined || positional.length > 1) return { ok: false, error: "give exactly one bundle file" };
  if (patientId === undefined || patientId === "") return { ok: false, error: "--patient <id> is required" };
  if (discontinue && one("--target-mme") !== undefined) return { ok: false, error: "--target-mme and --discontinue are exclusive" };
  const author = one("--author");
  if (author !== undefined && !AUTHOR.test(author)) return { ok: false, error: `--author must be Practitioner/<id> or PractitionerRole/<id> (got "${author}")` };
  if (author !== undefined && !agreed) return { ok: false, error: "--author is the practitioner who agreed the plan: give it with --agreed" };
  const args: PlanArgs = { bundlePath, patientId, format: "schedule", lang: "en", factorTableId: "cdc-2022", pauses: [], actualUse: {}, gateDecisions: [], agreed, followUp, ...(author !== undefined ? { author } : {}) };
  const steps: Array<string | null> = [
    setNumber(one("--rate"), "--rate", (n) => { args.ratePercent = n; }),
    setNumber(one("--target-mme"), "--target-mme", (n) => { args.target = { kind: "mme", mmePerDay: n }; }),
    setInterval(one("--every"), args),
    setChoice(one("--basis"), "--basis", ["original", "current", "two-phase"] as const, (v) => { args.basis = v; }),
    setChoice(one("--format"), "--format", ["schedule", "careplan", "handout"] as const, (v) => { args.format = v; }),
    setChoice(one("--lang"), "--lang", ["en", "es"] as const, (v) => { args.lang = v; }),
    one("--lang") !== undefined && one("--format") !== "handout" ? "--lang applies to --format handout only" : null,
    setChoice(one("--factors"), "--factors", ["cdc-2022", "cdc-2016"] as const, (v) => { args.factorTableId = v; }),
    setDate(one("--start"), "--start", (d) => { args.startDate = d; }),
    setDate(one("--as-of"), "--as-of", (d) => { args.asOf = d; }),
    setPauses(values.get("--pause") ?? [], args),
    setActualUse(values.get("--actual-use") ?? [], args),
    setDecisions(values.get("--override") ?? [], values.get("--confirm") ?? [], args),
    setChoice(one("--duration"), "--duration", ["one-year-or-more", "less-than-a-year", "unknown"] as const, (v) => { args.duration = v; }),
    setChoice(one("--er-at-lowest"), "--er-at-lowest", ["switch-to-ir", "stop"] as const, (v) => { args.erAtLowest = v; }),
  ];
  const error = steps.find((e) => e !== null);
  if (error !== undefined && error !== null) return { ok: false, error };
  if (discontinue) args.target = { kind: "discontinue" };
  const rapid = one("--rapid-reason");
  if (rapid !== undefined) args.rapidReason = rapid;
  const methadone = one("--methadone-faster");
  if (methadone !== undefined) args.methadoneFasterReason = methadone;
  return { ok: true, args };
}

function setNumber(raw: string | undefined, flag: string, set: (n: number) => void): string | null {
  if (raw === undefined) return null;
  const n = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(n)) return `${flag} must be a number (got "${raw}")`;
  set(n);
  return null;
}

function setChoice<T extends string>(raw: string | undefined, flag: string, choices: readonly T[], set: (v: T) => void): string | null {
  if (raw === undefined) return null;
  const match = choices.find((c) => c === raw);
  if (match === undefined) return `${flag} must be one of ${choices.join(", ")} (got "${raw}")`;
  set(match);
  return null;
}

function setDate(raw: string | undefined, flag: string, set: (d: string) => void): string | null {
  if (raw === undefined) return null;
  if (!DATE.test(raw)) return `${flag} must be a date YYYY-MM-DD (got "${raw}")`;
  set(raw);
  return null;
}

function setInterval(raw: string | undefined, args: PlanArgs): string | null {
  if (raw === undefined) return null;
  if (raw === "week" || raw === "month" || raw === "day") { args.interval = { unit: raw, count: 1 }; return null; }
  const m = /^(\d+)(d|w|m)$/.exec(raw);
  if (m === null) return `--every must be week, month, or <N>d / <N>w / <N>m (got "${raw}")`;
  const unit = m[2] === "d" ? "day" : m[2] === "w" ? "week" : "month";
  args.interval = { unit, count: Number(m[1]) };
  return null;
}

function setPauses(raws: string[], args: PlanArgs): string | null {
  for (const raw of raws) {
    const m = /^(\d+):(\d+)$/.exec(raw);
    if (m === null) return `--pause must be <step>:<intervals>, e.g. 3:2 (got "${raw}")`;
    args.pauses.push({ atStep: Number(m[1]), intervals: Number(m[2]) });
  }
  return null;
}

/** `--actual-use abc:3` or `--actual-use MedicationRequest/abc:3`: whole doses a day, 0 or more. */
function setActualUse(raws: string[], args: PlanArgs): string | null {
  for (const raw of raws) {
    const m = /^(.+):(\d+)$/.exec(raw);
    if (m === null || m[1] === undefined || m[2] === undefined) return `--actual-use must be <order id>:<whole doses per day>, e.g. abc:3 (got "${raw}")`;
    const ref = m[1].startsWith("MedicationRequest/") ? m[1] : `MedicationRequest/${m[1]}`;
    args.actualUse[ref] = Number(m[2]);
  }
  return null;
}

/** `--override caution.oud:<reason>` (a reason is required) and `--confirm <finding id>`. */
function setDecisions(overrides: string[], confirms: string[], args: PlanArgs): string | null {
  for (const raw of overrides) {
    const at = raw.indexOf(":");
    const id = at < 0 ? "" : raw.slice(0, at).trim();
    const reason = at < 0 ? "" : raw.slice(at + 1).trim();
    const findingId = FINDING_IDS.find((f) => f === id);
    if (findingId === undefined || reason === "") return `--override must be <finding id>:<reason>, with a known finding id (e.g. caution.oud) and a reason (got "${raw}")`;
    args.gateDecisions.push({ findingId, kind: "override", reason });
  }
  for (const raw of confirms) {
    const findingId = FINDING_IDS.find((f) => f === raw.trim());
    if (findingId === undefined) return `--confirm needs a known finding id (got "${raw}")`;
    args.gateDecisions.push({ findingId, kind: "confirmed", reason: "" });
  }
  return null;
}
