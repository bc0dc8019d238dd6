/**
 * Reads a command's input and groups it by patient with the loader (lib/fhir/load):
 * - a Bundle JSON file (any bundle type, many patients): parsed whole, each entry filed;
 * - NDJSON files: streamed line by line (readline), so memory holds only the kept lines.
 * Only the resource types the command asks for are kept (plus Patient and Medication).
 * Bad input (unreadable file, not JSON, not a Bundle, no FHIR resource at all) throws
 * InputError; a malformed line or entry never stops the run (it is reported as unassigned).
 */
import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { createInterface } from "node:readline";
import { factsOf, fileBundle, parseNdjsonLine, PatientGroups, type SourcedResource, type UnattributedResource } from "@/lib/fhir/load";
import { InputError } from "./errors";
import { inputFiles, type InputFile } from "./paths";

export interface ReadOptions {
  /** Patient-scoped resource types to keep (e.g. MedicationRequest). Patient and Medication are always kept. */
  types: ReadonlySet<string>;
}

export interface Input {
  groups: PatientGroups<SourcedResource>;
  unassigned: UnattributedResource[];
}

/** Files one NDJSON resource; returns false when it is not a resource at all (no resourceType). */
function file(input: Input, raw: unknown, item: SourcedResource): boolean {
  const facts = factsOf(raw);
  const filing = input.groups.file(facts, item);
  if (filing.kind === "unattributed") input.unassigned.push({ origin: item.origin, resourceType: facts.resourceType, id: facts.id, issues: [filing.issue] });
  return facts.resourceType !== null;
}

async function readBundle(input: Input, path: string): Promise<void> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (e) {
    throw new InputError(`cannot read ${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const json = parseNdjsonLine(text);
  if (!json.ok) throw new InputError(`${path} is ${json.issue}`);
  const filed = fileBundle(input.groups, json.raw, path);
  if (!filed.ok) throw new InputError(`${path} is ${filed.issue}`);
  input.unassigned.push(...filed.unattributed);
}

async function readNdjson(input: Input, ndjson: Extract<InputFile, { kind: "ndjson" }>, options: ReadOptions): Promise<void> {
  const { path, resourceType } = ndjson;
  if (resourceType !== null && resourceType !== "Patient" && resourceType !== "Medication" && !options.types.has(resourceType)) return;
  const stream = createReadStream(path, { encoding: "utf8" });
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let lineNumber = 0;
  let resources = 0;
  let nonEmpty = 0;
  try {
    for await (const line of lines) {
      lineNumber += 1;
      if (line.trim() === "") continue;
      nonEmpty += 1;
      const origin = `${path}:${lineNumber}`;
      const raw = parseNdjsonLine(line);
      if (!raw.ok) {
        input.unassigned.push({ origin, resourceType, id: null, issues: [raw.issue] });
        continue;
      }
      if (file(input, raw.raw, { text: line, value: null, origin })) resources += 1;
    }
  } catch (e) {
    throw new InputError(`cannot read ${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (nonEmpty > 0 && resources === 0) throw new InputError(`${path} holds no FHIR resource (not NDJSON of FHIR resources)`);
}

/** Reads every input file named by `path`. */
export async function readInput(path: string, options: ReadOptions): Promise<Input> {
  const input: Input = { groups: new PatientGroups(options.types), unassigned: [] };
  for (const file of await inputFiles(path)) {
    if (file.kind === "bundle") await readBundle(input, file.path);
    else await readNdjson(input, file, options);
  }
  return input;
}
