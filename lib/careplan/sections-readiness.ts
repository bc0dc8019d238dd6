/**
 * Readiness findings (HHS 2019, CDC 2022 Rec 5: reasons, cautions, what to confirm) and
 * the clinician's confirmations, as recorded in the CarePlan. Unknown findings stay
 * visible as unknown: missing data is never shown as "no problem".
 */
import type { ConfirmationId, Confirmations, Finding, FindingCategory, FindingStatus, ReadinessResult } from "@/lib/domain";
import { CONFIRMATION_IDS } from "@/lib/domain";
import type { Block, Cell, Section } from "./document";

const CATEGORY_LABELS: Record<FindingCategory, string> = {
  reason: "Reason to consider tapering",
  context: "Context for the plan",
  caution: "Caution",
  confirm: "To confirm with the patient",
};

const STATUS_LABELS: Record<FindingStatus, string> = {
  present: "present",
  "not-found": "not found in the record",
  unknown: "unknown (could not be checked)",
};

export const CONFIRMATION_LABELS: Record<ConfirmationId, string> = {
  "confirm.patient-agrees": "The patient agrees to the taper",
  "confirm.goals-agreed": "Goals of the taper agreed with the patient",
  "confirm.oud-assessed": "Opioid use disorder assessed",
  "confirm.naloxone-offered": "Naloxone offered",
  "confirm.follow-up-arranged": "Follow-up arranged",
};

function evidenceLines(f: Finding): string[] {
  return f.evidence.map((e) =>
    [e.label, e.value, e.date].filter((x): x is string => typeof x === "string" && x !== "").join(", "),
  );
}

function findingRow(f: Finding): Cell[] {
  const citations = f.citations.map((c) => `${c.source} ${c.section}`).join("; ");
  return [
    CATEGORY_LABELS[f.category],
    STATUS_LABELS[f.status],
    [f.title, f.sentence, ...(citations === "" ? [] : [`Source: ${citations}`])],
    evidenceLines(f).length > 0 ? evidenceLines(f) : "-",
  ];
}

/** "Naloxone offered: confirmed" / "not confirmed". */
export function confirmationLines(confirmations: Confirmations): string[] {
  return CONFIRMATION_IDS.map(
    (id) => `${CONFIRMATION_LABELS[id]}: ${confirmations.checked[id] === true ? "confirmed" : "not confirmed"}`,
  );
}

export function readinessSection(readiness: ReadinessResult): Section {
  const blocks: Block[] = [
    readiness.findings.length > 0
      ? {
          kind: "table",
          caption: `Readiness findings as of ${readiness.asOf}`,
          head: ["Kind", "Status", "Finding", "Evidence"],
          rows: readiness.findings.map(findingRow),
        }
      : { kind: "paragraph", text: `No readiness findings as of ${readiness.asOf}.` },
  ];
  if (readiness.unavailable.length > 0) {
    blocks.push({ kind: "paragraph", text: "Could not be checked:" }, { kind: "list", items: readiness.unavailable });
  }
  return { heading: "Readiness", blocks };
}

export function confirmationsSection(confirmations: Confirmations): Section {
  const items = [
    ...confirmationLines(confirmations),
    `First follow-up date agreed: ${confirmations.followUpDate ?? "not set"}`,
  ];
  const blocks: Block[] = [{ kind: "list", items }];
  if (confirmations.note !== undefined && confirmations.note.trim() !== "") {
    blocks.push({ kind: "paragraph", text: `Clinician's note: ${confirmations.note}` });
  }
  return { heading: "Clinician's confirmations", blocks };
}
