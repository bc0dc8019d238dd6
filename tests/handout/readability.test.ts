import { describe, expect, it } from "vitest";
import { fernandezHuerta } from "@/lib/handout";
import { spanishSyllables, textCounts } from "@/lib/handout/readability";

describe("Fernández-Huerta readability (Spanish)", () => {
  it.each([
    ["casa", 2], ["medicina", 4], ["oxicodona", 5], ["día", 2], ["tenía", 3], ["poeta", 3], ["aéreo", 4],
    ["bueno", 2], ["ciudad", 2], ["Uruguay", 3], ["hoy", 1], ["muy", 1], ["y", 1], ["pingüino", 3], ["acuéstese", 4],
    ["naloxona", 4], ["abstinencia", 4], ["farmacéutico", 5], ["país", 2], ["aceite", 3],
  ])("%s has %i syllables", (word, n) => {
    expect(spanishSyllables(word)).toBe(n);
  });

  it("worked example: 'Tome agua. Coma poco.' = 4 words, 2 sentences, 8 syllables", () => {
    expect(textCounts("Tome agua. Coma poco.")).toEqual({ words: 4, sentences: 2, syllables: 8 });
    // 206.84 - 60 x 8/4 - 1.02 x 4/2 = 206.84 - 120 - 2.04 = 84.8
    expect(fernandezHuerta("Tome agua. Coma poco.")).toBeCloseTo(84.8, 6);
  });

  it("tells plain text from legal prose", () => {
    const plain = "Camine un poco cada día. Tome agua. Duerma a la misma hora.";
    const legal = "La discontinuación de la farmacoterapia opioide necesita una individualización meticulosa considerando las características fisiopatológicas, psicosociales y farmacocinéticas correspondientes a cada situación clínica particularmente complicada.";
    expect(fernandezHuerta(plain)).toBeGreaterThan(80);
    expect(fernandezHuerta(legal)).toBeLessThan(30);
    expect(fernandezHuerta("")).toBeNaN();
  });
});
