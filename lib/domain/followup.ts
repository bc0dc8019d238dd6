/**
 * Follow-up visits (issue "Follow-up visits"): the taper plan in effect, read back from the
 * CarePlans this app wrote, where the patient is on it, and revisions of it.
 * Sources: CDC 2022 draft l.2414-2415 (follow up at least monthly), l.2425-2430 (slow or
 * pause; do not reverse without review), l.2466-2498 (risks of faster tapers, Agnoli 2021),
 * l.2439-2441 (tolerance lost within about a week); docs/clinical-sources.md section 7.4.
 */
import type { IsoDate, IsoDateTime, ResourceRef } from "./common";
import type { CompletenessState } from "./mme";
import type { TaperBasis, TaperInterval, TaperStepKind, TaperTarget } from "./taper";

/** One step of a saved plan, as read back from its CarePlan. */
export interface PlannedStep {
  /** 0 = the starting regimen. */
  index: number;
  start: IsoDate;
  /** Exclusive end (the next step's start); for the last step, the day after its last day, or null when not stated. */
  end: IsoDate | null;
  /** Total planned MME/day of the step (all products). */
  plannedMmePerDay: number;
  /** Null when the CarePlan does not say (plans written before the kind was recorded). */
  kind: TaperStepKind | null;
}

/** The rate a saved plan was made with, when the CarePlan says it. */
export interface SavedTaperRate {
  ratePercent: number;
  interval: TaperInterval;
  basis: TaperBasis;
  target: TaperTarget;
  /** The safety-driven rapid-taper reason the plan was made with, if any. */
  rapidTaperReason: string | null;
}

/** The four revisions of a plan in effect (issue "Follow-up visits", item 4). */
export type RevisionKind = "pause" | "slow" | "resume" | "stop";
export const REVISION_KINDS: readonly RevisionKind[] = ["pause", "slow", "resume", "stop"];

/** What a revision CarePlan records about itself (besides `replaces`). */
export interface RevisionRecord {
  kind: RevisionKind;
  /** The clinician's reason, in words (required). */
  reason: string;
  /** For a pause: the number of intervals the dose is held. */
  pauseIntervals: number | null;
}

/**
 * Where the staircase of a saved plan came from:
 * - `structured`: the machine-readable step extensions (lib/careplan/extensions.ts);
 * - `text`: the activity descriptions only (plans written before the extensions existed);
 * - `structured+text`: both, and they agree.
 */
export type StaircaseSource = "structured" | "text" | "structured+text";

export type StaircaseReading =
  | { ok: true; steps: PlannedStep[]; source: StaircaseSource }
  | { ok: false; reason: string };

/** A taper CarePlan this app wrote, read back. */
export interface SavedTaperPlan {
  /** `CarePlan/<id>` (or the identifier value when the server gave no id). */
  reference: ResourceRef;
  /** The conditional-create identifier value (`urn:uuid:...`). */
  identifier: string;
  /** CarePlan.status as written. */
  fhirStatus: string;
  intent: string | null;
  created: IsoDateTime | null;
  title: string | null;
  /** `replaces` references, as written (relative, absolute or versioned). */
  replaces: ResourceRef[];
  /** Present on a revision. */
  revision: RevisionRecord | null;
  /** Null when the CarePlan does not state its rate in a form this app can read. */
  rate: SavedTaperRate | null;
  staircase: StaircaseReading;
  /** `profile`: declares a meta.profile; `legacy`: written before profiles were declared. */
  form: "profile" | "legacy";
}

/** A CarePlan that is not taken as a plan of this app, and why (shown, never silently dropped). */
export interface IgnoredCarePlan {
  reference: ResourceRef;
  reason: "not-this-app" | "entered-in-error" | "unreadable";
  sentence: string;
}

export type FollowUpStatus =
  | "on-track"
  | "faster-than-planned"
  | "slower-than-planned"
  | "paused"
  | "above-start"
  | "unknown"
  | "no-plan";

/** How the status is to be shown: `prominent` (above-start), `caution` (faster), `neutral` (slower, paused), `ok`, `info`. */
export type FollowUpTone = "prominent" | "caution" | "neutral" | "ok" | "info";

/** One CarePlan of the chain that ends at the plan in effect, newest first. */
export interface ChainLink {
  reference: ResourceRef;
  created: IsoDateTime | null;
  fhirStatus: string;
  revision: RevisionRecord | null;
  /** First step's start date, when the staircase was readable. */
  start: IsoDate | null;
  startMmePerDay: number | null;
}

/** The tolerance used to compare the current MME/day with a planned one. */
export interface FollowUpTolerance {
  /** Half-width of the band around a planned level, MME/day (at the step due). */
  mmePerDay: number;
  /** The rule in words, e.g. "5 % of the planned dose, at least 1 MME/day". */
  sentence: string;
}

export interface FollowUpResult {
  asOf: IsoDate;
  status: FollowUpStatus;
  tone: FollowUpTone;
  /** The plan in effect (`CarePlan/<id>`), null with `no-plan` (and when none could be chosen). */
  carePlan: ResourceRef | null;
  /** The plan in effect first, then each plan it replaced. */
  chain: ChainLink[];
  /** Index of the step due at `asOf` (0 = the starting regimen); null without a readable plan. */
  stepDue: number | null;
  stepDueStart: IsoDate | null;
  plannedMmePerDay: number | null;
  /** The plan in effect's starting MME/day. */
  startMmePerDay: number | null;
  /** From the orders (lib/mme): a floor when incomplete, null when unknown. */
  currentMmePerDay: number | null;
  currentState: CompletenessState;
  currentComplete: boolean;
  tolerance: FollowUpTolerance | null;
  /** With `paused`: the step whose dose the patient is held at. */
  heldAtStep: number | null;
  /** One sentence for a card or a status line. */
  summary: string;
  /** Sentences: why this status, the evidence, what to consider. */
  reasons: string[];
  /** With `faster-than-planned`: the question to the clinician. */
  question: string | null;
  /** CarePlans found but not taken as plans of this app (another app's plan, entered in error, unreadable). */
  ignored: IgnoredCarePlan[];
}
