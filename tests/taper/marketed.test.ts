/**
 * The marketed-strength table (data/marketed-strengths.json; reproduced byte for byte by
 * `npm run generate:marketed-strengths` in tests/scripts/generators.test.ts): what it says about
 * products a pharmacist knows.
 */
import { describe, expect, it } from "vitest";
import { productByRxnorm } from "@/lib/mme/catalog";
import { isMarketed, MARKETED_SOURCE } from "@/lib/taper/plan/marketed";

const marketed = (rxnorm: string): boolean => {
  const p = productByRxnorm(rxnorm);
  if (p === null) throw new Error(`test setup: ${rxnorm} not in the catalog`);
  return isMarketed(p);
};

describe("marketed strengths", () => {
  it("says where it comes from and how recent it is", () => {
    expect(MARKETED_SOURCE).toMatch(/CDC NCIPC.*2018 version.*NDCs listed up to May 2018/);
  });

  it.each([
    // [rxnorm, name, marketed?, why]
    ["895217", "morphine sulfate 5 MG Extended Release Oral Tablet", false, "issue 20 item 4: no US morphine ER 5 mg tablet"],
    ["891881", "morphine sulfate 15 MG Extended Release Oral Tablet", true, "MS Contin 15 mg"],
    ["895201", "morphine sulfate 20 MG Oral Tablet", false, "morphine IR tablets are 15 and 30 mg (and 10 mg)"],
    ["892582", "morphine sulfate 15 MG Oral Tablet", true, ""],
    ["1049621", "oxycodone hydrochloride 5 MG Oral Tablet", true, ""],
    ["1860157", "Abuse-Deterrent 12 HR oxycodone hydrochloride 10 MG Extended Release Oral Tablet", true, "OxyContin 10 mg"],
    ["577057", "72 HR fentanyl 0.012 MG/HR Transdermal System", true, "the smallest fentanyl patch"],
    ["1790527", "Abuse-Deterrent 12 HR oxycodone 9 MG Extended Release Oral Capsule", true, "Xtampza 9 mg = 10 mg oxycodone hydrochloride, as the compilation lists it"],
    ["2670390", "tramadol hydrochloride 25 MG Oral Tablet", false, "not in the 2018 compilation (a later product): never used to build a dose"],
  ])("%s %s: %s (%s)", (rxnorm, _name, expected) => {
    expect(marketed(rxnorm)).toBe(expected);
  });
});
