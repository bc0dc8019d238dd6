/**
 * Every generated file is reproduced byte for byte by its `npm run generate:*` script from the sources in
 * the repository (data/ and the locked npm packages): the script is run into a temp dir and the bytes are
 * compared with the committed file. A stale generated file, or a generator that reads anything outside
 * the repository, fails here.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const packageJson: unknown = JSON.parse(readFileSync("package.json", "utf8"));
const scripts: Record<string, string> =
  typeof packageJson === "object" && packageJson !== null && "scripts" in packageJson && typeof packageJson.scripts === "object" && packageJson.scripts !== null
    ? Object.fromEntries(Object.entries(packageJson.scripts).filter((e): e is [string, string] => typeof e[1] === "string"))
    : {};

const GENERATED: Array<[npmScript: string, committedFile: string]> = [
  ["generate:catalog", "lib/mme/catalog/rxnorm-products.generated.ts"],
  ["generate:ndc", "lib/mme/ndc/ndc-table.generated.ts"],
  ["generate:careplan-definitions", "lib/fhir/careplan/careplan-definitions.generated.ts"],
  ["generate:valuesets", "lib/domain/valuesets.generated.ts"],
  ["generate:marketed-strengths", "data/marketed-strengths.json"],
  ["generate:source-attributes", "docs/source-attributes.md"],
];

const dir = mkdtempSync(join(tmpdir(), "generators-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("generated files", () => {
  it("every scripts/generate-*.mjs is an npm script, and every generate:* script is checked here", () => {
    const generateScripts = Object.keys(scripts).filter((k) => k.startsWith("generate:")).sort();
    expect(generateScripts).toEqual(GENERATED.map(([s]) => s).sort());
    const generatorFiles = readdirSync("scripts").filter((f) => /^generate-.*\.mjs$/.test(f)).sort();
    // a generator that imports the TypeScript engines it shares code with runs under tsx
    expect(GENERATED.map(([s]) => scripts[s]?.replace("node --import tsx ", "node ")).sort()).toEqual(generatorFiles.map((f) => `node scripts/${f}`));
  });

  it.each(GENERATED)("npm run %s reproduces %s byte for byte", (script, committed) => {
    const out = join(dir, script.replace(":", "-"));
    execFileSync("npm", ["run", "--silent", script, "--", "--out", out], { stdio: "pipe", timeout: 120_000 });
    expect(readFileSync(out).equals(readFileSync(committed))).toBe(true);
  }, 150_000);
});
