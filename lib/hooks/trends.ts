/** The Summary screen's latest urine drug screens, read by the engine (lib/taper/trends.ts). */
export { latestDrugScreens, type DrugScreenSummary } from "@/lib/taper";
