/** Running the `mme` command in tests: in-process with captured streams, or as a process; its output types; NDJSON builders. */
import { spawnSync } from "node:child_process";
import { PassThrough } from "node:stream";
import { runMme } from "@/cli/mme/main";

export const RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
export const NDC = "http://hl7.org/fhir/sid/ndc";

export interface OrderOut {
  medicationRequest: string;
  status: string;
  mmePerDay: number | null;
  reason: string | null;
  message: string | null;
  assumptions: string[];
  sources: { product: string | null; dose: string | null; frequency: string | null };
}
export interface PatientOut {
  patient: string;
  totalMmePerDay: number | null;
  complete: boolean;
  state: string;
  incompleteReasons: string[];
  bands: { atOrAbove50: boolean; atOrAbove90: boolean };
  orders: OrderOut[];
}
export interface UnassignedOut {
  origin: string;
  resourceType: string | null;
  issues: string[];
  affects: string;
}
export interface Output {
  factorTable: string;
  asOf: string;
  patients: PatientOut[];
  unassigned: UnassignedOut[];
}

export function isOutput(v: unknown): v is Output {
  return typeof v === "object" && v !== null && "patients" in v && Array.isArray(v.patients) && "unassigned" in v && Array.isArray(v.unassigned);
}

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** In this process (one worker: no thread), as of 2025-06-01 unless argv says otherwise. */
export async function run(argv: string[]): Promise<Run> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const chunks = { out: [] as Buffer[], err: [] as Buffer[] };
  stdout.on("data", (c: Buffer) => chunks.out.push(c));
  stderr.on("data", (c: Buffer) => chunks.err.push(c));
  const code = await runMme(argv, { stdout, stderr }, { today: "2025-06-01", cores: 1 });
  return { code, stdout: Buffer.concat(chunks.out).toString("utf8"), stderr: Buffer.concat(chunks.err).toString("utf8") };
}

/** As a process (`node --import tsx cli/mme.ts`), as `npm run mme` runs it (worker threads need a real process). */
export function runProcess(argv: string[]): Run {
  const r = spawnSync(process.execPath, ["--import", "tsx", "cli/mme.ts", ...argv], { encoding: "utf8", maxBuffer: 1 << 30 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function outputOf(r: Run): Output {
  const json: unknown = JSON.parse(r.stdout);
  if (!isOutput(json)) throw new Error("unexpected output shape");
  return json;
}

export function ndjson(resources: unknown[], extraLines: string[] = []): string {
  return [...resources.map((r) => JSON.stringify(r)), ...extraLines].join("\n") + "\n";
}

export function mr(id: string, patient: string, code: string, extra: Record<string, unknown> = {}) {
  return {
    resourceType: "MedicationRequest", id, status: "active", intent: "order", subject: { reference: `Patient/${patient}` }, authoredOn: "2025-05-20",
    medicationCodeableConcept: { coding: [{ system: RXNORM, code }] },
    dosageInstruction: [{ timing: { repeat: { frequency: 1, period: 6, periodUnit: "h" } }, doseAndRate: [{ doseQuantity: { value: 1, unit: "tablet" } }] }],
    ...extra,
  };
}
