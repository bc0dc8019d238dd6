/**
 * docs/qa.md and the scenario list stay one source: every scenario patient appears in the
 * manual QA plan with its id, its expected MME total and its arithmetic.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SCENARIOS } from "@/sandbox/scenarios";

const doc = readFileSync("docs/qa.md", "utf8");

describe("docs/qa.md", () => {
  it.each(SCENARIOS.map((s) => [s.name, s] as const))("lists %s with its id, MME total and arithmetic", (_name, s) => {
    const prefix = s.expected.completeness === "incomplete" ? "at least " : "";
    expect(doc).toContain(`| ${s.name} (\`${s.id}\`) | ${s.summary} | ${prefix}${s.expected.mmePerDay} | ${s.expected.completeness} |`);
    expect(doc).toContain(`**MME: ${prefix}${s.expected.mmePerDay} MME/day, ${s.expected.completeness}.**`);
    for (const line of s.expected.arithmetic) expect(doc).toContain(line);
    expect(doc).toContain(s.expected.defaultPlan);
  });

  it("covers the twelve public-sandbox Synthea patients by id", () => {
    for (const id of ["87a339d0-8cae-418e-89c7-8651e6aab3c6", "9efca32a-04f9-438a-990c-a287e8b62aac", "326b4675-0bc8-4dbd-b406-a5564c282401"]) expect(doc).toContain(id);
    expect(doc.match(/\| `[0-9a-f-]{36}` \|/g)).toHaveLength(12);
  });
});
