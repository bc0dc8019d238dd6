export type { ClinicContact, Handout, HandoutFact, HandoutInput, HandoutLanguage, HandoutRow, HandoutSection } from "./types";
export { HANDOUT_LANGUAGES } from "./types";
export { buildHandout } from "./build";
export { handoutAsText } from "./text";
export { languageFromCommunication } from "./language";
export { fernandezHuerta } from "./readability";
