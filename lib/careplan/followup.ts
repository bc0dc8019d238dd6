/**
 * One call for every consumer (the app, the `plan --follow-up` command, the CDS service's
 * patient-view card): the patient's CarePlans and the MME of the current orders -> where the
 * patient is on the taper plan in effect. Pure: `asOf` is given.
 */
import type { CarePlan } from "fhir/r4";
import type { FollowUpResult, IsoDate, MmeResult } from "@/lib/domain";
import { assessFollowUp } from "@/lib/taper/followup";
import { readTaperCarePlans } from "./read";

export function followUpFromCarePlans(carePlans: readonly CarePlan[], mme: MmeResult, asOf: IsoDate): FollowUpResult {
  const { plans, ignored } = readTaperCarePlans(carePlans);
  return assessFollowUp({ plans, ignored, mme, asOf });
}
