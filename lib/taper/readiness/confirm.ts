/**
 * What the clinician must confirm with the patient: it cannot be read from the chart, so
 * each item is `unknown` until confirmed in the UI, and the confirmations are recorded in
 * the CarePlan (CDC 2022 draft l.2407-2415, 2439-2441, 2564-2603, 2675-2681; Rec 8, Rec 12).
 */
import type { Citation, ConfirmationId, Finding, FindingOf } from "@/lib/domain";
import { CONFIRMATION_IDS } from "@/lib/domain";
import { CITE, HHS_2019 } from "../citations";

const ITEMS: Record<ConfirmationId, { title: string; sentence: string; citations: Citation[] }> = {
  "confirm.patient-agrees": {
    title: "Patient informed and agrees",
    sentence: "Discuss the benefits and risks of continuing and of tapering; the patient's agreement is likely key to success. Without imminent risk, the taper need not start today: take time to obtain buy-in.",
    citations: [CITE.buyIn, CITE.counsel, HHS_2019],
  },
  "confirm.goals-agreed": {
    title: "Goals agreed",
    sentence: "Agree the goal (a lower dose or stopping), which opioid is reduced first, and how fast; maximize non-opioid and non-drug treatments before and during the taper.",
    citations: [CITE.goals, CITE.buyIn],
  },
  "confirm.oud-assessed": {
    title: "Opioid use disorder assessed",
    sentence: "Assess for opioid use disorder with DSM-5 criteria; if met, offer buprenorphine or methadone and naloxone rather than a taper.",
    citations: [CITE.oud, CITE.oudRec12],
  },
  "confirm.naloxone-offered": {
    title: "Naloxone offered",
    sentence: "Offer naloxone and overdose education to the patient and household: tolerance is lost within about a week of a lower dose.",
    citations: [CITE.naloxone, CITE.toleranceLoss],
  },
  "confirm.follow-up-arranged": {
    title: "Follow-up arranged",
    sentence: "Arrange follow-up at least monthly during the taper (weekly contact worked best in studies), and say how to reach the team if withdrawal or mood worsen.",
    citations: [CITE.followUp],
  },
};

/** The five confirmation items, `to-confirm` (status unknown) until the clinician confirms them. */
export function confirmationFindings(): Finding[] {
  return CONFIRMATION_IDS.map(<Id extends ConfirmationId>(id: Id): FindingOf<Id> => {
    const item = ITEMS[id];
    return {
      id, outcome: "to-confirm" as const, category: "confirm" as const, status: "unknown" as const, label: item.title, title: item.title,
      sentence: item.sentence, evidence: [], citations: item.citations, planEffect: { kind: "informs" as const },
    };
  });
}
