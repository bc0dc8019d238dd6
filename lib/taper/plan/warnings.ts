/** Plan warnings: methadone and fentanyl patch cautions, rapid tapers, how the plan starts, and plans that stop short. */
import type { PlanWarning, TaperOptions } from "@/lib/domain";
import type { TaperEngineConfig } from "../config";
import { fmt } from "../format";
import type { Regimen } from "../regimen";
import type { StartUse } from "./actual-use";
import type { ProductLadder } from "./ladder";
import { isMarketed } from "./marketed";
import type { ScheduleResult } from "./schedule";
import { intervalDays } from "./validate";

/** Product-specific cautions (CDC 2022 draft l.5673-5692): methadone, transdermal fentanyl. */
export function productWarnings(ladders: ProductLadder[], options: TaperOptions, config: TaperEngineConfig): PlanWarning[] {
  const out: PlanWarning[] = [];
  if (ladders.some((l) => l.methadone)) {
    out.push({
      code: "taper.methadone",
      message: `Methadone: long and variable half-life; peak respiratory depression comes later and lasts longer than pain relief, and the effect of a dose change builds up over days. Changes at most every ${config.methadoneMinDaysBetweenChanges} days; watch for sedation and QT-prolonging drugs (CDC 2022 draft l.5673-5692).`,
    });
    if (options.methadoneFaster !== null && intervalDays(options.interval, config) < config.methadoneMinDaysBetweenChanges) {
      out.push({
        code: "taper.methadone-faster",
        message: `Methadone changes more often than every ${config.methadoneMinDaysBetweenChanges} days, by the clinician's explicit choice: ${options.methadoneFaster.reason.trim()}. The effect of each change builds up over several days (long, variable half-life): the next change may come before the last one is felt; watch closely for withdrawal and for sedation (CDC 2022 draft l.5673-5692).`,
      });
    }
  }
  if (ladders.some((l) => l.kind === "patch")) {
    out.push({
      code: "taper.fentanyl-patch",
      message: "Fentanyl patch: doses are in mcg/h and change only when the patch is changed (every 72 hours); absorption rises with heat (fever, heating pads, hot baths). The smallest patch (12 mcg/h, about 29 MME/day) cannot be spaced out: it is kept longer before it is removed, or the last steps are switched to an oral opioid with a pharmacist (CDC 2022 draft l.5673-5692).",
    });
  }
  return out;
}

/** How the plan starts: as-needed products from actual use, products whose strength is not in the marketed table, ladder remarks. */
export function startWarnings(ladders: ProductLadder[], use: StartUse, regimen: Regimen): PlanWarning[] {
  const out: PlanWarning[] = [];
  for (const { item, use: u } of use.uses) {
    const ladder = ladders.find((l) => l.item === item);
    const startMme = ladder?.states[0]?.mmePerDay;
    if (startMme === undefined || u.dosesPerDay === 0) continue;
    out.push({
      code: "taper.prn-actual-use",
      message: `${item.product.name} is ordered as needed (up to ${fmt(item.administrationsPerDay, 2)} a day, ${fmt(item.mmePerDay)} MME/day at the most the order allows). The plan starts from actual use, ${u.dosesPerDay} a day (${fmt(startMme)} MME/day), ${u.source === "entered" ? "as entered by the clinician" : `prefilled from the order: ${u.detail}`}.`,
    });
  }
  for (const ladder of ladders) {
    for (const unit of ladder.item.startUnits?.map((u) => u.product) ?? [ladder.item.product]) {
      if (!isMarketed(unit)) {
        out.push({ code: "taper.current-not-marketed", message: `${unit.name} is not a strength the CDC NDC compilation lists as marketed; check the order. Later doses are made of marketed strengths only.` });
      }
    }
    out.push(...ladder.notes.map((message) => ({ code: "taper.er-no-switch", message })));
  }
  if (regimen.oudTreatment.length > 0) {
    out.push({ code: "taper.oud-treatment-continues", message: `${regimen.oudTreatment.map((o) => o.display).join("; ")}: medication for opioid use disorder continues unchanged and is not part of this plan.` });
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

/** Warnings on how the schedule ended: step limit, target not reached, pauses never reached. */
export function outcomeWarnings(_ladders: ProductLadder[], result: ScheduleResult, targetMme: number, finalMme: number): PlanWarning[] {
  const out: PlanWarning[] = [];
  if (result.hitStepLimit) {
    out.push({ code: "taper.step-limit", message: `The plan was cut at ${result.steps.length} steps before reaching the target; choose a faster (still guideline) rate or a higher target, or review in a few months.` });
  } else if (!result.reachedTarget) {
    out.push({ code: "taper.target-not-reached", message: `The plan ends at ${fmt(finalMme)} MME/day, above the target of ${fmt(targetMme)} MME/day.` });
  }
  if (result.unappliedPauses.length > 0) {
    out.push({ code: "taper.pause-not-applied", message: `A pause was set at a step the plan never reaches (steps ${result.unappliedPauses.map((p) => p.atStep).join(", ")}); it was not applied.` });
  }
  return out;
}
