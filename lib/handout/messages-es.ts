/**
 * Las palabras del folleto en español (lenguaje sencillo, nivel de 6.º grado: prueba de
 * Fernández-Huerta en tests/handout). The same content as messages-en.ts, written (not machine
 * translated) for a clinical reviewer to read and correct here, in one place. Step instructions
 * come from the planner's structured data (instruction-es.ts), never from its English words.
 * Sources as in messages-en.ts (docs/clinical-sources.md 1.6, 1.8 Rec 8 and 11, 1.10).
 * 988: the Suicide & Crisis Lifeline offers Spanish by pressing 2.
 */
import { instructionEs } from "./instruction-es";
import type { HandoutMessages } from "./messages";

const ONE_UNIT: Record<string, string> = { day: "este día", week: "esta semana", month: "este mes" };

export const MESSAGES_ES: HandoutMessages = {
  locale: "es-US",
  title: "Su plan para bajar poco a poco su medicina opioide para el dolor",
  patient: "Paciente",
  birthDate: "Fecha de nacimiento",
  clinician: "Su proveedor de salud",
  clinicPhone: "Teléfono de la clínica",
  afterHoursPhone: "Noches y fines de semana",
  start: "Inicio",
  nextVisit: "Su próxima cita",
  calendarHeading: "Sus dosis",
  calendarHead: ["A partir del", "Qué tomar"],
  noMoreOpioid: "Ya no toma medicina opioide.",
  noChange: (interval) => {
    const when = interval.count === 1 ? ONE_UNIT[interval.unit] : undefined;
    return when === undefined ? "Sin cambios: siga con la misma dosis." : `Sin cambios ${when}: siga con la misma dosis.`;
  },
  sameDose: "Sin cambios: siga con la misma dosis.",
  sections: (phone, afterHoursPhone) => [
    { heading: "Por qué vamos despacio", lines: [
      "Vamos a bajar su dosis poco a poco. Ir despacio ayuda a su cuerpo a acostumbrarse a cada dosis nueva.",
      "No le vamos a quitar la medicina de golpe. Si un paso es muy duro, díganos. Podemos ir más lento o hacer una pausa.",
    ] },
    { heading: "Lo que puede sentir", lines: [
      "Después de bajar la dosis, por unos días puede tener más dolor, dormir mal, o estar nervioso o inquieto.",
      "Puede sudar, bostezar, tener moqueo, el estómago mal, diarrea o dolor en el cuerpo.",
      "Esto suele mejorar en 5 a 10 días.",
    ] },
    { heading: "Lo que ayuda", lines: [
      "Camine o muévase un poco cada día. Dese una ducha tibia. Acuéstese a la misma hora cada noche.",
      "Tome agua y coma poco a la vez. Pregúntenos por medicinas que alivian estas molestias.",
      "Tome su medicina solo como dice este plan. No tome dosis de más.",
    ] },
    { heading: "Alcohol y pastillas para dormir o para los nervios", lines: [
      "No tome alcohol mientras use opioides.",
      "No tome pastillas para dormir, para los nervios (como Xanax, Valium o Ativan) ni para los músculos, a menos que lo sepamos y le digamos que sí.",
      "Con los opioides, pueden hacer que respire muy lento o que deje de respirar.",
    ] },
    { heading: "La naloxona puede salvarle la vida", lines: [
      "Su cuerpo se acostumbra rápido a una dosis más baja. Si vuelve a la dosis alta de antes, puede tener una sobredosis.",
      "Tenga naloxona (Narcan) en su casa. Enseñe a su familia o amigos a usarla.",
      "Si alguien no despierta o no respira bien: dele naloxona y llame al 911.",
    ] },
    { heading: "Pastillas y parches que ya no usa", lines: [
      "No guarde ni comparta los opioides que ya no usa.",
      "Lo mejor: llévelos a un buzón para devolver medicinas. Muchas farmacias tienen uno. Pregunte en su farmacia.",
      "¿No hay un buzón cerca? Vea la lista de la FDA en fda.gov/drugdisposal (en inglés). La oxicodona, hidrocodona, morfina, metadona y fentanilo están en la lista. Esas se pueden echar al inodoro.",
      "Doble el parche usado a la mitad, con los lados que pegan juntos, y échelo al inodoro.",
      "¿No está en la lista (como el tramadol o la codeína)? Mézclelo con café usado, tierra o arena de gato. Ciérrelo en una bolsa. Tírelo a la basura.",
    ] },
    { heading: phone === null ? "Cuándo llamarnos" : `Llámenos al ${phone} si`, lines: [
      ...(phone === null ? ["Nuestro teléfono: ____________________. Llámenos si:"] : []),
      "los síntomas son muy fuertes o no mejoran,",
      "el dolor es más de lo que puede aguantar,",
      "tomó más medicina de lo que dice este plan.",
      ...(afterHoursPhone === null ? [] : [`De noche o en fin de semana, llame al ${afterHoursPhone}.`]),
      "Si alguien no despierta o no respira bien, llame al 911.",
      "Si se siente muy triste o piensa en hacerse daño, llame al 988 a cualquier hora y marque 2 para español. También puede enviar un texto al 988.",
    ] },
  ],
  instruction: (i) => instructionEs(i),
  untranslated: (englishText) => `(En inglés) ${englishText}`,
};
