/**
 * The scenario patients written for this project: one list for the sandbox, the launcher,
 * the e2e tests and docs/qa.md. Ids are stable; dates are relative to the sandbox's start day.
 */
import { clockFor, type Clock } from "./builders";
import { buprenorphineOud } from "./buprenorphine-oud";
import { deceased } from "./deceased";
import { depressionPhq9 } from "./depression-phq9";
import { fentanylHydrocodone } from "./fentanyl-hydrocodone";
import { heavyRecord } from "./heavy-record";
import { malformed } from "./malformed";
import { methadone } from "./methadone";
import { noOpioids } from "./no-opioids";
import { oxycodoneBenzo } from "./oxycodone-benzo";
import { practitioners } from "./practitioners";
import { pregnancy } from "./pregnancy";
import { recentStart } from "./recent-start";
import { syntheaQuirks } from "./synthea-quirks";
import { tramadolLow } from "./tramadol-low";
import type { Scenario } from "./types";

export type { Scenario, ScenarioExpectation } from "./types";
export { PRACTITIONER_PAIN, PRACTITIONER_PRIMARY } from "./types";
export { clockFor, SANDBOX_TAG, type Clock } from "./builders";

export const SCENARIOS: readonly Scenario[] = [
  oxycodoneBenzo,
  fentanylHydrocodone,
  methadone,
  tramadolLow,
  buprenorphineOud,
  recentStart,
  pregnancy,
  depressionPhq9,
  syntheaQuirks,
  heavyRecord,
  malformed,
  noOpioids,
  deceased,
];

/** The scenario whose Patient.id is `id`, or null (patients from SANDBOX_DATA). */
export function scenarioById(id: string): Scenario | null {
  return SCENARIOS.find((s) => s.id === id) ?? null;
}

/** Every resource of the given scenarios (default: all) plus the practitioners, dated from `clock`. */
export function buildScenarioResources(clock: Clock, scenarios: readonly Scenario[] = SCENARIOS): unknown[] {
  return [...practitioners(), ...scenarios.flatMap((s) => s.build(clock))];
}

/** Convenience for callers holding a Date. */
export function buildAll(day: Date): unknown[] {
  return buildScenarioResources(clockFor(day));
}
