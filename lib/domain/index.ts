export type * from "./common";
export type * from "./opioids";
export type * from "./mme";
export type * from "./readiness";
export type * from "./taper";
export { OPIOID_INGREDIENTS } from "./opioids";
export { CONFIRMATION_IDS } from "./readiness";
export * from "./code-systems";
