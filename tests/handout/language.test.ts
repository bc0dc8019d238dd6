import { describe, expect, it } from "vitest";
import { languageFromCommunication } from "@/lib/handout";

const BCP47 = "urn:ietf:bcp:47";
const lang = (code: string, preferred?: boolean) => ({ language: { coding: [{ system: BCP47, code }] }, ...(preferred === undefined ? {} : { preferred }) });

describe("the handout's language from Patient.communication", () => {
  it.each([
    ["no communication", undefined, "en"],
    ["Spanish", [lang("es")], "es"],
    ["Spanish (Mexico), as Synthea writes it", [lang("es-MX")], "es"],
    ["English then Spanish preferred", [lang("en-US"), lang("es", true)], "es"],
    ["Spanish then English preferred", [lang("es"), lang("en", true)], "en"],
    ["a language the handout does not have", [lang("vi")], "en"],
    ["text only (no code)", [{ language: { text: "Spanish" } }], "en"],
  ] as const)("%s -> %s", (_name, communication, expected) => {
    expect(languageFromCommunication(communication)).toBe(expected);
  });
});
