/** Plan warnings: the specific cautions of methadone and fentanyl patches, rapid tapers, and plans that stop short. */
import type { PlanWarning, TaperOptions } from "@/lib/domain";
import { fmt } from "../format";
import type { ProductLadder } from "./ladder";
import type { ScheduleResult } from "./schedule";

/** Product-specific cautions (CDC 2022 draft l.5673-5692): methadone, transdermal fentanyl. */
export function productWarnings(ladders: ProductLadder[]): PlanWarning[] {
  const out: PlanWarning[] = [];
  if (ladders.some((l) => l.item.product.ingredients[0]?.ingredient === "methadone")) {
    out.push({
      code: "taper.methadone",
      message: "Methadone: long and variable half-life; peak respiratory depression comes later and lasts longer than pain relief, and the effect of a dose change builds up over days. Reduce slowly, do not shorten the intervals between reductions, and watch for sedation and QT-prolonging drugs (CDC 2022 draft l.5673-5692).",
    });
  }
  if (ladders.some((l) => l.kind === "patch")) {
    out.push({
      code: "taper.fentanyl-patch",
      message: "Fentanyl patch: doses are in mcg/h and change only when the patch is changed (every 72 hours); absorption rises with heat (fever, heating pads, hot baths). The smallest patch (12 mcg/h, about 29 MME/day) cannot be spaced out: the last steps usually need a switch to an oral opioid, planned with a pharmacist (CDC 2022 draft l.5673-5692).",
    });
  }
  return out;
}

/** The warning carried by a safety-driven rapid taper, with the clinician's reason. */
export function rapidWarning(options: TaperOptions): PlanWarning[] {
  if (options.rapidTaper === null) return [];
  return [{
    code: "taper.rapid-taper",
    message: `Safety-driven rapid taper: ${options.rapidTaper.reason.trim()}. Rapid tapers carry risks of withdrawal, worse pain, mental-health crisis, suicide and overdose; follow up closely and offer naloxone and treatment for opioid use disorder when indicated (CDC 2022 draft l.2466-2498, 2650-2659).`,
  }];
}

/** Warnings on how the schedule ended: step limit, target not reached (patch floor), pauses never reached. */
export function outcomeWarnings(ladders: ProductLadder[], result: ScheduleResult, targetMme: number, finalMme: number): PlanWarning[] {
  const out: PlanWarning[] = [];
  if (result.hitStepLimit) {
    out.push({ code: "taper.step-limit", message: `The plan was cut at ${result.steps.length} steps before reaching the target; choose a faster (still guideline) rate or a higher target, or review in a few months.` });
  } else if (!result.reachedTarget) {
    const floors = ladders.filter((l) => l.kind === "patch").map((l) => l.item.product.name);
    out.push({
      code: floors.length > 0 ? "taper.patch-floor" : "taper.target-not-reached",
      message: `The plan ends at ${fmt(finalMme)} MME/day, above the target of ${fmt(targetMme)} MME/day${floors.length > 0 ? `: the smallest fentanyl patch cannot be reduced or spaced out by this tool (${floors.join(", ")}). Plan the last steps (usually a switch to an oral opioid) with a pharmacist` : ""}.`,
    });
  }
  if (result.unappliedPauses.length > 0) {
    out.push({ code: "taper.pause-not-applied", message: `A pause was set at a step the plan never reaches (steps ${result.unappliedPauses.map((p) => p.atStep).join(", ")}); it was not applied.` });
  }
  return out;
}
