/**
 * A scenario patient: its FHIR record (built relative to the sandbox's start day) and what the
 * app must show for it. One source for the launcher, the e2e tests and docs/qa.md.
 */
import type { FindingId } from "@/lib/domain";
import type { Clock } from "./builders";

export interface ScenarioExpectation {
  /** Total MME/day computed by hand with the CDC 2022 factors (a floor when incomplete). */
  mmePerDay: number;
  completeness: "complete" | "incomplete" | "unknown";
  /** The arithmetic for every counted order (CDC 2022 clinical table, clinical-sources.md section 2). */
  arithmetic: string[];
  /** Orders in the record that must not be counted, and why. */
  notCounted: string[];
  /** What the readiness review must bring up. */
  keyFindings: string[];
  /** lib/taper readiness finding ids that must be `present`, and ids that must not be. */
  findingIds: { present: FindingId[]; absent: FindingId[] };
  /** A readiness gate holds the plan (`blocks`): no schedule is proposed, a refusal says why. */
  planHeld?: boolean;
  /** A sensible default plan (HHS 2019 / CDC 2022 Rec 5). */
  defaultPlan: string;
}

export interface Scenario {
  /** Patient.id (stable; every resource id of the scenario starts with it). */
  id: string;
  name: string;
  /** One line for the launcher and the authorize page. */
  summary: string;
  expected: ScenarioExpectation;
  /** Written by `npm run sandbox:bundle` for the public sandbox (not the malformed or heavy records). */
  publicBundle: boolean;
  /** The record. FHIR R4 resources; deliberately malformed ones are plain JSON. */
  build(clock: Clock): unknown[];
}

export const PRACTITIONER_PRIMARY = "otp-dr-prescott";
export const PRACTITIONER_PAIN = "otp-dr-okafor";
