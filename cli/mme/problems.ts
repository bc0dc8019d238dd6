/**
 * Input the `mme` command could not read or attribute, said three ways so no order is lost
 * silently (issue 13 item 6): on every patient it could belong to (an incomplete result with
 * the file and line in `incompleteReasons`), as a warning on stderr, and as exit code 3
 * (README, "The mme command"). Lines of a known patient that are not JSON are said on that
 * patient by the engine (a not-computable order) and warned about the same way.
 */
import type { UnassignedResource } from "@/cli/shared/read";
import type { InputProblems } from "./patient";

/** Exit code when the run completed but some input could not be read (README). */
export const EXIT_UNREADABLE_INPUT = 3;

/** How many lines a sentence or warning names before it says "and N more". */
const NAMED = 3;
const WARNED = 10;

function describe(u: UnassignedResource): string {
  return `${u.origin} (${u.issues.join("; ")})`;
}

function listed(items: readonly UnassignedResource[]): string {
  const named = items.slice(0, NAMED).map(describe).join(", ");
  return items.length > NAMED ? `${named}, and ${items.length - NAMED} more (see "unassigned")` : named;
}

const lines = (n: number): string => `${n} input ${n === 1 ? "line" : "lines"}`;

/** The sentences each patient gets for the input that could not be attributed. */
export function inputProblems(unassigned: readonly UnassignedResource[]): InputProblems {
  const every = unassigned.filter((u) => u.affects === "every-patient");
  const medications = unassigned.filter((u) => u.affects === "unresolved-medication");
  return {
    everyPatient: every.length === 0 ? [] : [`${lines(every.length)} could not be attributed to a patient and may hold an order of this one: ${listed(every)}`],
    unresolvedMedication: medications.length === 0 ? [] : [`an order names a Medication the input does not hold, and ${lines(medications.length)} of Medications could not be read: ${listed(medications)}`],
  };
}

/** The warning lines for stderr (empty when all input was read). */
export function warnings(unassigned: readonly UnassignedResource[], unreadableLines: ReadonlyArray<{ line: string; patient: string }>): string[] {
  const out: string[] = [];
  const every = unassigned.filter((u) => u.affects === "every-patient").length;
  for (const u of unassigned.slice(0, WARNED)) {
    const who = u.affects === "every-patient" ? "its patient cannot be told: every patient is marked incomplete"
      : u.affects === "unresolved-medication" ? "patients whose orders name a Medication the input lacks are marked incomplete"
      : "no order is lost";
    out.push(`mme: warning: ${describe(u)}: ${who}`);
  }
  if (unassigned.length > WARNED) out.push(`mme: warning: and ${unassigned.length - WARNED} more lines that could not be attributed (see "unassigned" in the output)${every > 0 ? "; every patient is marked incomplete" : ""}`);
  for (const u of unreadableLines.slice(0, WARNED)) out.push(`mme: warning: ${u.line}: ${u.patient} is marked incomplete`);
  if (unreadableLines.length > WARNED) out.push(`mme: warning: and ${unreadableLines.length - WARNED} more lines that could not be read (their patients are marked incomplete)`);
  return out;
}
