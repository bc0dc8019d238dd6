/**
 * A step's instruction in Spanish, from the planner's structured data (PatientInstruction), never
 * from its English words: the same counts, strengths, doses a day and dates as `patientText`.
 * Drug names are the Spanish generic names (as in MedlinePlus en español); a name not in the table
 * stays as on the label. "ER" is kept as the bottle shows it.
 */
import type { PatientInstruction, PatientProductName, PatientUnits } from "@/lib/domain";
import { longDateIn, numberIn } from "./locale-format";

const LOCALE = "es-US";

/** Generic names in Spanish (ingredient names as RxNorm spells them, lower case). */
const NAMES_ES: Readonly<Record<string, string>> = {
  oxycodone: "oxicodona", hydrocodone: "hidrocodona", morphine: "morfina", hydromorphone: "hidromorfona",
  oxymorphone: "oximorfona", fentanyl: "fentanilo", methadone: "metadona", codeine: "codeína",
  dihydrocodeine: "dihidrocodeína", tramadol: "tramadol", tapentadol: "tapentadol", buprenorphine: "buprenorfina",
  meperidine: "meperidina", levorphanol: "levorfanol", pentazocine: "pentazocina", butorphanol: "butorfanol",
  acetaminophen: "acetaminofén", ibuprofen: "ibuprofeno", aspirin: "aspirina", naloxone: "naloxona",
  naltrexone: "naltrexona", caffeine: "cafeína", butalbital: "butalbital", carisoprodol: "carisoprodol",
  promethazine: "prometazina", homatropine: "homatropina", chlorpheniramine: "clorfeniramina",
  guaifenesin: "guaifenesina", pseudoephedrine: "pseudoefedrina",
};

const ORDINALS_ES = ["primera", "segunda", "tercera", "cuarta", "quinta", "sexta"];

const num = (n: number): string => numberIn(LOCALE, n);
const date = (iso: string): string => longDateIn(LOCALE, iso);

function nameEs(ingredient: string): string {
  return NAMES_ES[ingredient.toLowerCase()] ?? ingredient;
}

/** "oxicodona/acetaminofén ER (2.ª receta)". */
export function productNameEs(name: PatientProductName): string {
  const base = [name.ingredient, ...name.others].map(nameEs).join("/");
  const er = name.extendedRelease ? " ER" : "";
  const order = name.orderOrdinal === null ? "" : ` (${name.orderOrdinal}.ª receta)`;
  return `${base}${er}${order}`;
}

function unitNoun(form: PatientProductName["form"], count: number): string {
  const one = form === "capsule" ? "cápsula" : form === "patch" ? "parche" : "tableta";
  return count === 1 ? one : `${one}s`;
}

/** "1 tableta de oxicodona ER de 30 mg", "2.5 mL de metadona líquida de 1 mg/mL", "1 parche de fentanilo de 25 mcg/h". */
function unitsEs(name: PatientProductName, units: PatientUnits[]): string {
  const drug = name.form === "patch" ? nameEs(name.ingredient) : productNameEs({ ...name, orderOrdinal: null });
  return units
    .map((u) => {
      const strength = `${u.strengths.map(num).join("/")} ${u.strengthUnit}`;
      if (name.form === "liquid") return `${num(u.count)} mL de ${drug} líquida de ${strength}`;
      return `${num(u.count)} ${unitNoun(name.form, u.count)} de ${drug} de ${strength}`;
    })
    .join(" y ");
}

const EVERY_HOURS: Readonly<Record<number, string>> = { 2: "cada 12 horas", 3: "cada 8 horas", 4: "cada 6 horas", 6: "cada 4 horas" };

/** "una vez al día", "cada 8 horas", "5 veces al día": the same choice as the English frequencyText. */
export function frequencyEs(perDay: number): string {
  if (perDay === 1) return "una vez al día";
  const named = EVERY_HOURS[perDay];
  if (named !== undefined) return named;
  if (Number.isInteger(perDay)) return `${num(perDay)} veces al día`;
  const hours = 24 / perDay;
  return Number.isInteger(Math.round(hours * 1000) / 1000) ? `cada ${num(hours)} horas` : `${num(perDay)} veces al día`;
}

/** "una vez al día", "dos veces al día", "3 veces al día" (as the English timesADay: "once", "twice", "3 times"). */
export function timesADayEs(perDay: number): string {
  if (perDay === 1) return "una vez al día";
  return perDay === 2 ? "dos veces al día" : `${num(perDay)} veces al día`;
}

function ordinal(n: number): string {
  return ORDINALS_ES[n - 1] ?? `${num(n)}.ª`;
}

/** "la tercera dosis", "la primera y la segunda dosis". */
function ordinalDosesEs(from: number, count: number): string {
  const list = Array.from({ length: count }, (_, i) => `la ${ordinal(from + i)}`);
  const joined = list.length <= 1 ? (list[0] ?? "") : `${list.slice(0, -1).join(", ")} y ${list[list.length - 1] ?? ""}`;
  return `${joined} dosis`;
}

/** The Spanish instruction for one product at one step. */
export function instructionEs(i: PatientInstruction): string {
  switch (i.kind) {
    case "scheduled": {
      const freq = frequencyEs(i.perDay);
      const often = i.perDay !== 1 && Number.isInteger(i.perDay) && freq.startsWith("cada") ? ` (${timesADayEs(i.perDay)})` : "";
      return `Tome ${unitsEs(i.name, i.units)} ${freq}${often}.`;
    }
    case "split": {
      const freq = frequencyEs(i.perDay);
      const apart = freq.startsWith("cada") ? `, una ${freq}` : "";
      const [first, second] = i.groups;
      if (first === undefined || second === undefined) return `Tome ${num(i.perDay)} dosis al día${apart}.`;
      return `Tome ${num(i.perDay)} dosis al día${apart}: ${unitsEs(i.name, first.units)} en ${ordinalDosesEs(1, first.perDay)} del día, y ${unitsEs(i.name, second.units)} en ${ordinalDosesEs(first.perDay + 1, second.perDay)}.`;
    }
    case "as-needed":
      return `Tome ${unitsEs(i.name, i.units)} solo si lo necesita para el dolor, no más de ${timesADayEs(i.maxPerDay)}.`;
    case "patch": {
      const count = i.units.reduce((n, u) => n + u.count, 0);
      const change = count === 1 ? "Quítese el parche viejo y póngase uno nuevo" : "Quítese los parches viejos y póngase otros nuevos";
      return `Use ${unitsEs(i.name, i.units)} todo el tiempo. ${change} cada ${num(i.changeEveryHours)} horas.`;
    }
    case "stop": {
      const name = productNameEs(i.name);
      return `Deje de tomar ${name}: tome su última dosis el ${date(i.lastDay)}. Desde el ${date(i.from)}, no tome más ${name}.`;
    }
    case "stop-patch":
      return `Quítese su último parche de ${productNameEs(i.name)} el ${date(i.removeOn)}. No se ponga uno nuevo. Así termina esta medicina.`;
    case "switch":
      return `Deje de tomar ${productNameEs(i.previous)}: tome su última dosis el ${date(i.lastDay)}. Desde el ${date(i.start)}: ${instructionEs(i.then)}`;
  }
}
