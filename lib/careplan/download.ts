/**
 * What the UI needs when a write fails or the clinician wants a copy: the CarePlan as a
 * JSON file (exactly what would be written) and the narrative as a printable XHTML page.
 */
import type { CarePlan } from "fhir/r4";
import { XHTML_NAMESPACE, escapeXml } from "./xhtml";

export interface CarePlanDownload {
  fileName: string;
  mimeType: "application/fhir+json";
  text: string;
}

/** `careplan-<uuid>.json`, pretty-printed, with a final newline. */
export function carePlanJsonForDownload(carePlan: CarePlan): CarePlanDownload {
  const value = carePlan.identifier?.[0]?.value ?? "";
  const id = value.replace(/^urn:uuid:/, "").replace(/[^A-Za-z0-9-]/g, "");
  return {
    fileName: `careplan-${id === "" ? "proposal" : id}.json`,
    mimeType: "application/fhir+json",
    text: `${JSON.stringify(carePlan, null, 2)}\n`,
  };
}

/**
 * A standalone XHTML document wrapping the CarePlan narrative (the same `div` that is
 * written to the chart), for printing. Null when the CarePlan has no narrative.
 */
export function carePlanPrintDocument(carePlan: CarePlan): string | null {
  const div = carePlan.text?.div;
  if (div === undefined || div === "") return null;
  const title = escapeXml(carePlan.title ?? "Opioid taper proposal");
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<html xmlns="${XHTML_NAMESPACE}"><head><meta charset="UTF-8"/>` +
    `<title>${title}</title></head><body>${div}</body></html>\n`
  );
}
