/**
 * Renders the plan document as plain text, for "copy as text" into a clinical note
 * (EHR note fields take text, not HTML). Same content as the narrative.
 */
import type { TaperPlan } from "@/lib/domain";
import type { Block, Cell, PlanDocument } from "./document";
import { buildPlanDocument } from "./document";
import type { CarePlanContext } from "./types";

function cellText(cell: Cell): string {
  return typeof cell === "string" ? cell : cell.join("; ");
}

function blockText(block: Block): string[] {
  switch (block.kind) {
    case "paragraph":
      return [block.text];
    case "list":
      return block.items.map((i) => `- ${i}`);
    case "table":
      return [
        `${block.caption}:`,
        block.head.join(" | "),
        ...block.rows.map((r) => r.map(cellText).join(" | ")),
      ];
  }
}

export function renderPlainText(doc: PlanDocument): string {
  const lines = [doc.title.toUpperCase(), "", ...doc.summary];
  for (const section of doc.sections) {
    lines.push("", section.heading, "-".repeat(section.heading.length));
    for (const block of section.blocks) lines.push(...blockText(block));
  }
  return `${lines.join("\n")}\n`;
}

/**
 * The proposal as plain text, for pasting into a note. Same inputs and content as the
 * CarePlan narrative (buildCarePlan's `text.div`). The patient handout is separate (UI).
 */
export function carePlanAsText(plan: TaperPlan, context: CarePlanContext): string {
  return renderPlainText(buildPlanDocument(plan, context));
}
