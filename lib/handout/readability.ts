/**
 * Fernández-Huerta readability of Spanish text (Fernández Huerta J., "Medidas sencillas de
 * lecturabilidad", Consigna 214, 1959), in the corrected form used by current tools (Law G.,
 * "Error in the Fernandez Huerta readability formula", 2011; textstat's `fernandez_huerta`):
 *
 *   L = 206.84 - 60 x (syllables / words) - 1.02 x (words / sentences)
 *
 * Scale: 90-100 very easy (4th grade), 80-90 easy (5th), 70-80 fairly easy (6th), 60-70 standard
 * (7th-8th), below 60 harder. Syllables are counted by vowel nuclei under Spanish rules: two
 * strong vowels (a, e, o, or an accented í/ú) are in different syllables (hiatus); a weak vowel
 * (i, u, ü, final y) with another vowel forms one (diphthong, triphthong).
 */

const VOWELS = "aeiouáéíóúü";
const STRONG = "aeoáéíóú";

/** Syllables of one Spanish word (letters only; at least 1). */
export function spanishSyllables(word: string): number {
  const w = word.toLowerCase().replace(/[^a-zñáéíóúü]/g, "");
  let count = 0;
  let previous = "";
  for (let i = 0; i < w.length; i++) {
    const ch = w.charAt(i);
    const isVowel = VOWELS.includes(ch) || (ch === "y" && i === w.length - 1 && i > 0);
    if (!isVowel) {
      previous = "";
      continue;
    }
    const hiatus = previous !== "" && STRONG.includes(previous) && STRONG.includes(ch);
    if (previous === "" || hiatus) count++;
    previous = ch;
  }
  return Math.max(1, count);
}

/** Words, sentences and syllables of a text (a sentence ends at . ! ? ; or : and at the end of each line). */
export function textCounts(text: string): { words: number; sentences: number; syllables: number } {
  const sentences = text.split(/[.!?;:]+(?=\s|$)|\n+/).filter((s) => /[a-záéíóúñü]/i.test(s)).length;
  const words = text.split(/\s+/).filter((t) => /[a-záéíóúñü]/i.test(t));
  return { words: words.length, sentences: Math.max(1, sentences), syllables: words.reduce((n, t) => n + spanishSyllables(t), 0) };
}

/** The Fernández-Huerta score (higher is easier); NaN for a text without words. */
export function fernandezHuerta(text: string): number {
  const { words, sentences, syllables } = textCounts(text);
  if (words === 0) return Number.NaN;
  return 206.84 - 60 * (syllables / words) - 1.02 * (words / sentences);
}
