/**
 * The boundaries ESLint enforces (eslint.config.mjs; docs/architecture.md "The one-way rule"), checked
 * on sample source text linted as if it lived in each place: a change to the config that drops a rule
 * fails here, not in review.
 */
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

describe("import boundaries", () => {
  it.each([
    ["app/_components/Example.tsx", 'import { mmeTimeline } from "@/lib/mme/timeline";\nexport const x = mmeTimeline;\n'],
    ["app/_components/Example.tsx", 'import { productByRxnorm } from "@/lib/mme/catalog";\nexport const x = productByRxnorm;\n'],
    ["app/_components/Example.tsx", 'import { hasCode } from "@/lib/taper/readiness/fhir";\nexport const x = hasCode;\n'],
    ["app/_components/Example.tsx", 'import { buildActivities } from "@/lib/careplan/activities";\nexport const x = buildActivities;\n'],
    ["lib/hooks/useExample.ts", 'import { needsNdcLookup } from "@/lib/mme/ndc/needs";\nexport const x = needsNdcLookup;\n'],
    ["lib/hooks/useExample.ts", 'import { PEG_ITEMS } from "@/lib/taper/codes/loinc";\nexport const x = PEG_ITEMS;\n'],
  ])("%s may not import an engine internal: %s", async (file, source) => {
    expect((await restrictedImports(file, source)).join(" ")).toMatch(/entry points only/);
  }, 60_000);

  it.each([
    ["app/_components/Example.tsx", 'import { calculateMme } from "@/lib/mme";\nimport { shortProductLabel } from "@/lib/taper";\nimport { buildCarePlan } from "@/lib/careplan";\nexport const x = [calculateMme, shortProductLabel, buildCarePlan];\n'],
    ["lib/hooks/useExample.ts", 'import { mmeTimeline } from "@/lib/mme";\nimport { observationSeries } from "@/lib/taper";\nexport const x = [mmeTimeline, observationSeries];\n'],
  ])("%s may import the engines' entry points", async (file, source) => {
    expect(await restrictedImports(file, source)).toEqual([]);
  }, 60_000);

  it.each([
    ["lib/mme/example.ts", 'import { z } from "zod";\nexport const x = z;\n', /zod/],
    ["lib/taper/example.ts", 'import { useState } from "react";\nexport const x = useState;\n', /React/],
    ["lib/careplan/example.ts", 'import { loadPatientRecord } from "@/lib/fhir/record";\nexport const x = loadPatientRecord;\n', /import only lib\/domain/],
    ["app/_components/Example.tsx", 'import FHIR from "fhirclient";\nexport const x = FHIR;\n', /lib\/smart/],
  ])("%s: the one-way rule holds (%s)", async (file, source, message) => {
    expect((await restrictedImports(file, source)).join(" ")).toMatch(message);
  }, 60_000);
});
