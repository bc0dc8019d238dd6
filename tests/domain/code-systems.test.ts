/**
 * One home per code system (issue 14.4): each FHIR code-system URI is written once in the product's
 * source (lib/domain/code-systems.ts) and imported everywhere else, so a reader that accepts the OID
 * form in one place cannot reject it in another. Tests and fixtures keep their own literal URIs on
 * purpose: they are inputs as an EHR sends them, independent of the code under test.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isNdcSystem, isRxNormSystem, NDC_SYSTEM, RXNORM_SYSTEM } from "@/lib/domain/code-systems";

const SOURCE_DIRS = ["lib", "app", "cli", "sandbox", "bench", "scripts", "proxy.ts", "launch.html"];
const URIS = [
  "http://www.nlm.nih.gov/research/umls/rxnorm",
  "urn:oid:2.16.840.1.113883.6.88",
  "http://hl7.org/fhir/sid/ndc",
  "urn:oid:2.16.840.1.113883.6.69",
  "http://loinc.org",
  "http://snomed.info/sct",
  "http://unitsofmeasure.org",
];

function sourceFiles(): string[] {
  return execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", ...SOURCE_DIRS], { encoding: "utf8" })
    .split("\0")
    .filter((f) => /\.(ts|tsx|mjs|js|html)$/.test(f) && !f.endsWith(".generated.ts"));
}

describe("code-system URIs", () => {
  it.each(URIS)("%s is written once in the product's source, in lib/domain/code-systems.ts", (uri) => {
    const quoted = `"${uri}"`;
    const files = sourceFiles().filter((f) => readFileSync(f, "utf8").includes(quoted));
    expect(files).toEqual(["lib/domain/code-systems.ts"]);
  });

  it.each([
    [RXNORM_SYSTEM, true],
    ["urn:oid:2.16.840.1.113883.6.88", true],
    ["http://www.nlm.nih.gov/research/umls/rxnorm/", false],
    [NDC_SYSTEM, false],
    [undefined, false],
  ])("isRxNormSystem(%s) is %s", (system, expected) => {
    expect(isRxNormSystem(system)).toBe(expected);
  });

  it.each([
    [NDC_SYSTEM, true],
    ["urn:oid:2.16.840.1.113883.6.69", true],
    [RXNORM_SYSTEM, false],
    [undefined, false],
  ])("isNdcSystem(%s) is %s", (system, expected) => {
    expect(isNdcSystem(system)).toBe(expected);
  });
});
